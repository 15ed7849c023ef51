"""Relevance: the demo directory and the queries a social worker might type, on both backends.

The pass rate is printed (run with -s to see it, or `manage.py directory_relevance`). The floors
sit a little under what was measured (100% on both when written), so a regression shows.
"""

import time
import uuid

import pytest

from conftest import require_service
from search.engine import relevance

FLOOR = 0.9


@pytest.fixture
def demo_directory(db):
    from search.demo import DIRECTORY_FILE, POSTCODES_FILE
    from search.engine.demo import load_glossary
    from search.importing import import_file
    from search.postcodes import import_postcodes

    started = time.perf_counter()
    import_postcodes(POSTCODES_FILE)
    report = import_file(DIRECTORY_FILE)
    assert not report.rejected
    load_glossary()
    print(f"\nDemo directory loaded in {time.perf_counter() - started:.1f}s")


def check(backend):
    from search.engine import indexing

    from .conftest import setup_timeout

    with setup_timeout():
        indexing.rebuild(log=lambda *a: None)
    cases = relevance.load_cases()
    assert len(cases) >= 30
    outcomes = relevance.run(cases, backend)
    rate = relevance.pass_rate(outcomes)
    failed = [o.query for o in outcomes if not o.passed]
    print(f"\nRelevance on {backend}: {sum(o.passed for o in outcomes)}/{len(outcomes)} ({rate:.0%}); failed: {failed}")
    assert rate >= FLOOR, f"{backend} relevance {rate:.0%} is under {FLOOR:.0%}; failed: {failed}"


@pytest.mark.elasticsearch
def test_relevance_on_both_backends(demo_directory, settings):
    """One import of the demo directory (the slow part), then each backend in turn."""
    from .conftest import ES_URL, _reset_engine, elasticsearch_available

    settings.ELASTICSEARCH_URL = ""
    _reset_engine()
    check("database")

    available, reason = elasticsearch_available()
    require_service("Elasticsearch", available, reason + " (the database part passed)")
    settings.ELASTICSEARCH_URL = ES_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = f"pc-test-relevance-{uuid.uuid4().hex[:8]}"
    _reset_engine()
    try:
        check("elasticsearch")
    finally:
        from search.engine import es

        es.delete_all()
        _reset_engine()
