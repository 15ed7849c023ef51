"""The search engine's background work (run by the worker, `manage.py db_worker`).

Applying an update twice does no harm (the document is rebuilt from the database), and rows are
claimed with SKIP LOCKED, so two workers never apply the same row.
"""

from django_tasks import task

from . import indexing


@task()
def apply_index_updates(service_ids):
    """Apply the waiting updates of services just changed (queued when the change commits)."""
    result = indexing.apply_pending(service_ids, limit=max(500, len(service_ids) * 3))
    return {"rows": result.get("rows", 0), "waiting": result.get("waiting", 0)}


@task()
def apply_waiting_index_updates():
    """Drain whatever waits (after an Elasticsearch outage, or a change whose task was lost)."""
    rows = 0
    while True:
        result = indexing.drain(limit=500)
        if not result or not result.get("rows") or result.get("error"):
            return {"rows": rows, "waiting": (result or {}).get("waiting", 0)}
        rows += result["rows"]


SCHEDULE = {"apply waiting search index updates": (60, apply_waiting_index_updates)}
