"""Keeping the index in step: edits, outages and catching up, rebuilds and the alias swap."""

import pytest
from django.core.management import call_command
from django.db import transaction

from search.engine import ServiceQuery, es, indexing, search_services
from search.engine.models import PendingIndexUpdate, SearchEntry

from .conftest import CLOSED_PORT_URL, ES_URL


def find(**kwargs):
    return search_services(ServiceQuery(**kwargs))


def found_names(**kwargs):
    from search.models import Service

    by_id = {str(pk): name for pk, name in Service.objects.values_list("pk", "name")}
    return [by_id[str(h.service_id)] for h in find(**kwargs).hits]


def refresh():
    es.client().indices.refresh(index=es.alias_name())


def test_a_change_writes_a_pending_update_in_the_same_transaction(directory, db_settings):
    from search.tests.factories import ServiceFactory

    with pytest.raises(RuntimeError), transaction.atomic():
        service = ServiceFactory(name="Brand new befriending service")
        assert PendingIndexUpdate.objects.filter(service_id=service.pk).exists()
        raise RuntimeError("roll back")
    # Rolled back with the change itself: nothing to index, nothing half-done.
    assert not PendingIndexUpdate.objects.filter(service_id=service.pk).exists()


def test_edits_reach_the_database_search_when_committed(indexed, engine, committed, words_only):
    service = indexed["services"]["cafe"]
    with committed():
        service.description = "A weekly cafe with a knitting circle for carers."
        service.save()
    if engine.name == "elasticsearch":
        refresh()
    assert found_names(text="knitting") == ["Evesham café for carers"]
    assert not PendingIndexUpdate.objects.exists()


def test_a_change_to_a_part_of_a_service_reindexes_it(indexed, engine, committed):
    from search.models import Location

    location = Location.objects.get(service_at_locations__service=indexed["services"]["aston"])
    with committed():
        location.latitude, location.longitude = 52.3052, -1.9431  # moved into Redditch
        location.save()
    if engine.name == "elasticsearch":
        refresh()
    assert "Aston Fields LD hub" in found_names(text="day service", postcode="B97 4DN", radius_miles=1)


def test_closing_or_deleting_a_service_removes_it(indexed, engine, committed):
    needlewood, oakenshaw = indexed["services"]["needlewood"], indexed["services"]["oakenshaw"]
    with committed():
        needlewood.status = "defunct"
        needlewood.save()
    with committed():
        oakenshaw.delete()
    if engine.name == "elasticsearch":
        refresh()
    found = found_names(text="respite short breaks")
    assert "Needlewood House overnight short breaks" not in found
    assert "Oakenshaw adult respite bungalow" not in found
    assert not SearchEntry.objects.filter(service_id=needlewood.pk).exists()


def test_outage_then_the_worker_catches_up(es_indexed, es_settings, committed):
    from search.engine.tasks import apply_waiting_index_updates
    service = es_indexed["services"]["cafe"]
    es_settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    during = find(text="cafe")
    assert during.backend == "database"
    assert "unavailable" in during.fallback_reason

    with committed():
        service.name = "Evesham carers' coffee morning"
        service.save()
    assert PendingIndexUpdate.objects.filter(service_id=service.pk).exists()  # remembered
    # The fallback already sees the edit.
    assert found_names(text="coffee morning") == ["Evesham carers' coffee morning"]

    es_settings.ELASTICSEARCH_URL = ES_URL  # the engine is back
    es.breaker.reset()  # as if the outage window had passed
    find(text="coffee morning")
    assert PendingIndexUpdate.objects.exists()  # a search only reads
    apply_waiting_index_updates.enqueue()  # the worker's scheduled drain
    after = find(text="coffee morning")
    assert after.backend == "elasticsearch"
    assert found_names(text="coffee morning") == ["Evesham carers' coffee morning"]
    assert not PendingIndexUpdate.objects.exists()


def test_outage_then_catch_up_command(es_indexed, es_settings, committed, capsys):
    service = es_indexed["services"]["pbs"]
    es_settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    with committed():
        service.description = "Positive behaviour support and sleep clinics for families."
        service.save()
    with pytest.raises(Exception, match="still unavailable"):
        call_command("directory_index", "--catch-up")
    assert PendingIndexUpdate.objects.count() == 1

    es_settings.ELASTICSEARCH_URL = ES_URL
    call_command("directory_index", "--catch-up")
    assert "Applied 1 updates; 0 still waiting" in capsys.readouterr().out
    response = es.client().search(index=es.alias_name(), query={"match": {"description_terms": "sleep"}})
    assert response["hits"]["total"]["value"] == 1


def test_an_outage_is_remembered_so_searches_do_not_keep_waiting(es_indexed, es_settings, monkeypatch):
    from search.engine import es_backend

    es_settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    calls = []
    real = es_backend.search
    monkeypatch.setattr(es_backend, "search", lambda criteria: calls.append(1) or real(criteria))
    for _ in range(3):
        assert find(text="respite").backend == "database"
    assert len(calls) == 1


def test_an_index_that_was_never_built_is_not_started_by_an_edit(directory, es_settings, committed):
    with committed():
        directory["services"]["cafe"].save()
    assert es.alias_targets() == []  # not a one-document index that searches would trust
    results = find(text="cafe")
    assert results.backend == "database"
    assert "has not been built" in results.fallback_reason
    assert PendingIndexUpdate.objects.exists()


def test_rebuild_swaps_the_alias_and_removes_old_indexes(es_indexed, es_settings):
    first = es.alias_targets()
    assert len(first) == 1
    indexing.rebuild(log=lambda *a: None)
    second = es.alias_targets()
    assert len(second) == 1 and second != first
    assert list(es.client().indices.get(index=f"{es.alias_name()}-*").keys()) == second
    assert es.client().count(index=es.alias_name())["count"] == 6


def test_a_rebuilt_index_is_one_segment_and_keeps_only_what_searches_read(es_indexed, es_settings):
    """Searches read one segment after a rebuild (each word is looked up once, not once per
    segment); the words kept only for "did you mean" and completions are searched but not stored."""
    result = indexing.rebuild_index(log=lambda *a: None)
    result["merging"].join()
    segments = es.client().indices.segments(index=result["index"])["indices"][result["index"]]["shards"]["0"][0]["segments"]
    assert len([s for s in segments.values() if s["search"]]) == 1
    stored = es.client().search(index=es.alias_name(), size=1)["hits"]["hits"][0]["_source"]
    assert "name" in stored and "meaning" in stored
    assert "spelling" not in stored and "suggest" not in stored


def test_services_that_rank_alike_keep_one_order_after_edits(directory, es_settings, committed):
    """A chain's branches (one name, one score) come in the order of their ids, whatever order the
    index holds them in: before, an edited branch moved behind the others (it was written last)."""
    from .conftest import Engine, make_service

    branches = [make_service("Oak Tree money advice", "Free money advice at the library.") for _ in range(4)]
    Engine("elasticsearch").reindex()
    first = min(branches, key=lambda b: str(b.pk))
    with committed():
        first.description = "Free money advice at the library."  # saved unchanged: rewritten, written last
        first.save()
    refresh()
    order = [h.service_id for h in find(text="money advice").hits]
    assert order == sorted(str(b.pk) for b in branches)


def test_searches_see_the_old_index_until_the_new_one_is_complete(es_indexed, es_settings, monkeypatch):
    seen_during_build = []
    real = indexing.iter_documents

    def slow_documents(*args, **kwargs):
        for number, doc in enumerate(real(*args, **kwargs)):
            if number == 3:
                seen_during_build.append(find(text="respite short breaks advocacy day LD PBS cafe").total)
            yield doc

    monkeypatch.setattr(indexing, "iter_documents", slow_documents)
    indexing.rebuild(log=lambda *a: None)
    assert seen_during_build and set(seen_during_build) == {6}
    assert find(text="respite short breaks advocacy day LD PBS cafe").total == 6


def test_rebuild_command(es_indexed, es_settings, capsys):
    call_command("directory_index", "--rebuild")
    out = capsys.readouterr().out
    assert "Database search entries: 6" in out
    assert "6 documents" in out and "swapped" in out
    call_command("directory_index")
    assert "(6 services)" in capsys.readouterr().out


def test_rebuild_on_the_database_alone(directory, db_settings, capsys):
    SearchEntry.objects.all().delete()
    call_command("directory_index", "--rebuild")
    assert SearchEntry.objects.count() == 6
    call_command("directory_index")
    assert "Search runs on the database" in capsys.readouterr().out
