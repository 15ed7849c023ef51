"""Fixtures for the search engine's tests: each backend, and a small directory to search.

Behaviour tests take the `engine` fixture, which runs them once on the database fallback and
once on a real Elasticsearch (ELASTICSEARCH_URL; skipped locally without one, failing in CI).
Each Elasticsearch test gets its own index prefix, so parallel workers never share an index.
"""

import os
import uuid
from contextlib import contextmanager
from datetime import time
from decimal import Decimal

import pytest

from conftest import require_service

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")
CLOSED_PORT_URL = "http://127.0.0.1:9"  # the discard port: nothing listens there

REDDITCH = (52.3052, -1.9431)


# A busy CI machine can take a while to answer; the product keeps its own short timeouts for pages.
FIXTURE_WAIT_SECONDS = 60


def elasticsearch_available(url=ES_URL):
    if not url:
        return False, "ELASTICSEARCH_URL is not set (start one with scripts/elasticsearch start)"
    from elasticsearch import Elasticsearch

    try:
        Elasticsearch(url, request_timeout=FIXTURE_WAIT_SECONDS + 5, max_retries=2).cluster.health(
            wait_for_status="yellow", timeout=f"{FIXTURE_WAIT_SECONDS}s"
        )
    except Exception as error:  # noqa: BLE001 - any failure means "not available"
        return False, f"cannot reach {url}: {error}"
    return True, ""


@contextmanager
def setup_timeout():
    """Building or deleting a test's index is set-up, not a page: wait as long as a busy machine needs,
    then give the test back its own client (the product keeps its short timeouts for pages)."""
    from django.test import override_settings

    from search.engine import es

    es._clients.clear()
    try:
        with override_settings(ELASTICSEARCH_TIMEOUT=FIXTURE_WAIT_SECONDS):
            yield
    finally:
        es._clients.clear()


def _reset_engine():
    from search.engine import db_backend, es, meaning, ranking

    meaning.entry_vectors.forget()
    es.breaker.reset()
    es._clients.clear()
    db_backend.vocabulary.invalidate()
    ranking.forget_frequencies()
    db_backend.facet_index.invalidate()


class Engine:
    """The backend under test, with a way to rebuild its index from the database."""

    def __init__(self, name):
        self.name = name

    def reindex(self):
        from search.engine import indexing

        with setup_timeout():
            indexing.rebuild(log=lambda *args: None)

    def __repr__(self):
        return self.name


@pytest.fixture
def es_settings(settings):
    """A real Elasticsearch with an index prefix of this test's own."""
    available, reason = elasticsearch_available()
    require_service("Elasticsearch", available, reason)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    settings.ELASTICSEARCH_URL = ES_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = f"pc-test-{worker}-{uuid.uuid4().hex[:8]}"
    # The test's own searches: on a busy machine one may take longer than the product's 2 s for pages
    # (which stays its default), and a timeout would trip the outage breaker in the middle of a test.
    settings.ELASTICSEARCH_TIMEOUT = 30
    _reset_engine()
    yield settings
    from search.engine import es

    try:
        settings.ELASTICSEARCH_URL = ES_URL
        with setup_timeout():
            es.delete_all()
    finally:
        _reset_engine()


@pytest.fixture
def words_only(monkeypatch):
    """No retrieval by meaning (search.engine.meaning): for tests of what the words alone find."""
    from search.engine import meaning

    monkeypatch.setattr(meaning, "RETRIEVED", 0)


@pytest.fixture
def db_settings(settings):
    settings.ELASTICSEARCH_URL = ""
    _reset_engine()
    yield settings
    _reset_engine()


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, db):
    """Run the test on each backend in turn."""
    request.getfixturevalue("es_settings" if request.param == "elasticsearch" else "db_settings")
    return Engine(request.param)


@pytest.fixture
def postcodes(db):
    from search.tests.factories import PostcodeFactory

    return {
        "B97 4DN": PostcodeFactory(postcode="B97 4DN", latitude=52.3052, longitude=-1.9431, district_code="E07000236"),
        "B97 5AA": PostcodeFactory(postcode="B97 5AA", latitude=52.3000, longitude=-1.9500, district_code="E07000236"),
        "WR1 2ES": PostcodeFactory(postcode="WR1 2ES", latitude=52.1936, longitude=-2.2216, district_code="E07000237"),
    }


def make_service(name, description, *, terms=(), ages=(None, None), at=None, areas=(), status="active", cost=None, days=None, organisation=None):
    """A listed service with the parts search looks at."""
    from search import models as m
    from search.tests.factories import OrganizationFactory, ServiceFactory, add_location, add_term

    service = ServiceFactory(
        name=name,
        description=description,
        status=status,
        minimum_age=None if ages[0] is None else Decimal(ages[0]),
        maximum_age=None if ages[1] is None else Decimal(ages[1]),
        organization=OrganizationFactory(name=organisation) if organisation else OrganizationFactory(),
    )
    for term in terms:
        add_term(service, term)
    if at:
        lat, lon, postcode = at
        link = add_location(service, latitude=lat, longitude=lon, postcode=postcode, name=f"{name} base")
        m.Accessibility.objects.create(location=link.location, description="Step-free entrance.")
    for area_name, code in areas:
        m.ServiceArea.objects.create(service=service, name=area_name, uri=f"http://statistics.data.gov.uk/id/statistical-geography/{code}")
    if cost is not None:
        m.CostOption.objects.create(service=service, option="Session" if cost else "Free", amount=Decimal(cost))
    if days:
        m.Schedule.objects.create(service=service, freq="WEEKLY", byday=days, opens_at=time(9), closes_at=time(17))
    return service


@pytest.fixture
def directory(db, postcodes):
    """A small local offer: services in Redditch, Bromsgrove and Worcester, plus closed ones."""
    from search.tests.factories import TaxonomyFactory, TaxonomyTermFactory

    offer = TaxonomyFactory(name="Local offer")
    respite = TaxonomyTermFactory(taxonomy=offer, name="Respite and short breaks")
    advocacy = TaxonomyTermFactory(taxonomy=offer, name="Advocacy")
    day = TaxonomyTermFactory(taxonomy=offer, name="Day opportunities")
    services = {
        "needlewood": make_service(
            "Needlewood House overnight short breaks",
            "Overnight short breaks in Redditch for children and teenagers with learning disabilities.",
            terms=[respite], ages=(8, 18), at=(52.2881, -1.92168, "B98 7LG"), cost=0, days="FR,SA,SU",
            organisation="Needlewood Family Breaks",
        ),
        "oakenshaw": make_service(
            "Oakenshaw adult respite bungalow",
            "Respite stays for adults with a learning disability or autism.",
            terms=[respite], ages=(18, None), at=(52.2950, -1.9300, "B98 0AA"), cost=95, days="MO,TU",
        ),
        "aston": make_service(
            "Aston Fields LD hub",
            "A day service for adults with LD: cooking, gardening and art.",
            terms=[day], ages=(18, None), at=(52.3350, -2.0500, "B60 3AA"),
        ),
        "imca": make_service(
            "Independent Mental Capacity Advocacy service",
            "Statutory advocacy for people who lack capacity to make a big decision.",
            terms=[advocacy], areas=[("Worcestershire", "E10000034")], cost=0,
        ),
        "pbs": make_service(
            "Family PBS support",
            "PBS for families of children whose behaviour challenges.",
            ages=(0, 17), at=(52.1936, -2.2216, "WR1 2ES"),
        ),
        "cafe": make_service(
            "Evesham café for carers",
            "A weekly café where carers can meet.",
            at=(52.0920, -1.9470, "WR11 4RY"), organisation="Vale Carers",
        ),
        "inactive": make_service(
            "Matchborough respite house",
            "Respite breaks in Redditch, not running this year.",
            terms=[respite], status="inactive", at=(52.2900, -1.9200, "B98 0BB"),
        ),
        "defunct": make_service(
            "Saturday respite club",
            "Respite on Saturdays. Closed for good.",
            terms=[respite], status="defunct", at=(52.3000, -1.9400, "B97 5AA"),
        ),
    }
    return {"services": services, "terms": {"respite": respite, "advocacy": advocacy, "day": day}}


@pytest.fixture
def glossary(db):
    from search.engine.models import GlossaryTerm

    # The shipped glossary is already there (a data migration loads it); these pin the forms tested.
    for term, expansions in (
        ("LD", "learning disability\nlearning disabilities"),
        ("PBS", "positive behaviour support"),
        ("IMCA", "independent mental capacity advocate\nindependent mental capacity advocacy"),
        ("respite", "short breaks"),
    ):
        GlossaryTerm.objects.update_or_create(term=term, defaults={"expansions": expansions})


@pytest.fixture
def indexed(engine, directory, glossary):
    """The small directory, indexed on the backend under test."""
    engine.reindex()
    return directory


@pytest.fixture
def es_indexed(es_settings, directory, glossary):
    """The small directory, indexed on Elasticsearch (for tests about Elasticsearch alone)."""
    Engine("elasticsearch").reindex()
    return directory


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs the block as if it were its own committed transaction.

    Tests run inside one transaction that never commits; Django's capture runs the on-commit
    callbacks registered in the block. Per-transaction batching (the directory's
    `services_changed`, our pending rows) is reset first, as a real new transaction would be.
    """
    from contextlib import contextmanager

    @contextmanager
    def run():
        from search import changes
        from search.engine import indexing

        changes.start_afresh()
        indexing._tx.__dict__.clear()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return run
