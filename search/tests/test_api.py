"""The ORUK API: output valid against the standard's schemas, pagination, filters, errors, access."""

import datetime

import pytest

from search import models as m
from search.engine.indexing import apply_pending
from search.oruk import openapi_document, schema_errors

from .factories import (
    AddressFactory,
    LocationFactory,
    PostcodeFactory,
    ServiceFactory,
    TaxonomyTermFactory,
    add_location,
    add_term,
)

pytestmark = pytest.mark.django_db

API = "/api/oruk/"


@pytest.fixture
def directory(db):
    """A small directory near Redditch and Worcester, with ages, categories, times and statuses."""
    PostcodeFactory(postcode="B97 4DN", latitude=52.3052, longitude=-1.9431, district_code="E07000236")
    PostcodeFactory(postcode="B97 4HA", latitude=52.3041, longitude=-1.9462, district_code="E07000236")
    PostcodeFactory(postcode="WR1 2HN", latitude=52.1934, longitude=-2.2210, district_code="E07000237")
    respite = TaxonomyTermFactory(name="Short breaks and respite")
    advice = TaxonomyTermFactory(name="Advice and advocacy")

    young = ServiceFactory(name="Teen overnight short breaks", minimum_age=11, maximum_age=18,
                           description="Overnight respite for young people with learning disabilities.")
    add_term(young, respite)
    add_location(young, 52.3050, -1.9440, "B97 4DN", name="Arrow House")
    m.Schedule.objects.create(service=young, freq="WEEKLY", byday="FR,SA", opens_at=datetime.time(17), closes_at=datetime.time(23))

    adults = ServiceFactory(name="Adult respite bungalow", minimum_age=18, maximum_age=None,
                            description="Short breaks for adults with learning disabilities.")
    add_term(adults, respite)
    add_location(adults, 52.1930, -2.2200, "WR1 2HN", name="Severn Bungalow")
    m.Schedule.objects.create(service=adults, freq="WEEKLY", byday="MO,TU,WE", opens_at=datetime.time(9), closes_at=datetime.time(17))

    anyone = ServiceFactory(name="Advocacy helpline", description="Independent advocacy for anyone.")
    add_term(anyone, advice)
    m.ServiceArea.objects.create(service=anyone, name="Redditch", uri="http://statistics.data.gov.uk/id/statistical-geography/E07000236")

    closed = ServiceFactory(name="Closed short breaks club", status=m.ServiceStatus.DEFUNCT, minimum_age=11, maximum_age=18)
    add_term(closed, respite)
    add_location(closed, 52.3050, -1.9440, "B97 4DN")
    inactive = ServiceFactory(name="Paused respite scheme", status=m.ServiceStatus.INACTIVE)
    add_term(inactive, respite)
    apply_pending()  # what the worker does after each change
    return {"young": young, "adults": adults, "anyone": anyone, "closed": closed, "inactive": inactive,
            "respite": respite, "advice": advice}


def names(response):
    return [item["name"] for item in response.json()["contents"]]


def sal_names(response):
    return [item["service"]["name"] for item in response.json()["contents"]]


def assert_page(body, schema):
    for key in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"):
        assert key in body
    for item in body["contents"]:
        assert schema_errors(item, schema) == []


# ---- Shapes -------------------------------------------------------------------------------------


def test_root_says_which_version(client):
    body = client.get(API).json()
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("openapi.json")


def test_every_endpoint_answers_with_schema_valid_json(client, directory):
    services = client.get(API + "services").json()
    assert_page(services, "compiled/service_list.json")
    young = directory["young"]

    full = client.get(f"{API}services/{young.pk}").json()
    assert schema_errors(full, "compiled/service.json") == []
    assert full["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "B97 4DN"
    assert full["attributes"][0]["taxonomy_term"]["name"] == "Short breaks and respite"

    sals = client.get(API + "service_at_locations").json()
    assert_page(sals, "compiled/service_at_location_list.json")
    sal = client.get(f"{API}service_at_locations/{sals['contents'][0]['id']}").json()
    assert schema_errors(sal, "compiled/service_at_location.json") == []

    taxonomies = client.get(API + "taxonomies").json()
    assert_page(taxonomies, "taxonomy.json")
    taxonomy = client.get(f"{API}taxonomies/{directory['respite'].taxonomy_id}").json()
    assert schema_errors(taxonomy, "taxonomy.json") == []
    assert [t["name"] for t in taxonomy["taxonomy_terms"]] == ["Short breaks and respite"]

    terms = client.get(API + "taxonomy_terms").json()
    assert_page(terms, "taxonomy_term.json")
    term = client.get(f"{API}taxonomy_terms/{directory['advice'].pk}").json()
    assert schema_errors(term, "taxonomy_term.json") == [] and term["name"] == "Advice and advocacy"


def test_unknown_ids_are_json_404s(client, directory):
    for path in ("services/", "service_at_locations/", "taxonomies/", "taxonomy_terms/"):
        for bad in ("not-a-uuid", "00000000-0000-0000-0000-000000000000", "a/b"):
            response = client.get(API + path + bad)
            assert response.status_code == 404, (path, bad)
            assert response["Content-Type"] == "application/json" and "error" in response.json()


def test_a_defunct_service_is_not_listed_but_its_own_url_says_so(client, directory):
    assert "Closed short breaks club" not in names(client.get(API + "services"))
    assert "Paused respite scheme" not in names(client.get(API + "services"))
    assert "Closed short breaks club" not in sal_names(client.get(API + "service_at_locations"))
    assert client.get(f"{API}services/{directory['closed'].pk}").json()["status"] == "defunct"


# ---- Pagination ---------------------------------------------------------------------------------


def test_pagination_envelope_and_edges(client, directory):
    first = client.get(API + "services?per_page=2").json()
    assert (first["total_items"], first["total_pages"], first["page_number"], first["size"]) == (3, 2, 1, 2)
    assert (first["first_page"], first["last_page"], first["empty"]) == (True, False, False)

    second = client.get(API + "services?per_page=2&page=2").json()
    assert (second["size"], second["first_page"], second["last_page"]) == (1, False, True)
    assert set(names(client.get(API + "services?per_page=2"))).isdisjoint(n["name"] for n in second["contents"])

    past = client.get(API + "services?per_page=2&page=9").json()
    assert (past["size"], past["empty"], past["last_page"], past["contents"]) == (0, True, True, [])

    zero = client.get(API + "services?page=0").json()
    assert zero["page_number"] == 1 and zero["size"] == 3
    assert client.get(API + "services?page=-4").json()["page_number"] == 1

    huge = client.get(API + "services?per_page=1000000").json()
    assert huge["size"] == 3 and huge["total_pages"] == 1
    assert client.get(API + "services?per_page=0").json()["size"] == 3


def test_large_directories_are_capped_at_100_a_page(client, db):
    ServiceFactory.create_batch(105)
    body = client.get(API + "services?per_page=500").json()
    assert (body["size"], body["total_items"], body["total_pages"]) == (100, 105, 2)


def test_empty_directory(client, db):
    body = client.get(API + "services").json()
    assert (body["total_items"], body["total_pages"], body["empty"], body["last_page"]) == (0, 0, True, True)


# ---- Filters ------------------------------------------------------------------------------------


def test_age_filters_mean_an_overlapping_range(client, directory):
    seventeen = names(client.get(API + "services?minimum_age=17&maximum_age=17"))
    # The 11-18 service and the no-limit helpline; not the 18+ bungalow.
    assert sorted(seventeen) == ["Advocacy helpline", "Teen overnight short breaks"]
    assert sorted(names(client.get(API + "services?minimum_age=30"))) == ["Adult respite bungalow", "Advocacy helpline"]
    assert sorted(names(client.get(API + "services?maximum_age=10"))) == ["Advocacy helpline"]
    assert sorted(names(client.get(API + "services?minimum_age=18&maximum_age=18"))) == [
        "Adult respite bungalow", "Advocacy helpline", "Teen overnight short breaks"]


def test_taxonomy_filters(client, directory):
    by_term = names(client.get(f"{API}services?taxonomy_term_id={directory['respite'].pk}"))
    assert sorted(by_term) == ["Adult respite bungalow", "Teen overnight short breaks"]
    by_taxonomy = names(client.get(f"{API}services?taxonomy_id={directory['advice'].taxonomy_id}"))
    assert by_taxonomy == ["Advocacy helpline"]
    assert names(client.get(f"{API}services?taxonomy_term_id=00000000-0000-0000-0000-000000000000")) == []


def test_opening_time_filters(client, directory):
    assert names(client.get(API + "services?day=FR")) == ["Teen overnight short breaks"]
    assert names(client.get(API + "services?day=MO&start_time=10:00&end_time=12:00")) == ["Adult respite bungalow"]
    assert names(client.get(API + "services?day=MO&start_time=18:00&end_time=20:00")) == []


def test_search_uses_the_engine(client, directory):
    found = names(client.get(API + "services?search=respite"))
    assert set(found) == {"Adult respite bungalow", "Teen overnight short breaks"}
    assert "Advocacy helpline" in names(client.get(API + "services?search=advocasy"))  # a typo still finds it
    sals = sal_names(client.get(API + "service_at_locations?search=respite"))
    assert set(sals) == {"Adult respite bungalow", "Teen overnight short breaks"}


def test_postcode_and_proximity_on_service_at_locations(client, directory):
    near = sal_names(client.get(API + "service_at_locations?postcode=b974dn&proximity=2000"))
    # Arrow House is 60 m away; the helpline has no building but serves Redditch's area code.
    assert near == ["Teen overnight short breaks"] or set(near) == {"Teen overnight short breaks"}
    with_area = client.get(API + "service_at_locations?postcode=B97 4DN&proximity=2000&per_page=50").json()
    assert with_area["total_items"] == 1  # service-at-location rows only exist for services with a location

    worcester = sal_names(client.get(API + "service_at_locations?postcode=WR1 2HN&proximity=1000"))
    assert worcester == ["Adult respite bungalow"]
    # The outward code alone works, from the centroid of its postcodes.
    assert sal_names(client.get(API + "service_at_locations?postcode=B97&proximity=1500")) == ["Teen overnight short breaks"]


def test_service_at_locations_measure_from_the_engines_place(client, directory, monkeypatch):
    """The postcode is looked up once, by the engine, and the locations are kept by its answer."""
    from search import postcodes

    looked_up = []
    real_resolve = postcodes.resolve
    monkeypatch.setattr(postcodes, "resolve", lambda text: looked_up.append(text) or real_resolve(text))

    assert sal_names(client.get(API + "service_at_locations?postcode=WR1 2HN&proximity=1000")) == ["Adult respite bungalow"]
    assert looked_up == ["WR1 2HN"]


def test_postcode_without_proximity_keeps_services_covering_it(client, directory):
    anyone = directory["anyone"]
    location = LocationFactory(name="Helpline office", latitude=52.19, longitude=-2.22)
    AddressFactory(location=location, postal_code="WR1 2HN")
    m.ServiceAtLocation.objects.create(service=anyone, location=location)
    m.ServiceArea.objects.create(service=directory["adults"], name="Worcester", uri="E07000237")
    apply_pending()

    in_redditch = sal_names(client.get(API + "service_at_locations?postcode=B97 4DN"))
    # The helpline serves Redditch; the bungalow's area is Worcester only; the teen service has no area.
    assert set(in_redditch) == {"Advocacy helpline", "Teen overnight short breaks"}


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("services?page=abc", "page"),
        ("services?per_page=1.5", "per_page"),
        ("services?minimum_age=old", "minimum_age"),
        ("services?maximum_age=nan", "maximum_age"),
        ("services?day=Funday", "day"),
        ("services?start_time=25:00", "start_time"),
        ("service_at_locations?postcode=ZZ99 9ZZ", "postcode"),
        ("service_at_locations?postcode=not a postcode&proximity=100", "postcode"),
        ("service_at_locations?postcode=B97 4DN&proximity=far", "proximity"),
        ("service_at_locations?proximity=500", "proximity"),
    ],
)
def test_bad_parameters_are_400s_with_a_reason(client, directory, query, parameter):
    response = client.get(API + query)
    assert response.status_code == 400
    body = response.json()
    assert body["error"] and body.get("parameter") in (parameter, None)


def test_odd_but_harmless_values_do_not_break_it(client, directory):
    for query in ("services?search=%00", "services?search=" + "x" * 5000, "services?taxonomy_term_id=,,,",
                  "services?minimum_age=-3", "services?start_time=10:00:00Z", "services?day=monday"):
        assert client.get(API + query).status_code == 200, query


EVERY_PARAMETER = ("search", "page", "per_page", "taxonomy_term_id", "taxonomy_id", "minimum_age", "maximum_age",
                   "start_time", "end_time", "day", "postcode", "proximity")


@pytest.mark.parametrize("endpoint", ["services", "service_at_locations"])
def test_empty_parameters_mean_the_same_as_leaving_them_out(client, directory, endpoint):
    """Clients generated from the standard send every parameter, empty ones included."""
    plain = client.get(API + endpoint).json()
    every_empty = client.get(API + endpoint + "?" + "&".join(f"{name}=" for name in EVERY_PARAMETER))
    assert every_empty.status_code == 200
    assert every_empty.json() == plain
    for name in EVERY_PARAMETER:
        assert client.get(f"{API}{endpoint}?{name}=%20").json() == plain, name
    # Empty beside a real filter: the filter still applies.
    filtered = client.get(API + endpoint + "?search=overnight&start_time=&proximity=&day=").json()
    assert filtered == client.get(API + endpoint + "?search=overnight").json()
    assert filtered["total_items"] < plain["total_items"]


def test_the_served_openapi_file_extends_the_standard_with_its_errors(client):
    original = openapi_document()
    served = client.get(client.get(API).json()["openapi_url"])
    assert served.status_code == 200 and served["Content-Type"] == "application/json"
    spec = served.json()
    assert spec["servers"][0]["url"] == "http://testserver/api/oruk"
    assert list(spec["paths"]) == list(original["paths"])
    for path, item in spec["paths"].items():
        responses = item["get"]["responses"]
        assert responses["200"] == original["paths"][path]["get"]["responses"]["200"]
        assert "empty parameter" in responses["400"]["description"]
        assert ("404" in responses) == ("{id}" in path)
    assert spec["components"]["schemas"]["Error"]["required"] == ["error", "status"]
    # What the file promises is what an error looks like.
    body = client.get(API + "services?page=abc").json()
    assert set(body) <= set(spec["components"]["schemas"]["Error"]["properties"]) and body["status"] == 400


# ---- Access -------------------------------------------------------------------------------------


def test_public_api_sends_cors_and_needs_no_login(client, directory, settings):
    settings.ORUK_API_PUBLIC = True
    response = client.get(API + "services")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    assert client.options(API + "services")["Access-Control-Allow-Origin"] == "*"
    assert client.post(API + "services").status_code == 405


def test_private_api_needs_a_login(client, client_for, people, directory, settings):
    settings.ORUK_API_PUBLIC = False
    response = client.get(API + "services")
    assert response.status_code == 401 and "error" in response.json()
    assert not response.has_header("Access-Control-Allow-Origin")
    assert client.get(f"{API}services/{directory['young'].pk}").status_code == 401
    signed_in = client_for(people["worker"]).get(API + "services")
    assert signed_in.status_code == 200 and not signed_in.has_header("Access-Control-Allow-Origin")


def test_list_queries_do_not_grow_with_the_page(client, directory, django_assert_max_num_queries):
    ServiceFactory.create_batch(20)
    with django_assert_max_num_queries(6):
        client.get(API + "services?per_page=50")
    with django_assert_max_num_queries(6):
        client.get(API + "service_at_locations?per_page=50")
    with django_assert_max_num_queries(20):
        client.get(f"{API}services/{directory['young'].pk}")


def test_absurd_pages_and_odd_ids_still_answer_in_json(client, directory):
    for query in ("taxonomies?page=1152921504606846976", "services?page=99999999999999999999&per_page=7",
                  "services?search=respite&page=99999999999", "service_at_locations?page=12345678901234567890",
                  "taxonomy_terms?per_page=-5&page=2361394220925235232768"):
        response = client.get(API + query)
        assert response.status_code == 200, query
        assert response.json()["contents"] == []
    assert client.get(API + "services?search=respite&page=99999999999").json()["total_items"] == 2
    for path in ("taxonomies/T%0Ai", "services/%0A", "service_at_locations/%C2%9D%0A%C3%93"):
        response = client.get(API + path)
        assert response.status_code == 404 and response["Content-Type"] == "application/json", path


def test_service_at_locations_read_a_town_from_the_search_words(client, db):
    """"respite near Worcester" keeps the Worcester location and leaves out the one 18 miles away,
    as the search page does ("Showing results near Worcester")."""
    PostcodeFactory(postcode="B97 4DN", latitude=52.3052, longitude=-1.9431, district_code="E07000236")
    PostcodeFactory(postcode="WR1 2HN", latitude=52.1934, longitude=-2.2210, district_code="E07000237")
    service = ServiceFactory(name="Carers' respite", description="Respite for carers, in two towns.")
    for town, postcode, latitude, longitude in (("Redditch", "B97 4DN", 52.3050, -1.9440), ("Worcester", "WR1 2HN", 52.1930, -2.2200)):
        location = LocationFactory(name=f"{town} base", latitude=latitude, longitude=longitude)
        AddressFactory(location=location, city=town, postal_code=postcode)
        m.ServiceAtLocation.objects.create(service=service, location=location)
    apply_pending()

    body = client.get(API + "service_at_locations", {"search": "respite near Worcester"}).json()
    assert [item["location"]["name"] for item in body["contents"]] == ["Worcester base"]
    assert body["total_items"] == 1
    everywhere = client.get(API + "service_at_locations", {"search": "respite"}).json()
    assert {item["location"]["name"] for item in everywhere["contents"]} == {"Redditch base", "Worcester base"}
