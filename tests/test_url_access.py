"""Every URL needs a login unless it is on the public allow-list (tests/public_urls.py)."""

import re
import uuid

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from tests.public_urls import PUBLIC_URL_NAMES

# The pages and people are only read: built once for the module (conftest.shared_site).
pytestmark = pytest.mark.usefixtures("shared_site")

SAMPLE_VALUES = {"int": "1", "uuid": str(uuid.uuid4()), "slug": "sample", "str": "sample", "path": "sample"}


def walk(resolver, prefix="", namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            yield from walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), (namespace + entry.name) if entry.name else None


def concrete(route):
    """Turn a route or regex into a URL we can request, with sample values for its parameters."""
    route = route.replace("^", "").replace("$", "").replace("\\Z", "")
    route = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: SAMPLE_VALUES.get(m.group(1) or "str", "sample"), route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)
    route = re.sub(r"[()?*+\\]", "", route)
    return "/" + route


def all_routes():
    routes = []
    for route, name in walk(get_resolver()):
        if route.startswith(("admin/", "documents/", "static/", "media/")) or "(?:" in route:
            continue  # Wagtail's admin has its own login check (tested in people.tests)
        routes.append(pytest.param(concrete(route), name, id=name or route))
    return routes


@pytest.mark.django_db
@pytest.mark.parametrize("url, name", all_routes())
def test_anonymous_visitors_are_sent_to_login_unless_public(client, site_pages, url, name):
    response = client.get(url)
    public = name in PUBLIC_URL_NAMES or (
        name and name.startswith("oruk:") and settings.ORUK_API_PUBLIC
    )
    if public:
        return  # public pages may answer, redirect or 404 for sample values, but must not need login
    assert response.status_code in (301, 302), f"{url} ({name}) answered {response.status_code} without login"
    assert response["Location"].startswith("/accounts/login/"), f"{url} redirected to {response['Location']}"


@pytest.mark.django_db
def test_public_pages_never_need_login(client):
    for url in ["/accounts/login/", "/accounts/password/reset/", "/healthz"]:
        response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.django_db
def test_the_page_tree_needs_login(client, site_pages):
    for url in ["/", "/guidance/", "/guidance/writing-about-people-safely/", "/no-such-page/"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url
