"""The results list is drawn from what the engine answered: no database load per result.

A national directory answers with many services; each extra result must not cost the page another
query, on Elasticsearch (whose hits carry what the list shows) or on the database fallback (which
reads the whole page in one go).
"""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from search.engine import views

URL = "/directory/"


@pytest.fixture(autouse=True)
def administrators_without_two_factor(db):
    from people.models import SecuritySettings

    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.save()


def add_respite_services(count, start, term):
    """`count` listed respite services, each with a venue in Redditch, a category and a cost."""
    from search import models as m
    from search.tests.factories import OrganizationFactory, ServiceFactory, add_location, add_term

    organisation = OrganizationFactory(name="Arrow Valley Trust")
    for number in range(start, start + count):
        service = ServiceFactory(name=f"Respite house {number}", description="Overnight respite stays.", organization=organisation)
        add_location(service)
        add_term(service, term)
        m.CostOption.objects.create(service=service, option="Free", amount=Decimal(0))


def page_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"q": "respite"})
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_more_results_cost_no_more_queries(engine, people, client_for, monkeypatch):
    from search.tests.factories import TaxonomyFactory, TaxonomyTermFactory

    monkeypatch.setattr(views, "PER_PAGE", 60)
    term = TaxonomyTermFactory(taxonomy=TaxonomyFactory(name="Local offer"), name="Respite and short breaks")
    client = client_for(people["worker"])

    add_respite_services(10, 0, term)
    engine.reindex()
    page_queries(client)  # the first search reads the glossary and the town names
    few, html = page_queries(client)
    assert "10 services found" in html
    assert html.count("Arrow Valley Trust · Redditch") == 10

    add_respite_services(40, 10, term)
    engine.reindex()
    page_queries(client)
    many, html = page_queries(client)
    assert "50 services found" in html
    assert html.count("Arrow Valley Trust · Redditch") == 50
    assert html.count("Free</strong>") == 50
    assert "Respite and short breaks (50)" in html
    assert html.count("Add to shortlist<span") == 50
    assert many == few


def test_each_result_can_go_on_the_shortlist(db_settings, people, client_for):
    from search import models as m
    from search.engine import indexing
    from search.tests.factories import TaxonomyFactory, TaxonomyTermFactory

    term = TaxonomyTermFactory(taxonomy=TaxonomyFactory(name="Local offer"), name="Respite")
    add_respite_services(2, 0, term)
    indexing.rebuild(log=lambda *a: None)
    client = client_for(people["worker"])
    chosen = m.Service.objects.get(name="Respite house 1")
    _count, html = page_queries(client)
    assert f'name="service" value="{chosen.pk}"' in html
    assert 'name="next" value="/directory/?q=respite"' in html

    response = client.post(reverse("search:shortlist-add"), {"service": str(chosen.pk), "next": "/directory/?q=respite"})
    assert response.status_code == 302
    _count, html = page_queries(client)
    assert html.count("On your shortlist") == 1
    assert html.count("Add to shortlist<span") == 1


def test_a_service_closed_since_it_was_indexed_is_not_listed(engine, people, client_for):
    """The index can be a moment behind an edit; the page still never lists a closed service."""
    from search import models as m
    from search.tests.factories import TaxonomyFactory, TaxonomyTermFactory

    term = TaxonomyTermFactory(taxonomy=TaxonomyFactory(name="Local offer"), name="Respite")
    add_respite_services(3, 0, term)
    engine.reindex()
    # Closed without the signals that would queue its reindex (as a bulk edit in the database would).
    m.Service.objects.filter(name="Respite house 1").update(status=m.ServiceStatus.INACTIVE)

    _count, html = page_queries(client_for(people["worker"]))
    assert "Respite house 0" in html
    assert "Respite house 2" in html
    assert "Respite house 1" not in html


def test_the_page_reads_its_services_by_their_keys(engine, people, client_for):
    """The page looks up only its own results in the services table, whatever the directory's size.

    Asked for "these ids, if listed", SQLite went through the status index instead: every listed
    service read and sorted by name, 0.1 s a page at 100,000 services.
    """
    from search.tests.factories import TaxonomyFactory, TaxonomyTermFactory

    if connection.vendor != "sqlite":
        pytest.skip("reads SQLite's query plans")
    term = TaxonomyTermFactory(taxonomy=TaxonomyFactory(name="Local offer"), name="Respite")
    add_respite_services(20, 0, term)  # with a few ids SQLite does use their keys
    engine.reindex()
    client = client_for(people["worker"])
    page_queries(client)  # the first search also reads the glossary and the town names
    asked = []

    def remember(execute, sql, params, many, context):
        asked.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(remember):
        _count, html = page_queries(client)
    assert "20 services found" in html
    plans = []
    with connection.cursor() as cursor:
        for sql, params in asked:
            # The results' own lookups (the database fallback's search itself is another matter).
            if '"directory_service"' in sql and "search_engine_searchentry" not in sql:
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
                plans.append(" ".join(str(row[-1]) for row in cursor.fetchall()))
    assert plans
    for plan in plans:
        assert "SCAN directory_service" not in plan, plan
        assert "directory_service_status" not in plan, plan


def test_each_filter_lists_only_its_most_common_values(engine, people, client_for, monkeypatch):
    """However many categories a directory has, the page lists a bounded number, most used first,
    and a category someone chose stays listed so it can be unticked."""
    from search.tests.factories import (
        ServiceFactory,
        TaxonomyFactory,
        TaxonomyTermFactory,
        add_term,
    )

    monkeypatch.setattr(views, "MAX_FACET_OPTIONS", 3)
    taxonomy = TaxonomyFactory(name="Local offer")
    terms = [TaxonomyTermFactory(taxonomy=taxonomy, name=f"Category {letter}") for letter in "ABCDE"]
    for number, term in enumerate(terms):  # Category A on 5 services, B on 4, ... E on 1
        for copy in range(5 - number):
            add_term(ServiceFactory(name=f"Respite house {number}-{copy}"), term)
    engine.reindex()
    client = client_for(people["worker"])

    html = client.get(URL, {"q": "respite"}).content.decode()
    assert html.count('name="term"') == 3
    assert "Category A (5)" in html and "Category B (4)" in html and "Category C (3)" in html
    assert "Category E" not in html

    html = client.get(URL, {"q": "respite", "term": str(terms[4].pk)}).content.decode()
    assert f'type="checkbox" value="{terms[4].pk}" checked' in html
    assert "Category E (1)" in html
