"""What every request reads is kept per process, and a change saved here is seen at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from core.process_cache import ProcessCache
from people.models import SecuritySettings

pytestmark = pytest.mark.django_db


def test_a_cache_loads_once_and_again_after_a_save(team):
    loads = []
    cache = ProcessCache(lambda: loads.append(1) or len(loads), models=[SecuritySettings])
    assert cache.get() == 1 and cache.get() == 1
    SecuritySettings.load().save()
    assert cache.get() == 2


def test_a_cache_reads_again_after_its_time(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr("core.process_cache.time.monotonic", lambda: clock[0])
    cache = ProcessCache(lambda: clock[0], seconds=30)
    assert cache.get() == 100.0
    clock[0] = 129.0
    assert cache.get() == 100.0
    clock[0] = 131.0
    assert cache.get() == 131.0


def test_requiring_two_factor_for_supervisors_applies_to_the_next_page(people, client_for):
    """The security settings are cached, but not past an administrator's change."""
    client = client_for(people["supervisor"])
    assert client.get("/learning/logs/").status_code == 200
    security = SecuritySettings.load()
    security.require_mfa_for_supervisors = True
    security.save()
    response = client.get("/learning/logs/")
    assert response.status_code == 302 and "/accounts/2fa/" in response["Location"]


def test_the_dashboard_finds_its_site_without_asking_each_time(site_pages, people, client_for):
    client = client_for(people["worker"])
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert not any('"wagtailcore_site"' in q["sql"] for q in queries.captured_queries)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Practice Commons (renamed)"
    site.save()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert any('"wagtailcore_site"' in q["sql"] for q in queries.captured_queries)  # read afresh after the change


def test_any_host_name_does_not_grow_the_kept_sites_without_end(site_pages, people, client_for, settings, monkeypatch):
    """With a wildcard in ALLOWED_HOSTS the Host header is the client's to choose."""
    from core import middleware

    monkeypatch.setattr(middleware, "_KNOWN_SITES_LIMIT", 3)
    settings.ALLOWED_HOSTS = [".example.org"]
    client = client_for(people["worker"])
    for n in range(6):
        assert client.get("/", HTTP_HOST=f"office{n}.example.org").status_code == 200
    assert len(middleware._known_sites.get()) == 3
