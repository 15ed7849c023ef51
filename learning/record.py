"""The development record's public contract.

Other apps contribute entries here and never read learning's internals; learning never reads
theirs. Each entry is keyed by (owner, source, source_key), so contributing again updates it.

Kinds used by other apps: "supervision" (a supervision session held), "peer_session" (a peer
learning session attended) and "risk_enablement_panel" (a panel meeting attended or presented at). Learning itself contributes "reflective_log", "self_assessment" and
the manual kinds "course", "reading", "conference", "other_cpd".

Audiences. An entry's copied content (summary, CPD text) keeps the audience of the record it came
from, which is often narrower than the record's (owner and current supervisors). Each app declares,
in `<app>/audiences.py` (found by name, like dashboard panels):

    CONTENT_AUDIENCES = {source: resolver}   # resolver(viewer, source_keys) -> the keys viewer may read
    def peer_groups_of(user): ...             # optional: [(group id, name)] the user belongs to

Everything that shows entries (record page, exports, PDFs, panels) passes them through
`visible_content`; a source nobody declared shows its content to the owner only.
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from core.app_hooks import app_modules

from .models import EntryKind, RecordEntry, as_decimal

KINDS = EntryKind


def contribute(
    *,
    owner,
    source: str,
    source_key: str,
    kind: str,
    title: str,
    occurred_on: datetime.date,
    hours: Decimal | float | None = None,
    url: str = "",
    summary: str = "",
    statement_ids: Iterable[int] = (),
    counts_as_cpd: bool = False,
    includes_peer_reflection: bool = False,
    cpd_details: list | None = None,
) -> RecordEntry:
    """Create or update (upsert by owner+source+source_key) one entry on owner's development record."""
    values = {
        "kind": kind,
        "title": (title or "Untitled")[:255],
        "occurred_on": occurred_on,
        "hours": as_decimal(hours),
        "url": url or "",
        "summary": summary or "",
        "counts_as_cpd": bool(counts_as_cpd),
        "includes_peer_reflection": bool(includes_peer_reflection),
        "cpd_details": list(cpd_details or []),
    }
    with transaction.atomic():
        entry, _ = RecordEntry.objects.update_or_create(
            owner=owner, source=source, source_key=str(source_key), defaults=values
        )
        entry.statements.set(list(statement_ids or ()))
    return entry


def withdraw(*, source: str, source_key: str, owner=None) -> int:
    """Remove the entries a source contributed (for one owner, or all owners); returns how many."""
    entries = RecordEntry.objects.filter(source=source, source_key=str(source_key))
    if owner is not None:
        entries = entries.filter(owner=owner)
    _all, deleted = entries.delete()
    return deleted.get(RecordEntry._meta.label, 0)


NOT_SHARED = "Not shared with you"


def _audiences():
    resolvers = {}
    for _config, module in app_modules("audiences"):
        resolvers.update(getattr(module, "CONTENT_AUDIENCES", {}))
    return resolvers


def visible_content(viewer, entries) -> list[RecordEntry]:
    """The entries as this viewer may see them: each gets .content_shown, and where the rule of the
    record it came from does not include the viewer, its summary and CPD text are blanked (in memory)."""
    entries = list(entries)
    others = {}
    for entry in entries:
        if entry.owner_id != getattr(viewer, "pk", None):
            others.setdefault(entry.source, set()).add(entry.source_key)
    resolvers = _audiences() if others else {}
    readable = {}
    for source, keys in others.items():
        resolver = resolvers.get(source)
        # Unknown source: its owner only. Anonymous viewers never reach a record.
        allowed = resolver(viewer, keys) if resolver and viewer.is_authenticated else set()
        readable[source] = {str(key) for key in allowed}
    for entry in entries:
        shown = entry.owner_id == getattr(viewer, "pk", None) or entry.source_key in readable.get(entry.source, ())
        entry.content_shown = shown
        if not shown:
            entry.summary = ""
            entry.cpd_details = []
    return entries


def peer_groups_of(user) -> list[tuple[int, str]]:
    """[(id, name)] of the peer groups the user belongs to, as the apps that keep peer groups declare."""
    groups = []
    if getattr(user, "is_authenticated", False):
        for _config, module in app_modules("audiences"):
            declared = getattr(module, "peer_groups_of", None)
            if declared is not None:
                groups += list(declared(user))
    return sorted(groups, key=lambda group: (group[1].lower(), group[0]))


def peer_group_ids_of(user) -> set[int]:
    """The ids of the peer groups the user belongs to."""
    return {pk for pk, _name in peer_groups_of(user)}
