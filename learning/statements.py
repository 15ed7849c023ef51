"""The framework statements, kept per process (core.process_cache) and shared: every log form, the
logs' filter and the development record list all of them (37 statements with their domain and
framework: a query and 111 objects a page before).

They change only when a practice lead edits a framework in the admin: the process that saves forgets
its copy at once, another app process reads them again within STALE_SECONDS. The objects are shared
between threads and requests: read them, never change them.
"""

from core.process_cache import ProcessCache

from .models import Framework, FrameworkDomain, FrameworkStatement

STALE_SECONDS = 60

_statements = ProcessCache(
    lambda: tuple(FrameworkStatement.objects.select_related("domain__framework")),
    seconds=STALE_SECONDS, models=(Framework, FrameworkDomain, FrameworkStatement),
)


def all_statements() -> tuple[FrameworkStatement, ...]:
    """Every statement, in the frameworks' order, its domain and framework loaded (read-only)."""
    return _statements.get()


def by_pk() -> dict[int, FrameworkStatement]:
    return {s.pk: s for s in all_statements()}


def label(statement) -> str:
    """'PCF 3: Diversity', as forms and lists show a statement."""
    return f"{statement.domain.framework.short_name} {statement.code}: {statement.title}"


def active_choices() -> list[tuple[int, str]]:
    """(pk, label) of the statements of active frameworks, for choosing one on a form."""
    return [(s.pk, label(s)) for s in all_statements() if s.domain.framework.is_active]
