"""The framework statements, read once per process and shared: every log form, the logs' filter and
the development record list all of them (37 statements, with domain and framework: a query and 111
objects a page before this).

They change only when a practice lead edits a framework in the admin. The process that saves forgets
its copy at once (the signals below); another app process reads them again within STALE_SECONDS.
The objects are shared between threads and requests: read them, never change them.
"""

import threading
import time

from django.db.models.signals import post_delete, post_save

from .models import Framework, FrameworkDomain, FrameworkStatement

STALE_SECONDS = 60

_lock = threading.Lock()
_cache: dict = {"at": None, "statements": ()}


def forget(**_signal):
    """Read the statements again on next use (after an edit, and between tests)."""
    _cache["at"] = None


for _model in (Framework, FrameworkDomain, FrameworkStatement):
    post_save.connect(forget, sender=_model, dispatch_uid=f"learning.statements.saved.{_model.__name__}")
    post_delete.connect(forget, sender=_model, dispatch_uid=f"learning.statements.deleted.{_model.__name__}")


def all_statements() -> tuple[FrameworkStatement, ...]:
    """Every statement, in the frameworks' order, its domain and framework loaded (read-only)."""
    with _lock:
        if _cache["at"] is None or time.monotonic() - _cache["at"] >= STALE_SECONDS:
            _cache["statements"] = tuple(FrameworkStatement.objects.select_related("domain__framework"))
            _cache["at"] = time.monotonic()
        return _cache["statements"]


def by_pk() -> dict[int, FrameworkStatement]:
    return {s.pk: s for s in all_statements()}


def label(statement) -> str:
    """'PCF 3: Diversity', as forms and lists show a statement."""
    return f"{statement.domain.framework.short_name} {statement.code}: {statement.title}"


def active_choices() -> list[tuple[int, str]]:
    """(pk, label) of the statements of active frameworks, for choosing one on a form."""
    return [(s.pk, label(s)) for s in all_statements() if s.domain.framework.is_active]
