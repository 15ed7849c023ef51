"""Per-process caches of shared, rarely changed data that every request would otherwise read.

Only for data that is the same for everyone (site settings, the apps' hook modules): never for
anything personal. A value is read again after `seconds`, so a change made in another process (a
second gunicorn worker, another machine) shows within that time; in the process that saves one of
`models`, it is forgotten at once and again when the transaction commits. The tests forget every
cache between tests (conftest.py), since their transactions roll back without a save signal.
"""

import threading
import time

from django.db import transaction
from django.db.models.signals import post_delete, post_save

_caches = []


class ProcessCache:
    def __init__(self, load, *, seconds=None, models=()):
        self.load = load
        self.seconds = seconds  # None: until a save in this process (or a restart)
        self._entry = None  # (loaded at, value)
        self._lock = threading.Lock()
        for model in models:
            post_save.connect(self._changed, sender=model, weak=False)
            post_delete.connect(self._changed, sender=model, weak=False)
        _caches.append(self)

    def get(self):
        entry = self._entry
        if entry is None or (self.seconds is not None and time.monotonic() - entry[0] > self.seconds):
            with self._lock:  # one thread loads; the others wait for its value
                entry = self._entry
                if entry is None or (self.seconds is not None and time.monotonic() - entry[0] > self.seconds):
                    entry = self._entry = (time.monotonic(), self.load())
        return entry[1]

    def clear(self):
        self._entry = None

    def _changed(self, **kwargs):
        self.clear()
        transaction.on_commit(self.clear)  # a thread may have read the old row before the commit


def clear_all():
    """Forget every process cache (tests: the database rolled back under them)."""
    for cache in _caches:
        cache.clear()
