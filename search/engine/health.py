"""/healthz: whether directory search is on Elasticsearch. Down means degraded, not failed:
searches answer from the database meanwhile."""

from . import es


def check():
    if not es.configured():
        return "search", "database", False  # the embedded default: search runs on the database
    try:
        if es.breaker.is_open():
            raise ConnectionError(es.breaker.reason)
        es.client().options(request_timeout=2).cluster.health()
    except es.UNAVAILABLE:
        return "search", "unavailable (answering from the database)", False
    return "search", "ok", False
