"""What the index holds of a service, and what building it costs: the review date, and a rebuild's queries."""

import datetime

import pytest

from search.engine import es, indexing
from search.engine.models import SearchEntry


def es_document(service):
    return es.client().get(index=es.alias_name(), id=str(service.pk))["_source"]


def entry_reviewed(service):
    return SearchEntry.objects.values_list("assured_date", flat=True).get(service_id=service.pk)


@pytest.fixture
def reviewed(directory):
    """The café last reviewed in March 2025, the advocacy service never."""
    from search.models import Service

    cafe, imca = directory["services"]["cafe"], directory["services"]["imca"]
    Service.objects.filter(pk=cafe.pk).update(assured_date=datetime.date(2025, 3, 14))
    Service.objects.filter(pk=imca.pk).update(assured_date=None)
    return directory


def test_both_backends_know_when_a_service_was_last_reviewed(reviewed, es_settings, glossary):
    indexing.rebuild(log=lambda *a: None)
    cafe, imca = reviewed["services"]["cafe"], reviewed["services"]["imca"]
    assert es_document(cafe)["assured_date"] == "2025-03-14"
    assert es_document(imca)["assured_date"] is None
    assert entry_reviewed(cafe) == datetime.date(2025, 3, 14)
    assert entry_reviewed(imca) is None
    mapping = es.client().indices.get_mapping(index=es.alias_name())
    properties = next(iter(mapping.values()))["mappings"]["properties"]
    assert properties["assured_date"]["type"] == "date"  # so ranking can decay by age


@pytest.fixture
def editor(people):
    from django.contrib.auth.models import Group

    from people.models import Role
    from people.tests.factories import make_person
    from search.permissions import DIRECTORY_EDITORS_GROUP

    person = make_person(Role.WORKER, people["worker"].memberships.first().team, email="editor@example.org")
    person.groups.add(Group.objects.get(name=DIRECTORY_EDITORS_GROUP))
    return person


def test_marking_a_service_reviewed_updates_its_entry_and_document(reviewed, es_settings, glossary, committed, client_for, editor):
    from django.urls import reverse
    from django.utils import timezone

    indexing.rebuild(log=lambda *a: None)
    cafe = reviewed["services"]["cafe"]
    with committed():
        client_for(editor).post(reverse("search:service-mark-reviewed", args=[cafe.pk]))
    es.client().indices.refresh(index=es.alias_name())
    today = timezone.localdate()
    assert entry_reviewed(cafe) == today
    assert es_document(cafe)["assured_date"] == today.isoformat()


def test_the_database_entry_follows_a_review_date_edit_without_elasticsearch(reviewed, db_settings, committed):
    indexing.rebuild(log=lambda *a: None)
    imca = reviewed["services"]["imca"]
    assert entry_reviewed(imca) is None
    with committed():
        imca.assured_date = datetime.date(2026, 11, 30)
        imca.save()
    assert entry_reviewed(imca) == datetime.date(2026, 11, 30)


# ---- What a rebuild costs -------------------------------------------------------------------------


def add_synthetic_services(count, seed=7):
    """`count` services with every part a document reads, written in bulk (the benchmark's generator)."""
    import random

    from search.engine.management.commands.bench_directory import Command

    command = Command()
    command.random = random.Random(seed)
    command.generate(count)


def queries_of(action):
    """Queries asked by `action`, but for the word list's: it is written 500 words a statement, so
    they follow the number of different words, not services."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        action()
    return len([q for q in captured.captured_queries if "searchword" not in q["sql"]])


def listed():
    from search.models import Service

    return Service.objects.listed().count()


@pytest.mark.parametrize("backend", ["database", "elasticsearch"])
def test_a_rebuild_asks_a_fixed_number_of_queries_per_batch_whatever_its_size(backend, db, request):
    request.getfixturevalue("es_settings" if backend == "elasticsearch" else "db_settings")
    rebuild = indexing.rebuild_index if backend == "elasticsearch" else indexing.rebuild_entries

    def queries(batches):
        size = -(-listed() // batches)  # services per batch, rounded up
        return queries_of(lambda: rebuild(chunk=size, log=lambda *a: None))

    add_synthetic_services(12)
    one_small_batch = queries(1)
    add_synthetic_services(48, seed=8)
    assert listed() > 40
    one_large_batch, two, four = queries(1), queries(2), queries(4)
    assert one_large_batch == one_small_batch  # four times the services in a batch: no more queries
    assert four - two == 2 * (two - one_large_batch)  # and each batch asks as many as the last
    # A batch reads its services' parts and rewrites their entries in place (old rows out, entries,
    # facets and, on PostgreSQL, the narrow match rows in): about two dozen queries for up to 2,000.
    assert two - one_large_batch <= 25
