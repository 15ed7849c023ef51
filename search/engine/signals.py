"""Listening to the directory: queue changed services in the changing transaction, apply on commit.

The directory's contract `search.changes` works out which services a saved or deleted record belongs
to, and sends `services_changed` once the transaction commits. Here, each save or delete also
writes a pending-update row in the same transaction (so a crash between commit and indexing
loses nothing), and `services_changed` queues a task for the worker to apply them.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from search import changes as directory

from .models import PendingIndexUpdate

log = logging.getLogger(__name__)


def on_saved_or_deleted(sender, instance, **kwargs):
    if not directory.watches(sender):
        return
    if kwargs.get("raw") or getattr(instance, "_skip_change_signal", False):
        return
    # Outside a transaction the commit has already happened: `services_changed` covers it.
    if not transaction.get_connection().in_atomic_block:
        return
    try:
        ids = directory.services_affected_by(instance)
    except Exception:  # a half-deleted parent: its own signal covers it
        return
    from search.models import Service

    from .indexing import record_change

    deleted = kwargs.get("signal") is post_delete and isinstance(instance, Service)
    record_change(ids, PendingIndexUpdate.Action.DELETE if deleted else PendingIndexUpdate.Action.INDEX)


def on_service_deleting(sender, instance, **kwargs):
    """A deleted service's search entry goes with it (cascade): take its words off the word list first."""
    from .db_backend import count_words
    from .models import SearchEntry

    count_words([], SearchEntry.objects.filter(service_id=instance.pk))


def on_services_changed(sender, service_ids, **kwargs):
    from .indexing import ensure_recorded
    from .tasks import apply_index_updates

    try:
        ensure_recorded(service_ids)
        apply_index_updates.enqueue([str(i) for i in service_ids])
    except Exception:  # never break the editor's save: the row waits for the worker's scheduled drain
        log.exception("Could not queue search index updates for %s services", len(service_ids))


def connect():
    post_save.connect(on_saved_or_deleted, dispatch_uid="search_engine_post_save")
    post_delete.connect(on_saved_or_deleted, dispatch_uid="search_engine_post_delete")
    pre_delete.connect(on_service_deleting, sender="directory.Service", dispatch_uid="search_engine_pre_delete")
    directory.services_changed.connect(on_services_changed, dispatch_uid="search_engine_services_changed")
