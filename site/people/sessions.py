"""Database sessions that still end when the database is busy.

On the embedded default (SQLite) an import can hold the write lock for minutes. Signing out must
still sign the person out: if the session row cannot be deleted, the cookie is cleared anyway and
the key is remembered as ended, so this process refuses it and deletes the row once it can. Rows
left behind expire after SESSION_IDLE_MINUTES like any other. A page view that only renews the
session's expiry (SESSION_SAVE_EVERY_REQUEST) skips the renewal rather than fail the page.

Every request reads its session, so the read is one plain SQL statement: building it through the
ORM cost about three times the CPU of running it (`_get_session_from_db`).

Renewing the expiry is a database write on every page view. A session renewed less than
SESSION_RENEW_SECONDS ago (60) is not written again unless its contents changed, so a session ends
between SESSION_IDLE_MINUTES less a minute and SESSION_IDLE_MINUTES after the last request.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import OperationalError, connections, router
from django.utils import timezone
from django.utils.dateparse import parse_datetime

logger = logging.getLogger(__name__)

# Keys whose sign-out could not be written yet (per process; bounded).
_ENDED_KEYS = set()
_ENDED_KEYS_LIMIT = 10_000


class SessionStore(DatabaseSessionStore):
    _stored_expiry = None  # the row's expiry as loaded: when it was last renewed

    def _get_session_from_db(self):
        # What Django's backend asks (the live row with this key), without the ORM's query building.
        model = self.model
        connection = connections[router.db_for_read(model)]
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('session_data')}, {quote('expire_date')} FROM {quote(model._meta.db_table)} "
                f"WHERE {quote('session_key')} = %s AND {quote('expire_date')} > %s",
                [self.session_key, connection.ops.adapt_datetimefield_value(timezone.now())],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            self._stored_expiry = None
            return None
        data, expires = row
        if isinstance(expires, str):
            expires = parse_datetime(expires)
        if timezone.is_naive(expires):  # SQLite keeps UTC without a zone
            expires = timezone.make_aware(expires, datetime.UTC)
        self._stored_expiry = expires
        return model(session_key=self.session_key, session_data=data, expire_date=expires)

    def _renewed_recently(self):
        if self._stored_expiry is None or self.get("_session_expiry"):  # 0: until the browser closes
            return False
        renew_after = datetime.timedelta(seconds=self.get_expiry_age() - settings.SESSION_RENEW_SECONDS)
        return self._stored_expiry > timezone.now() + renew_after

    def load(self):
        if self.session_key in _ENDED_KEYS:
            self._delete_ended(self.session_key)
            self._session_key = None
            return {}
        return super().load()

    def exists(self, session_key):
        return session_key not in _ENDED_KEYS and super().exists(session_key)

    def delete(self, session_key=None):
        key = session_key or self.session_key
        try:
            super().delete(session_key)
        except OperationalError:
            logger.warning("Session could not be deleted (database busy); ended in memory and cookie cleared")
            if key and len(_ENDED_KEYS) < _ENDED_KEYS_LIMIT:
                _ENDED_KEYS.add(key)

    def save(self, must_create=False):
        if not must_create and not self.modified and self.session_key and self._renewed_recently():
            return
        try:
            super().save(must_create=must_create)
        except OperationalError:
            if must_create or self.modified:
                raise
            logger.warning("Session expiry not renewed (database busy)")

    @staticmethod
    def _delete_ended(key):
        try:
            DatabaseSessionStore().delete(key)
        except OperationalError:
            return
        _ENDED_KEYS.discard(key)
