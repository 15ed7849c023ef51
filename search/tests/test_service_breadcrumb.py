"""The service page's breadcrumb leads back to where the person came from: the search or a shortlist."""

import pytest
from django.urls import reverse

from .factories import ServiceFactory

pytestmark = pytest.mark.django_db


def crumbs(body):
    start = body.index('class="govuk-breadcrumbs"')
    return body[start:body.index("</nav>", start)]


def test_from_the_search_the_crumb_returns_to_the_results(people, client_for, settings):
    settings.ELASTICSEARCH_URL = ""
    service = ServiceFactory()
    client = client_for(people["worker"])
    search = reverse("search:search") + "?q=respite&free=on"

    page = reverse("search:service-detail", args=[service.pk])
    trail = crumbs(client.get(page, HTTP_REFERER=f"http://testserver{search}").content.decode())

    assert "Search results" in trail and "?q=respite&amp;free=on" in trail
    assert "Your shortlist" not in trail


def test_from_the_shortlist_the_crumb_says_so(people, client_for):
    service = ServiceFactory()
    page = reverse("search:service-detail", args=[service.pk])
    trail = crumbs(client_for(people["worker"]).get(
        page, HTTP_REFERER="http://testserver" + reverse("search:shortlist")).content.decode())
    assert "Your shortlist" in trail


def test_from_elsewhere_or_another_site_no_extra_crumb(people, client_for):
    service = ServiceFactory()
    page = reverse("search:service-detail", args=[service.pk])
    client = client_for(people["worker"])
    for referer in ["", "https://evil.example/directory/shortlist/", "http://testserver/learning/"]:
        trail = crumbs(client.get(page, HTTP_REFERER=referer).content.decode())
        assert "Your shortlist" not in trail and "Search results" not in trail and "evil" not in trail
