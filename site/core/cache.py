"""The shared cache on the database, at one statement per write.

Django's database cache counts the whole table before every write (to cull it) and writes in a
transaction of a select then an insert or update: five round trips for each `set` or `add`. The
sign-in's rate limits take a lock (`add`), read, write and free it for each of their three limits,
so a sign-in cost about seventy queries. Here a write is one upsert (`INSERT ... ON CONFLICT`, on
PostgreSQL and SQLite alike), and `add` stays atomic across processes: the database decides in that
one statement whether a live entry already holds the key. Culling runs at most once a minute per
process instead of counting on every write.
"""

import base64
import pickle
import threading
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, router
from django.utils.timezone import now as tz_now

CULL_EVERY_SECONDS = 60

_last_cull = {}  # table -> time.monotonic() of this process's last cull
_cull_lock = threading.Lock()


class DatabaseCache(DjangoDatabaseCache):
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._upsert(self.make_and_validate_key(key, version=version), value, timeout, only_if_expired=False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._upsert(self.make_and_validate_key(key, version=version), value, timeout, only_if_expired=True)

    def _upsert(self, key, value, timeout, *, only_if_expired):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if connection.vendor not in ("postgresql", "sqlite"):
            return self._base_set("add" if only_if_expired else "set", key, value, timeout)
        timeout = self.get_backend_timeout(timeout)
        expires = datetime.max if timeout is None else datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        now = tz_now().replace(microsecond=0)
        pickled = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        quote = connection.ops.quote_name
        table = quote(self._table)
        sql = (
            f"INSERT INTO {table} ({quote('cache_key')}, {quote('value')}, {quote('expires')}) VALUES (%s, %s, %s) "
            f"ON CONFLICT ({quote('cache_key')}) DO UPDATE SET {quote('value')} = excluded.{quote('value')}, "
            f"{quote('expires')} = excluded.{quote('expires')}"
        )
        params = [key, pickled, connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))]
        if only_if_expired:  # add: only over an entry that has run out
            sql += f" WHERE {table}.{quote('expires')} < %s"
            params.append(connection.ops.adapt_datetimefield_value(now))
        self._cull_now_and_then(db, connection, now)
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.rowcount == 1
        except DatabaseError:
            return False  # as Django's: a cache write may fail without failing the page

    def _cull_now_and_then(self, db, connection, now):
        due = time.monotonic() - CULL_EVERY_SECONDS
        if _last_cull.get(self._table, due - 1) > due:
            return
        with _cull_lock:
            if _last_cull.get(self._table, due - 1) > due:
                return
            _last_cull[self._table] = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(self._table)}")
            count = cursor.fetchone()[0]
            if count > self._max_entries:
                self._cull(db, cursor, now, count)
