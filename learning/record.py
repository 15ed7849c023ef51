"""The development record's public contract.

Other apps contribute entries here and never read learning's internals; learning never reads
theirs. Each entry is keyed by (owner, source, source_key), so contributing again updates it.

Kinds used by other apps: "supervision" (a supervision session held) and "peer_session" (a peer
learning session attended). Learning itself contributes "reflective_log", "self_assessment" and
the manual kinds "course", "reading", "conference", "other_cpd".
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

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
    count = entries.count()
    entries.delete()
    return count
