"""The home dashboard, guidance pages, page search and the styled error pages."""

import pytest
from django.test import override_settings

from core.forms import GovUKForm

# The people (and pages) are only read (each test runs in its own savepoint): made once for the module.
pytestmark = pytest.mark.usefixtures("shared_site")


@pytest.mark.parametrize("who", ["worker", "supervisor", "practice_lead", "administrator"])
def test_each_role_sees_their_dashboard(site_pages, people, client_for, who):
    from people.models import SecuritySettings

    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.save()
    response = client_for(people[who]).get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "My practice" in page
    assert people[who].email in page
    assert ('href="/admin/"' in page) == (who in ("practice_lead", "administrator"))


def test_guidance_pages_and_page_search(site_pages, people, client_for):
    client = client_for(people["worker"])
    index = client.get("/guidance/")
    assert "Writing about people safely" in index.content.decode()
    results = client.get("/search/", {"q": "initials"})
    assert "Writing about people safely" in results.content.decode()
    nothing = client.get("/search/", {"q": "zebra crossing"})
    assert "No pages match" in nothing.content.decode()


def test_styled_404_for_signed_in_people(site_pages, people, client_for):
    response = client_for(people["worker"]).get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "govuk-heading-l" in response.content.decode()


@override_settings(DEBUG=False)
def test_styled_500_page(rf):
    from core.views import server_error

    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = server_error(request)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@override_settings(DEBUG=False)
def test_the_database_down_gets_the_service_page_with_try_again_not_a_bare_server_error(rf):
    """PostgreSQL restarting: even the signed-in person's session cannot be read, so the page is drawn
    without it (tests/test_faults.py restarts a real one under a running site)."""
    from django.db import OperationalError
    from django.utils.functional import SimpleLazyObject

    from core.views import server_error

    def no_database():
        raise OperationalError("connection refused")

    request = rf.get("/learning/")
    request.user = SimpleLazyObject(no_database)
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page and "save it again in a few minutes" in page


def test_health_check(client, db, settings):
    from core import worker

    settings.ELASTICSEARCH_URL = ""
    worker.beat("test-worker")
    answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "worker": "ok", "search": "database"}}


def test_govuk_form_shows_error_summary_and_keeps_input():
    from django import forms

    class Example(GovUKForm):
        title = forms.CharField(help_text="A few words", max_length=5)
        kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)

    form = Example(data={"title": "far too long", "kind": ""})
    html = str(form)
    assert not form.is_valid()
    assert "govuk-error-summary" in html and 'href="#id_title"' in html and 'href="#id_kind_0"' in html
    assert 'value="far too long"' in html
    assert "govuk-input--error" in html
    assert 'aria-describedby="title-hint title-error"' in html
    assert '<legend class="govuk-fieldset__legend' in html
    # The hint and the error message appear beside the field, with the ids the input points at.
    assert '<div id="title-hint" class="govuk-hint">A few words</div>' in html
    assert 'id="title-error" class="govuk-error-message"' in html and "Title must be 5 characters or fewer" in html
    assert 'id="kind-error" class="govuk-error-message"' in html
