"""Retrieval by meaning: a service saying what was asked in other words joins a narrow search,
on both backends, and every filter holds for it as for the word matches."""

import uuid

import pytest

from search.engine import ServiceQuery, es_backend, meaning, search_services
from search.engine.query import understand
from search.engine.tests.conftest import REDDITCH, Engine, make_service

GRIEF = "Counselling for people grieving after someone close to them has died."
WORCESTER = (52.1936, -2.2216, "WR1 2ES")
NEAR_REDDITCH = (REDDITCH[0] + 0.005, REDDITCH[1], "B97 4DN")


def names(**kwargs):
    from search.models import Service

    by_id = {str(pk): name for pk, name in Service.objects.values_list("pk", "name")}
    results = search_services(ServiceQuery(**kwargs))
    assert results.fallback_reason is None  # Elasticsearch answered, when it is the backend under test
    return [by_id[str(h.service_id)] for h in results.hits], results.total


@pytest.fixture
def grief(db, postcodes):
    make_service("Bereavement drop-in", "A drop-in for bereaved families.", at=NEAR_REDDITCH)
    make_service("Grief counselling", GRIEF, at=NEAR_REDDITCH)
    make_service("Closed grief counselling", GRIEF, at=NEAR_REDDITCH, status="inactive")
    make_service("Defunct grief counselling", GRIEF, at=NEAR_REDDITCH, status="defunct")
    make_service("Grief counselling for children", GRIEF, ages=(0, 10), at=NEAR_REDDITCH)
    make_service("Worcester grief counselling", GRIEF, at=WORCESTER)
    make_service("Evesham café for carers", "A weekly café where carers can meet.")


def test_a_service_in_other_words_joins_a_narrow_search(grief, engine):
    engine.reindex()
    found, total = names(text="bereavement")
    assert found[0] == "Bereavement drop-in"  # the word match stays first
    assert "Grief counselling" in found
    assert "Evesham café for carers" not in found  # not near enough in meaning
    assert total == len(found)


def test_no_filter_leaks_through_meaning(grief, engine):
    engine.reindex()
    found, _total = names(text="bereavement", per_page=50)
    assert "Closed grief counselling" not in found
    assert "Defunct grief counselling" not in found
    adults, _total = names(text="bereavement", min_age=40, max_age=40)
    assert "Grief counselling" in adults
    assert "Grief counselling for children" not in adults
    near, _total = names(text="bereavement", postcode="B97 4DN", radius_miles=5)
    assert "Grief counselling" in near
    assert "Worcester grief counselling" not in near
    assert "Closed grief counselling" not in near


def test_a_search_matching_no_word_is_not_answered_by_meaning(grief, engine):
    engine.reindex()
    found, total = names(text="mourning")
    assert (found, total) == ([], 0)


def test_the_nearest_in_meaning_are_asked_with_every_filter(db):
    """Elasticsearch is asked which of the nearest pass the search's filters (status, age, place,
    chosen facets), so nothing the search leaves out can come back through meaning."""
    criteria = understand(ServiceQuery(text="bereavement", min_age=40, max_age=40, free_only=True))
    near = [(uuid.uuid4().hex, 0.5), (uuid.uuid4().hex, 0.4)]
    request = es_backend.nearest_request(criteria, near)
    filters = request["query"]["bool"]["filter"]
    assert filters == [{"ids": {"values": [str(uuid.UUID(key)) for key, _s in near]}}, *es_backend.base_filters(criteria), *es_backend.facet_filters(criteria).values()]
    statuses = filters[1]["terms"]["status"]
    assert "inactive" not in statuses and "defunct" not in statuses
    assert {"term": {"is_free": True}} in filters
    assert request["size"] == meaning.RETRIEVED


def test_a_small_directory_asks_for_the_nearest_in_the_same_round_trip(grief, es_settings, monkeypatch):
    """On a few thousand services the nearest in meaning are found before the search and asked
    beside it (one request to Elasticsearch, not two; the ORUK API's searches, which count no facets), with the same services and order as when
    asked after the words' matches are known."""
    from search.engine import es

    Engine("elasticsearch").reindex()
    calls = []
    for method in ("search", "msearch"):
        real = getattr(es.client(), method)
        monkeypatch.setattr(es.client(), method, lambda *a, _real=real, _m=method, **kw: calls.append(_m) or _real(*a, **kw))
    names(text="bereavement", per_page=50, facets=False)  # the words the index knows, counted once per process
    calls.clear()
    ahead = names(text="bereavement", per_page=50, facets=False)
    assert calls == ["msearch"]
    assert "Grief counselling" in ahead[0]

    calls.clear()
    monkeypatch.setattr(meaning, "AHEAD_UP_TO", 0)  # a national directory: asked after
    assert names(text="bereavement", per_page=50, facets=False) == ahead
    assert calls == ["search", "search"]
