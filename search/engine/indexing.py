"""Keeping the search entries and the Elasticsearch index in step with the directory.

A change to a service (or any part of it) writes a `PendingIndexUpdate` row in the same
transaction. When the transaction commits, the directory announces the changed services
(`search.changes.services_changed`) and a task is queued for the worker (search.engine.tasks), which
applies the rows: the database fallback's entry is rewritten and the document is sent to
Elasticsearch. Rows stay until Elasticsearch has accepted them, so an outage only delays updates: the
worker's scheduled drain (every minute) or `directory_index --catch-up` applies them once it is back.
Searching never writes.
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import connection, transaction
from django.utils import timezone

from . import documents, es, fulltext, meaning, ranking, semantic
from .models import (
    PendingIndexUpdate,
    SearchEntry,
    SearchEntryFacet,
    SearchEntryLocation,
    SearchEntryOpening,
    facet_key,
)

log = logging.getLogger(__name__)

_tx = threading.local()


# ---- Recording changes ------------------------------------------------------------------------


def record_change(service_ids, action=PendingIndexUpdate.Action.INDEX):
    """Queue these services for reindexing, inside the caller's transaction (once per transaction)."""
    ids = {i for i in service_ids if i}
    if not ids:
        return
    connection = transaction.get_connection()
    state = getattr(_tx, "state", None)
    same_transaction = (
        state is not None
        and connection.in_atomic_block
        and any(entry[1] is state["marker"] for entry in connection.run_on_commit)
    )
    if not same_transaction:
        state = {"marker": _noop_factory(), "seen": {}}
        _tx.state = state
        if connection.in_atomic_block:
            transaction.on_commit(state["marker"])
    new = [i for i in ids if state["seen"].get(i) != action]
    if not new:
        return
    PendingIndexUpdate.objects.bulk_create([PendingIndexUpdate(service_id=i, action=action) for i in new])
    for i in new:
        state["seen"][i] = action


def _noop_factory():
    def marker():
        pass

    return marker


def ensure_recorded(service_ids):
    """Queue services that have no pending row yet (changes made without model signals)."""
    ids = {i for i in service_ids if i}
    if not ids:
        return
    have = set(PendingIndexUpdate.objects.filter(service_id__in=ids).values_list("service_id", flat=True))
    missing = ids - have
    if missing:
        PendingIndexUpdate.objects.bulk_create([PendingIndexUpdate(service_id=i) for i in missing])


# ---- Applying them ----------------------------------------------------------------------------


def write_entries(docs: list[dict], gone_ids=()):
    """Rewrite the database fallback's entries for these documents; remove entries of `gone_ids`."""
    from .db_backend import count_words, vocabulary

    ids = [d["service_id"] for d in docs]
    with transaction.atomic():
        replaced = SearchEntry.objects.filter(service_id__in=[*ids, *gone_ids])
        count_words(docs, replaced)
        _delete_entries(replaced)
        _insert_entries(docs)
    from . import places

    vocabulary.invalidate()
    ranking.forget_frequencies()
    meaning.entry_vectors.invalidate()
    places.invalidate()


ENTRY_TERM_FIELDS = ["name_terms", "taxonomy_terms", "organisation_terms", "description_terms", "place_terms"]


def _insert_entries(docs):
    """Write the entries and their parts as plain rows.

    bulk_create would make a model instance of every entry, facet, location and opening and pass
    each value through its field: most of a rebuild's time on the database side. The few values
    that need the database's own form (the id, the time) are prepared once per entry or batch.
    """
    service_id = SearchEntry._meta.pk.target_field
    facet_keys = SearchEntry._meta.get_field("facet_keys")
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    entries, facets, locations, opening_rows = [], [], [], []
    for doc in docs:
        sid = service_id.get_db_prep_value(doc["service_id"], connection)
        terms = [_padded(doc[f]) for f in ENTRY_TERM_FIELDS]
        its_facets = _facets(doc)
        keys = facet_keys.get_db_prep_value(sorted(facet_key(kind, value) for kind, value, _label in its_facets), connection)
        entries.append(
            (
                sid, doc["name"][:255], doc["name_sort"][:255], doc["description"], *terms,
                _padded(" ".join(doc[f] for f in ENTRY_TERM_FIELDS if doc[f])), doc["spelling"],
                doc["min_age"], doc["max_age"], doc["is_free"], doc["assured_date"], keys, semantic.stored_bytes(doc.get("meaning")), now,
            )
        )
        facets += [(sid, kind, value, label) for kind, value, label in its_facets]
        locations += [(sid, lat, lon) for lat, lon in doc["locations"]]
        opening_rows += [(sid, start, end) for start, end in doc["openings"]]
    _insert(
        SearchEntry,
        ["service_id", "name", "name_sort", "description", *ENTRY_TERM_FIELDS, "all_terms", "spelling",
         "min_age", "max_age", "is_free", "assured_date", "facet_keys", "meaning", "updated_at"],
        entries,
    )
    _insert(SearchEntryFacet, ["entry_id", "kind", "value", "label"], facets)
    _insert(SearchEntryLocation, ["entry_id", "latitude", "longitude"], locations)
    _insert(SearchEntryOpening, ["entry_id", "start_minute", "end_minute"], opening_rows)
    if connection.vendor == "postgresql" and entries:
        with connection.cursor() as cursor:
            fulltext.copy_matches(cursor, [doc["service_id"] for doc in docs])


def _insert(model, columns, rows):
    if not rows:
        return
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _padded(terms: str) -> str:
    return f" {terms} " if terms else ""


def _facets(doc):
    """(kind, value, label) of each filterable value of a document, once each (a term given twice
    counts once), so facet counts need no DISTINCT."""
    rows = [("taxonomy_term", v, label[:255]) for v, label in doc["taxonomy_term_ids"]]
    rows += [("taxonomy", v, label[:255]) for v, label in doc["taxonomy_ids"]]
    rows += [("service_area", v[:255], v[:255]) for v in doc["service_areas"]]
    rows += [("area_code", v, v) for v in doc["area_codes"]]
    rows += [("accessibility", v[:255], v[:255]) for v in doc["accessibility"]]
    return list({(kind, value): (kind, value, label) for kind, value, label in rows}.values())


def build_documents(service_ids) -> tuple[list[dict], set[str]]:
    """(documents of the listed services among these ids, ids that must leave the index)."""
    ids = {str(i) for i in service_ids}
    docs = documents.documents_for(ids)
    return docs, ids - {d["service_id"] for d in docs}


def with_meaning(docs: list[dict], *, from_entries=False) -> list[dict]:
    """The documents with their service's vector (`meaning`), for the index and the entries,
    embedded as one batch (those that have one already keep it). `from_entries`: first take the
    vector of each service's database entry when it was worked out from the same name and
    description (a rebuild of the index after the entries' own: nothing is embedded twice)."""
    if from_entries:
        _meaning_from_entries([doc for doc in docs if not doc.get("meaning")])
    missing = [doc for doc in docs if not doc.get("meaning")]
    texts = [semantic.service_text(doc["name"], doc["description"]) for doc in missing]
    for doc, vector in zip(missing, semantic.service_vectors(texts), strict=True):
        doc["meaning"] = vector
    return docs


def _meaning_from_entries(docs):
    if not docs:
        return
    stored = {
        str(sid): (name, description, vector)
        for sid, name, description, vector in SearchEntry.objects.filter(
            service_id__in=[doc["service_id"] for doc in docs], meaning__isnull=False
        ).values_list("service_id", "name", "description", "meaning")
    }
    for doc in docs:
        name, description, vector = stored.get(doc["service_id"], (None, None, None))
        if vector is not None and name == doc["name"][:255] and description == doc["description"]:
            doc["meaning"] = semantic.encode_bytes(vector)


def es_actions(docs, gone_ids):
    for doc in with_meaning(docs):
        yield {"_op_type": "index", "_id": doc["service_id"], "_source": documents.es_source(doc)}
    for sid in gone_ids:
        yield {"_op_type": "delete", "_id": sid}


def apply_pending(service_ids=None, limit=500, *, refresh=False) -> dict:
    """Apply queued updates (all, or those of `service_ids`). Returns what happened.

    The rows are claimed with SKIP LOCKED for the whole application, so two workers never apply the
    same row: each takes the next rows nobody holds, and a row is deleted by whoever applied it."""
    with transaction.atomic():
        rows = PendingIndexUpdate.objects.select_for_update(skip_locked=True).order_by("pk")
        if service_ids is not None:
            rows = rows.filter(service_id__in=[str(i) for i in service_ids])
        rows = list(rows.values_list("pk", "service_id")[:limit])
        if not rows:
            return {"applied": 0, "rows": 0, "waiting": 0}
        claimed = [pk for pk, _ in rows]
        ids = {str(sid) for _, sid in rows}
        docs, gone = build_documents(ids)
        write_entries(with_meaning(docs), gone)
        done = PendingIndexUpdate.objects.filter(pk__in=claimed)
        if not es.configured():
            done.delete()
            return {"applied": len(ids), "rows": len(claimed), "waiting": 0}
        if es.breaker.is_open():
            return {"applied": 0, "rows": 0, "waiting": len(ids), "error": es.breaker.reason}
        try:
            if not es.client().indices.exists_alias(name=es.alias_name()):
                # Never built: writing now would start an index holding only these services.
                raise es.IndexMissing(es.alias_name())
            _ok, errors = es.bulk_write(es_actions(docs, gone), refresh=refresh)
        except (es.IndexMissing, *es.UNAVAILABLE) as error:
            es.breaker.trip(error)
            done.update(last_error=es.describe(error)[:500])
            return {"applied": 0, "rows": 0, "waiting": len(ids), "error": es.describe(error)}
        if errors:
            log.error("Elasticsearch refused %s updates: %s", len(errors), errors[:3])
            failed = {str(next(iter(e.values())).get("_id")) for e in errors}
            done.filter(service_id__in=failed).update(last_error=str(errors[0])[:500])
            done = done.exclude(service_id__in=failed)
        applied_rows = done.delete()[0]
        return {"applied": len(ids), "rows": applied_rows, "waiting": 0}


_drain_lock = threading.Lock()


def drain(limit=200):
    """Apply waiting updates if Elasticsearch can take them (the worker's scheduled job). Cheap when idle."""
    if es.configured() and es.breaker.is_open():
        return None
    if not PendingIndexUpdate.objects.exists():
        return None
    if not _drain_lock.acquire(blocking=False):
        return None
    try:
        # Refresh, so the search about to run already sees what waited.
        return apply_pending(limit=limit, refresh=True)
    finally:
        _drain_lock.release()


def catch_up(stdout=None, batch=500) -> dict:
    """Apply every waiting update (used by `directory_index --catch-up`)."""
    total = 0
    es.breaker.reset()
    while True:
        result = apply_pending(limit=batch, refresh=True)
        total += result["applied"]
        if result.get("error"):
            return {"applied": total, "waiting": PendingIndexUpdate.objects.count(), "error": result["error"]}
        if not result["applied"]:
            return {"applied": total, "waiting": PendingIndexUpdate.objects.count()}


# ---- Rebuilding everything ----------------------------------------------------------------------


def iter_documents(chunk=1000, ids=None, *, meaning=False, from_entries=False):
    """Every listed service's document, built `chunk` services at a time (`meaning`: with its
    vector; `from_entries`: read from the entries where they hold it, see with_meaning)."""
    for first, last in documents.listed_id_ranges(chunk, ids):
        docs = documents.documents_between(first, last)
        yield from with_meaning(docs, from_entries=from_entries) if meaning else docs


def _delete_entries(entries):
    """Remove these entries and their parts, one statement per table (Django's delete() would load
    every part to cascade by hand: a model signal listens to every delete)."""
    ids = entries.values("pk")
    for rel in SearchEntry._meta.related_objects:
        parts = rel.related_model.objects.filter(**{f"{rel.field.name}__in": ids})
        parts._raw_delete(parts.db)
    entries._raw_delete(entries.db)


def rebuild_entries(chunk=2000, log=print) -> int:
    """Rewrite every listed service's entry, then remove the entries of services no longer listed.
    Returns how many were written.

    Entries are rewritten in place, a batch per transaction, with the word list kept in step as
    for any edit: a database search during a rebuild sees the whole directory, each entry as it
    was or as it now is (emptying the table first showed a directory filling up for minutes)."""
    from . import db_backend

    started, begun = time.perf_counter(), timezone.now()
    db_backend.before_rebuild()
    count, batch = 0, []
    for doc in iter_documents(chunk, meaning=True):
        batch.append(doc)
        if len(batch) >= chunk:
            write_entries(batch)
            count += len(batch)
            batch = []
    if batch:
        write_entries(batch)
        count += len(batch)
    # Entries not rewritten are of services no longer listed (one rewritten meanwhile by the worker is newer).
    stale = list(SearchEntry.objects.filter(updated_at__lt=begun).values_list("service_id", flat=True))
    for start in range(0, len(stale), chunk):
        write_entries([], stale[start : start + chunk])
    db_backend.after_rebuild()
    log(f"Database search entries: {count} in {time.perf_counter() - started:.1f}s")
    return count


def rebuild_index(chunk=1000, log=print) -> dict:
    """Fill a new Elasticsearch index, swap the alias to it atomically, delete the old ones."""
    started_at = timezone.now()
    pending_before = PendingIndexUpdate.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    client = es.client()
    started = time.perf_counter()
    name = es.create_index(es.new_index_name(), client, filling=True)

    try:
        ok = es.bulk_load(name, ((doc["service_id"], documents.es_json(doc)) for doc in iter_documents(chunk, meaning=True, from_entries=True)), client)
        client.options(request_timeout=120).indices.refresh(index=name)
        client.indices.put_settings(index=name, settings={"index": es.serving_settings()})
    except Exception:
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    removed = es.swap_alias(name, client)
    seconds = time.perf_counter() - started
    merging = es.merge_in_background(name, client)
    # Everything queued before the rebuild started is in the new index.
    PendingIndexUpdate.objects.filter(pk__lte=pending_before).delete()
    # Edits made while it was being built went to the old index: send them again.
    from search.models import Service

    changed = set(map(str, Service.objects.filter(updated_at__gte=started_at).values_list("pk", flat=True)))
    # Changes to a service's parts rewrite its database entry, which records when.
    changed |= set(map(str, SearchEntry.objects.filter(updated_at__gte=started_at).values_list("service_id", flat=True)))
    if changed:
        ensure_recorded(changed)
        apply_pending(changed, limit=len(changed) + 10, refresh=True)
    es.breaker.reset()
    log(
        f"Elasticsearch index {name}: {ok} documents in {seconds:.1f}s; alias {es.alias_name()} swapped; "
        f"removed {removed or 'nothing'}; merging it into one segment in the background"
    )
    return {"index": name, "documents": ok, "seconds": seconds, "removed": removed, "merging": merging}


def rebuild(log=print) -> dict:
    """Rebuild the database entries and (when configured) the Elasticsearch index."""
    result = {"entries": rebuild_entries(log=log)}
    if es.configured():
        result.update(rebuild_index(log=log))
    else:
        PendingIndexUpdate.objects.all().delete()
    return result
