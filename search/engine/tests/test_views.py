"""The search page and the suggestions endpoint, as staff use them."""

import pytest
from django.urls import reverse

from search.engine import es

from .conftest import CLOSED_PORT_URL

URL = "/directory/"


@pytest.fixture(autouse=True)
def administrators_without_two_factor(db):
    """Administrators must set up two-factor sign-in first; these tests are about searching."""
    from people.models import SecuritySettings

    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.save()


@pytest.fixture
def db_indexed(db_settings, directory, glossary):
    from search.engine import indexing

    indexing.rebuild(log=lambda *a: None)
    return directory


def test_the_search_page_is_the_directory_url():
    assert reverse("search:search") == URL
    assert reverse("search:suggest") == "/directory/suggest/"


@pytest.mark.parametrize("role", ["worker", "supervisor", "ended_supervisor", "practice_lead", "administrator"])
def test_every_member_of_staff_may_search(people, client_for, db_indexed, role):
    response = client_for(people[role]).get(URL, {"q": "respite"})
    assert response.status_code == 200
    assert b"Oakenshaw adult" in response.content


def test_anonymous_visitors_are_sent_to_sign_in(client_for, db_indexed):
    for url in (URL, "/directory/suggest/?q=resp"):
        response = client_for(None).get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_results_show_distance_ages_and_highlighted_words(people, client_for, db_indexed, postcodes):
    response = client_for(people["worker"]).get(URL, {"q": "respite", "postcode": "b97 4dn", "radius": "5"})
    html = response.content.decode()
    assert "2 services found" in html
    assert "Distances are from B97 4DN." in html
    assert "miles away" in html
    assert "Ages: 18 years and over" in html
    assert "Oakenshaw adult <mark>respite</mark> bungalow" in html
    assert "Matchborough" not in html  # inactive
    assert 'value="b97 4dn"' in html.lower()


def test_search_words_and_filters_are_kept_and_counted(people, client_for, db_indexed):
    respite = str(db_indexed["terms"]["respite"].pk)
    html = client_for(people["worker"]).get(URL, {"q": "respite advocacy", "term": respite}).content.decode()
    assert "2 services found" in html
    assert f'value="{respite}" checked' in html
    assert "Respite and short breaks (2)" in html
    assert "Advocacy (1)" in html  # what adding it would give
    assert 'name="q" value="respite advocacy"' in html


def test_an_unknown_postcode_is_explained_and_nothing_typed_is_lost(people, client_for, db_indexed):
    response = client_for(people["worker"]).get(URL, {"q": "respite", "postcode": "ZZ9 9ZZ", "age": "17"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "We could not find that postcode" in html
    assert 'value="respite"' in html and 'value="ZZ9 9ZZ"' in html and 'value="17"' in html


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "respite", "age": "seventeen"}, "Enter the person&#x27;s age in years"),
        ({"q": "respite", "age": "400"}, "Enter an age of 120 or less"),
        ({"q": "respite", "radius": "2000"}, "Select a valid choice"),
        ({"q": "respite", "postcode": "B97 4DN B97 4DN"}, "A postcode has at most 8"),
        ({"q": "x" * 500}, "Search words must be 200 characters or fewer"),
    ],
)
def test_bad_input_is_an_error_message_never_a_crash(people, client_for, db_indexed, params, message):
    response = client_for(people["worker"]).get(URL, params)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("params", [{"q": "respite", "page": "-3"}, {"q": "respite", "page": "abc"}, {"q": "respite", "page": "99999999999"}, {"term": "not-a-term"}, {"q": "\x00<script>"}])
def test_odd_parameters_still_give_a_page(people, client_for, db_indexed, params):
    assert client_for(people["worker"]).get(URL, params).status_code == 200


def test_nothing_found_offers_a_spelling(people, client_for, db_indexed):
    html = client_for(people["worker"]).get(URL, {"q": "xespite"}).content.decode()
    assert "0 services found" in html
    assert 'Did you mean <a class="govuk-link" href="?q=respite">respite</a>?' in html


def test_results_come_in_pages(people, client_for, db_indexed):
    from search.tests.factories import ServiceFactory

    for number in range(25):
        ServiceFactory(name=f"Befriending group {number:02d}", description="Befriending for older people.")
    from search.engine import indexing

    indexing.rebuild(log=lambda *a: None)
    client = client_for(people["worker"])
    first = client.get(URL, {"q": "befriending"}).content.decode()
    assert "25 services found" in first and "page 1 of 2" in first
    second = client.get(URL, {"q": "befriending", "page": "2"}).content.decode()
    assert "Showing 21 to 25" in second
    assert 'rel="prev"' in second


def test_fallback_mode_is_shown_to_staff_and_the_reason_to_administrators(people, client_for, db_indexed, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    es.breaker.reset()
    worker_page = client_for(people["worker"]).get(URL, {"q": "respite"}).content.decode()
    assert "Search is running in fallback mode" in worker_page
    assert "Oakenshaw adult" in worker_page  # still searching
    assert "Reason:" not in worker_page
    admin_page = client_for(people["administrator"]).get(URL, {"q": "respite"}).content.decode()
    assert "Reason: Elasticsearch is unavailable" in admin_page
    es.breaker.reset()


def test_no_fallback_notice_when_the_database_is_the_chosen_engine(people, client_for, db_indexed):
    assert "fallback mode" not in client_for(people["worker"]).get(URL, {"q": "respite"}).content.decode()


def test_each_result_can_go_on_the_shortlist(people, client_for, db_indexed):
    html = client_for(people["worker"]).get(URL, {"q": "respite"}).content.decode()
    assert html.count("Add to shortlist") == 2


def test_query_count_does_not_grow_with_the_results(people, client_for, db_indexed, django_assert_max_num_queries):
    from search.tests.factories import ServiceFactory

    client = client_for(people["worker"])
    client.get(URL, {"q": "respite"})
    with django_assert_max_num_queries(40) as few:
        client.get(URL, {"q": "respite"})
    baseline = len(few.captured_queries)  # now: the query log is a window that later queries move
    for number in range(15):
        ServiceFactory(name=f"Respite scheme {number}", description="Respite for carers.")
    from search.engine import indexing

    indexing.rebuild(log=lambda *a: None)
    client.get(URL, {"q": "respite"})  # the rebuild's new word counts are read once, as at the start
    with django_assert_max_num_queries(baseline + 2):
        client.get(URL, {"q": "respite"})


def test_suggestions_as_json(people, client_for, db_indexed):
    response = client_for(people["worker"]).get("/directory/suggest/", {"q": "oaken"})
    assert response.status_code == 200
    assert response.json() == {"suggestions": ["Oakenshaw adult respite bungalow"]}
    assert client_for(people["worker"]).get("/directory/suggest/", {"q": ""}).json() == {"suggestions": []}


def test_the_page_says_what_age_it_read_and_whether_it_left_anyone_out(people, client_for, db_indexed):
    client = client_for(people["worker"])
    firm = client.get(URL, {"q": "respite for teenagers"}).content.decode()
    assert "Showing services for teenagers, from your search words." in firm
    broad = client.get(URL, {"q": "respite for children"}).content.decode()
    assert "Services for children first, from your search words." in broad
    assert "Showing services for children" not in broad


def test_each_result_shows_its_name_escaped_its_opening_words_and_whether_it_is_open(people, client_for, db_settings, postcodes):
    """The results list is drawn in Python (views._result_html): the same escaping, the first 35
    words of a long description and the "Temporarily closed" tag as the template drew."""
    from search.engine import indexing
    from search.engine.tests.conftest import make_service

    words = " ".join(f"word{n}" for n in range(50))
    make_service("Tea <b>&</b> chat", f"Gardening club. {words}", status="temporarily closed", ages=(18, None), at=(52.3052, -1.9431, "B97 4DN"), organisation="Vale & Co")
    indexing.rebuild(log=lambda *a: None)
    html = client_for(people["worker"]).get(URL, {"postcode": "B97 4DN", "radius": "5"}).content.decode()
    assert "Tea &lt;b&gt;&amp;&lt;/b&gt; chat</a></h3>" in html
    assert "Vale &amp; Co" in html
    assert "Gardening club. word0" in html and "word32 …</p>" in html and "word33" not in html
    assert "<li>Ages: 18 years and over</li>" in html
    assert "Temporarily closed</strong></li>" in html
