"""The engine's answer says where it measured from, so callers (the ORUK API) need not look again."""

import pytest

from search.engine import ServiceQuery, search_services
from search.engine.indexing import apply_pending
from search.tests.factories import PostcodeFactory, ServiceFactory, add_location

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_search(settings):
    settings.ELASTICSEARCH_URL = ""


def test_a_search_near_a_postcode_carries_its_place_and_distances(db):
    PostcodeFactory(postcode="WR1 2HN", latitude=52.1934, longitude=-2.2210, district_code="E07000237")
    bungalow = ServiceFactory(name="Adult respite bungalow")
    add_location(bungalow, 52.1930, -2.2200, "WR1 2HN", name="Severn Bungalow")
    apply_pending()

    results = search_services(ServiceQuery(text="respite", postcode="WR1 2HN", radius_miles=2))

    near = results.proximity
    assert (near.label, near.radius_m) == ("WR1 2HN", pytest.approx(2 * 1609.344))
    assert "E07000237" in near.area_codes
    [hit] = results.hits
    # The hit's distance and the proximity's measure agree: about 80 metres.
    assert hit.distance_m == pytest.approx(near.metres_to(52.1930, -2.2200))
    assert 50 < hit.distance_m < 100
    assert near.metres_to(None, -2.2) is None


def test_a_search_without_a_place_has_no_proximity(db):
    ServiceFactory(name="Adult respite bungalow")
    apply_pending()

    assert search_services(ServiceQuery(text="respite")).proximity is None
