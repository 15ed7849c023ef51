"""How the Elasticsearch search asks: typo tolerance only where it can help, and the counts apart."""

import pytest

from search.engine import ServiceQuery, meaning, search_services
from search.engine.tests.conftest import make_service


def names(results):
    from search.models import Service

    by_id = {str(pk): name for pk, name in Service.objects.values_list("pk", "name")}
    return [by_id[str(h.service_id)] for h in results.hits]


@pytest.fixture
def council_and_counselling(db):
    # Ten of each: enough for a word to count as meant (es_backend.KNOWN_WORD_ENTRIES).
    for town in ("Redditch", "Bromsgrove", "Droitwich", "Evesham", "Malvern", "Pershore", "Worcester", "Kidderminster", "Tenbury", "Upton"):
        make_service(f"{town} council tenancy support", f"The {town} council team helps tenants keep their home.")
        make_service(f"{town} counselling service", "Free talking therapy with a trained counsellor.")


def test_a_word_the_directory_holds_as_typed_is_not_stretched_to_others(council_and_counselling, es_settings, words_only):
    """"council" is written in ten listings: it means council, not counselling (before, typo
    tolerance also matched "counsel", two letters away)."""
    from search.engine.tests.conftest import Engine

    Engine("elasticsearch").reindex()
    found = names(search_services(ServiceQuery(text="council")))
    assert found and all("council tenancy" in name for name in found)


def test_a_misspelling_that_stems_to_a_real_word_still_finds_what_was_meant(council_and_counselling, es_settings):
    """Nobody writes "counciling" (it stems to "council"), so it stays fuzzy and finds counselling."""
    from search.engine.tests.conftest import Engine

    Engine("elasticsearch").reindex()
    found = names(search_services(ServiceQuery(text="counciling")))
    assert any("counselling service" in name for name in found)


def test_paging_and_reordering_keep_the_same_total_and_counts(council_and_counselling, engine):
    """The counts come from their own request on Elasticsearch: the same for every page and order."""
    engine.reindex()
    first = search_services(ServiceQuery(text="tenancy", per_page=6))
    second = search_services(ServiceQuery(text="tenancy", per_page=6, page=2))
    by_name = search_services(ServiceQuery(text="tenancy", per_page=6, sort="name"))
    # Ranked by relevance, a service near in meaning joins the ten that hold the word
    # (search.engine.meaning), on every page; in name order only those holding it are listed.
    assert first.total == second.total
    assert by_name.total == 10
    assert first.total - by_name.total <= meaning.RETRIEVED
    assert first.facets == second.facets == by_name.facets
    assert len(first.hits) == 6 and len(second.hits) == first.total - 6
    assert {h.service_id for h in first.hits} | {h.service_id for h in second.hits} == {h.service_id for h in search_services(ServiceQuery(text="tenancy")).hits}
