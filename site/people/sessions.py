"""Database sessions that still end when the database is busy.

On the embedded default (SQLite) an import can hold the write lock for minutes. Signing out must
still sign the person out: if the session row cannot be deleted, the cookie is cleared anyway and
the key is remembered as ended, so this process refuses it and deletes the row once it can. Rows
left behind expire after SESSION_IDLE_MINUTES like any other. A page view that only renews the
session's expiry (SESSION_SAVE_EVERY_REQUEST) skips the renewal rather than fail the page.
"""

import logging

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import OperationalError

logger = logging.getLogger(__name__)

# Keys whose sign-out could not be written yet (per process; bounded).
_ENDED_KEYS = set()
_ENDED_KEYS_LIMIT = 10_000


class SessionStore(DatabaseSessionStore):
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
