"""What /healthz reports to load balancers and monitoring: each part the site depends on.

"failed" (503): this process cannot serve pages (no database or no cache): take it out of the
pool. "degraded" (200): pages work but something behind them does not (no worker beating,
so reminders and exports wait; search down, so it answers from the database). Apps add their
own checks in `<app>/health.py` as `check() -> (name, state, essential)`. Nothing personal is
reported: states only.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection

from .app_hooks import app_modules
from .worker import worker_alive

log = logging.getLogger(__name__)

OK = "ok"


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return OK


def _cache():
    key, value = "healthz:probe", uuid.uuid4().hex
    cache.set(key, value, 30)
    return OK if cache.get(key) == value else "not keeping what it is given"


def _worker():
    return OK if worker_alive() else "no heartbeat"


def report() -> tuple[int, dict]:
    """(HTTP status, body): 200 ok or degraded, 503 failed."""
    checks, essential_failed, degraded = {}, False, False
    for name, check, essential in [("database", _database, True), ("cache", _cache, True), ("worker", _worker, False)]:
        try:
            checks[name] = check()
        except Exception as error:  # noqa: BLE001 - any failure is the answer
            log.warning("Health check %s failed: %s", name, type(error).__name__)
            checks[name] = "unavailable"
        if checks[name] != OK:
            essential_failed |= essential
            degraded |= not essential
    for _config, module in app_modules("health"):
        if module.__name__ == __name__:
            continue  # this module: the site's own checks, above
        try:
            name, state, essential = module.check()
        except Exception as error:  # noqa: BLE001
            log.warning("Health check in %s failed: %s", module.__name__, type(error).__name__)
            name, state, essential = module.__name__.rsplit(".", 1)[0], "unavailable", False
        checks[name] = state
        if state not in (OK, "database"):
            essential_failed |= essential
            degraded |= not essential
    status = "failed" if essential_failed else "degraded" if degraded else OK
    return (503 if essential_failed else 200), {"status": status, "checks": checks}
