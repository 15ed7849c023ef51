"""The database fallback on its own full-text index: a fixed number of queries whatever the size of
the directory, typos through trigrams on PostgreSQL, FTS5 on SQLite, and the word list kept in step.

Runs on the database DATABASE_URL names (SQLite by default; CI runs it on PostgreSQL)."""

import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import require_service
from search.engine import ServiceQuery, fulltext, indexing, search_services
from search.engine.models import SearchWord

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(db_settings, directory, glossary):
    """The small directory, indexed for the database fallback only."""
    indexing.rebuild(log=lambda *a: None)
    return directory


def bulk_services(count, start=0, term=None):
    """`count` listed services in and around Redditch, written in bulk (no per-row signals)."""
    from search import models as m
    from search.tests.factories import OrganizationFactory, TaxonomyFactory, TaxonomyTermFactory

    organisation = OrganizationFactory(name=f"Redditch community trust {start}")
    term = term or TaxonomyTermFactory(taxonomy=TaxonomyFactory(name="Local offer"), name="Respite and short breaks")
    services, locations, links, attributes, areas = [], [], [], [], []
    for i in range(start, start + count):
        service = m.Service(
            id=uuid.uuid4(),
            organization=organisation,
            name=f"Redditch respite house {i}",
            description="Short breaks for adults with a learning disability, with trained staff.",
            status="active",
            minimum_age=Decimal(18),
        )
        location = m.Location(id=uuid.uuid4(), name=f"House {i}", latitude=52.30 + i * 1e-4, longitude=-1.94)
        services.append(service)
        locations.append(location)
        links.append(m.ServiceAtLocation(service=service, location=location))
        attributes.append(m.ServiceAttribute(service=service, taxonomy_term=term, link_type="service_category"))
        areas.append(m.ServiceArea(service=service, name="Redditch", gss_code="E07000236"))
    m.Service.objects.bulk_create(services)
    m.Location.objects.bulk_create(locations)
    m.ServiceAtLocation.objects.bulk_create(links)
    m.ServiceAttribute.objects.bulk_create(attributes)
    m.ServiceArea.objects.bulk_create(areas)
    return term


def queries_for(query):
    with CaptureQueriesContext(connection) as captured:
        results = search_services(query)
    return results, [q["sql"] for q in captured.captured_queries]


def test_a_search_asks_the_same_number_of_queries_for_10_or_200_services(db_settings, postcodes):
    term = bulk_services(10)
    indexing.rebuild_entries(log=lambda *a: None)

    def query():
        return ServiceQuery(
            text="respite learning disabilty", postcode="B97 4DN", radius_miles=10, min_age=30, max_age=30,
            taxonomy_term_ids=(str(term.pk),), free_only=False,
        )

    search_services(query())  # warm the per-process caches (word list, entry count)
    small, small_queries = queries_for(query())
    bulk_services(190, start=10, term=term)
    indexing.rebuild_entries(log=lambda *a: None)
    search_services(query())
    large, large_queries = queries_for(query())

    assert (small.total, large.total) == (10, 200)
    assert len(large.hits) == 20 and large.hits[0].distance_m is not None
    assert len(large_queries) == len(small_queries), "\n".join(large_queries)


@pytest.mark.parametrize("sort", ["distance", "name"])
def test_nearest_first_and_by_name_pages_ask_the_same_number_of_queries_for_10_or_200_services(db_settings, postcodes, sort):
    bulk_services(10)
    indexing.rebuild_entries(log=lambda *a: None)

    def query():
        return ServiceQuery(postcode="B97 4DN", radius_miles=10, sort=sort, per_page=5)

    search_services(query())
    small, small_queries = queries_for(query())
    bulk_services(190, start=10)
    indexing.rebuild_entries(log=lambda *a: None)
    search_services(query())
    large, large_queries = queries_for(query())

    assert (small.total, large.total) == (10, 200)
    assert len(large.hits) == 5
    assert len(large_queries) == len(small_queries), "\n".join(large_queries)


def test_paging_nearest_first_keeps_one_order_past_the_nearby_services(db_settings, indexed):
    """Services with a venue close by, then those further away, then those without a venue: page by
    page as in one long page."""
    whole = search_services(ServiceQuery(postcode="B97", sort="distance", per_page=50))
    paged = []
    for page in range(1, whole.total + 1):
        paged += search_services(ServiceQuery(postcode="B97", sort="distance", per_page=1, page=page)).hits

    assert [h.service_id for h in paged] == [h.service_id for h in whole.hits]
    assert whole.hits[-1].distance_m is None and whole.hits[0].distance_m is not None


def test_a_misspelling_is_found_through_the_trigram_index_on_postgresql(db_settings, indexed):
    require_service("PostgreSQL", connection.vendor == "postgresql", "DATABASE_URL does not point at PostgreSQL")
    results, sql = queries_for(ServiceQuery(text="advocasy"))

    assert results.total >= 1
    assert any("search_engine_searchword" in q and "word % " in q for q in sql), "typos are looked up through pg_trgm"
    assert not any("FROM \"search_engine_searchword\"" in q and "WHERE" not in q for q in sql), "never the whole word list"


def test_sqlite_uses_fts5_and_answers_the_same_without_it(db_settings, indexed):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's full-text index")
    assert fulltext.kind(connection) == "fts5"
    with_fts = search_services(ServiceQuery(text="respite learning disability"))

    fulltext.uninstall(connection)
    try:
        assert fulltext.kind(connection) is None
        plain = search_services(ServiceQuery(text="respite learning disability"))
    finally:
        fulltext.install(connection)

    assert [h.service_id for h in with_fts.hits] == [h.service_id for h in plain.hits]
    assert with_fts.total == plain.total >= 2


def test_the_word_list_follows_edits_and_removals(db_settings, indexed, committed):
    services = indexed["services"]

    def entries(word, kind=SearchWord.Kind.SPELLING):
        return SearchWord.objects.filter(kind=kind, word=word).values_list("entries", flat=True).first() or 0

    assert entries("bungalow") == 1
    with committed():
        services["oakenshaw"].name = "Oakenshaw adult respite cottage"
        services["oakenshaw"].save()
    indexing.apply_pending()
    assert (entries("bungalow"), entries("cottage"), entries("cottag", SearchWord.Kind.TERM)) == (0, 1, 1)
    assert search_services(ServiceQuery(text="cottage")).total == 1
    assert search_services(ServiceQuery(text="cotage")).total == 1  # a typo finds the new word at once

    with committed():
        services["oakenshaw"].delete()
    indexing.apply_pending()
    assert entries("cottage") == 0
    assert search_services(ServiceQuery(text="cottage")).total == 0


def test_a_word_weighs_more_than_nothing_even_when_the_kept_count_of_entries_is_behind():
    """The count of entries is kept a minute; a word found in more entries than that count must still weigh
    something, or the score turns negative and every penalty (age, an old review) would lift a listing instead."""
    from search.engine.db_backend import idf

    assert idf(0, 3) > 0
    assert idf(10, 10) > 0
    assert idf(1000, 1) > idf(1000, 10) > 0


def test_a_caller_showing_no_facets_gets_the_same_hits_and_total_without_them(db_settings, indexed):
    """The ORUK API asks for no facet counts: the fallback no longer works them out for it."""
    shown = search_services(ServiceQuery(text="respite advocacy", per_page=50))
    bare = search_services(ServiceQuery(text="respite advocacy", per_page=50, facets=False))

    assert shown.facets["taxonomy_term"] and bare.facets == {}
    assert bare.total == shown.total >= 2
    assert [h.service_id for h in bare.hits] == [h.service_id for h in shown.hits]


def test_facet_counts_follow_an_edit_at_once(db_settings, indexed, committed):
    """PostgreSQL counts facets from a per-process copy of each match row's keys: a rewritten entry
    must count under its new category at the next search."""
    from search.tests.factories import TaxonomyTermFactory

    def counts():
        results = search_services(ServiceQuery(text="respite short breaks advocacy day", per_page=50))
        return {label: n for _value, label, n in results.facets["taxonomy_term"]}

    before = counts()
    oakenshaw = indexed["services"]["oakenshaw"]
    moved = TaxonomyTermFactory(taxonomy=indexed["terms"]["respite"].taxonomy, name="Short stays")
    with committed():
        oakenshaw.attributes.filter(taxonomy_term=indexed["terms"]["respite"]).update(taxonomy_term=moved)
        oakenshaw.save()
    indexing.apply_pending()
    after = counts()

    assert after["Respite and short breaks"] == before["Respite and short breaks"] - 1
    assert after["Short stays"] == 1


def test_ranking_the_rare_words_first_gives_the_pool_ranking_every_match_gives(db_settings, postcodes, monkeypatch):
    """PostgreSQL ranks in two steps when common words match much of the directory: the entries
    holding a rare word first, and all of them only if another could still reach the pool."""
    from search.engine import db_backend

    require_service("PostgreSQL", connection.vendor == "postgresql", "DATABASE_URL does not point at PostgreSQL")
    term = bulk_services(60)
    bulk_services(5, start=60, term=term)
    from search import models as m

    m.Service.objects.filter(name__endswith=" 61").update(name="Redditch hydrotherapy pool 61")
    indexing.rebuild_entries(log=lambda *a: None)
    seen = []
    one_pass = db_backend.one_pass
    monkeypatch.setattr(db_backend, "one_pass", lambda *a, **k: seen.append(a[-1] if len(a) > 4 else None) or one_pass(*a, **k))

    def ranked(prune_from, **extra):
        monkeypatch.setattr(db_backend, "PRUNE_FROM", prune_from)
        with CaptureQueriesContext(connection) as captured:
            results = search_services(ServiceQuery(text="hydrotherapy adults with trained staff", per_page=50, **extra))
        return [(h.service_id, round(h.score, 6)) for h in results.hits], results.total, len(captured.captured_queries)

    for extra in ({}, {"min_age": 30, "max_age": 30}):
        ranked(10**9, **extra)  # the word counts and vocabulary read once
        seen.clear()
        # The one hydrotherapy pool cannot fill the pool alone: the others are ranked too, in the
        # same statement (no second pass over the matches).
        pruned = ranked(1, **extra)
        assert seen[0] is not None, "the two-step ranking was not tried"
        assert pruned == ranked(10**9, **extra)
        assert pruned[0][0][0] == str(m.Service.objects.get(name="Redditch hydrotherapy pool 61").pk)


def test_the_town_list_costs_two_queries_whatever_the_number_of_venues(db_settings, postcodes):
    """Towns read from the words come from the venues' addresses, rebuilt every few minutes: at
    national scale that read must not grow with the number of venues (it took seconds at 100,000)."""
    from search import models as m
    from search.engine import places

    def with_addresses(count, start):
        bulk_services(count, start=start)
        for location in m.Location.objects.filter(addresses__isnull=True, name__startswith="House "):
            m.Address.objects.create(location=location, address_1="1 High Street", city="Redditch", postal_code="B97 4DN")

    def read():
        places.invalidate()
        with CaptureQueriesContext(connection) as captured:
            gazetteer = places.current_gazetteer()
        return gazetteer.names[("redditch",)], len(captured.captured_queries)

    with_addresses(3, 0)
    (name, lat, _lon, codes), small = read()
    with_addresses(40, 3)
    (_name, lat_after, _lon, _codes), large = read()

    assert small == large == 2
    assert name == "Redditch" and "E07000236" in codes
    assert lat == pytest.approx(52.30 + 1e-4) and lat_after == pytest.approx(52.30 + 21 * 1e-4)


def test_a_search_during_a_rebuild_sees_the_whole_directory(db_settings, indexed, monkeypatch):
    """A rebuild rewrites the entries in place, batch by batch: searches meanwhile never see a
    directory filling up from nothing, and services no longer listed leave at the end."""
    from search import models as m

    def total():
        return search_services(ServiceQuery(text="respite advocacy day service", per_page=50)).total

    before = total()
    m.Service.objects.filter(pk=indexed["services"]["imca"].pk).update(status="inactive")  # no signals: only the rebuild sees it
    seen = []
    write = indexing.write_entries

    def writing(docs, gone_ids=()):
        write(docs, gone_ids)
        seen.append(total())

    monkeypatch.setattr(indexing, "write_entries", writing)
    indexing.rebuild_entries(chunk=2, log=lambda *a: None)

    assert before >= 4 and len(seen) >= 3
    assert set(seen[:-1]) == {before}, "a search during the rebuild saw part of the directory"
    assert seen[-1] == total() == before - 1  # the advocacy service, no longer listed, is gone
    assert SearchWord.objects.get(kind=SearchWord.Kind.SPELLING, word="bungalow").entries == 1
    assert not SearchWord.objects.filter(kind=SearchWord.Kind.SPELLING, word="statutory", entries__gt=0).exists()


def test_sqlite_ranks_the_matches_alone_yet_never_lists_a_service_closed_since(db_settings, postcodes, monkeypatch):
    """With nothing but the words narrowing a search, SQLite ranks its full-text matches without
    testing each against the directory, then checks the best ones: a service closed a moment ago
    (its entry not yet rewritten) is still never listed, and the page is still full."""
    from search import models as m
    from search.engine import db_backend

    if connection.vendor != "sqlite" or fulltext.kind(connection) != "fts5":
        pytest.skip("SQLite's full-text index")
    bulk_services(30)
    indexing.rebuild_entries(log=lambda *a: None)
    closed = list(m.Service.objects.order_by("name").values_list("pk", flat=True)[:14])
    m.Service.objects.filter(pk__in=closed).update(status="inactive")  # no signals: the entries stay
    monkeypatch.setattr(db_backend, "RANK_POOL", 4)  # the margin of closures then runs out

    for per_page in (4, 20):
        results = search_services(ServiceQuery(text="respite", per_page=per_page))
        shown = {uuid.UUID(h.service_id) for h in results.hits}
        assert not shown & set(closed)
        assert len(shown) == min(per_page, 16)
