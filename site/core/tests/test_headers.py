"""Security headers: a strict Content-Security-Policy, nothing private kept in any cache, and no
inline script or style left in our templates for the policy to block."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from learning import record
from learning.tests.factories import make_log
from people.models import SecuritySettings
from people.roles import ensure_role_groups, sync_user_groups
from supervision.tests.factories import SessionFactory


def csp(response):
    return dict(
        (part.split()[0], part.split()[1:]) for part in response["Content-Security-Policy"].split(";") if part.strip()
    )


def assert_not_stored(response):
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control, cache_control
    assert "public" not in cache_control


def test_pages_have_a_strict_content_security_policy(people, client_for):
    response = client_for(people["worker"]).get(reverse("learning:log-list"))
    assert response.status_code == 200
    policy = csp(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_other_security_headers(people, client_for):
    response = client_for(people["worker"]).get(reverse("learning:log-list"))
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_login_page_is_covered_too(client, db):
    response = client.get(reverse("account_login"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert_not_stored(response)


def test_only_the_wagtail_admin_gets_its_relaxations(people, client_for):
    security = SecuritySettings.load()
    security.require_mfa_for_practice_leads = False
    security.save()
    ensure_role_groups()
    sync_user_groups(people["practice_lead"])
    response = client_for(people["practice_lead"]).get("/admin/")
    assert response.status_code == 200
    policy = csp(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert_not_stored(response)


def test_private_pages_and_exports_are_never_stored(people, client_for, db):
    worker = client_for(people["worker"])
    make_log(people["worker"])
    record.contribute(owner=people["worker"], source="test", source_key="1", kind="course", title="Course",
                      occurred_on="2025-01-01", hours=1)
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    for url in [
        reverse("learning:record"),
        reverse("learning:record-export", args=["csv"]),
        reverse("learning:record-export", args=["json"]),
        reverse("learning:record-export", args=["pdf"]),
        reverse("supervision:session-ics", args=[session.pk]),
        reverse("supervision:session-detail", args=[session.pk]),
    ]:
        response = worker.get(url)
        assert response.status_code == 200, url
        assert_not_stored(response)


def test_the_public_directory_api_keeps_its_own_caching(client, settings, db):
    settings.ORUK_API_PUBLIC = True
    response = client.get("/api/oruk/services")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "no-store" not in response["Cache-Control"]


@pytest.mark.django_db
def test_the_directory_api_signed_in_only_is_private(client, settings, people, client_for):
    settings.ORUK_API_PUBLIC = False
    response = client_for(people["worker"]).get("/api/oruk/services")
    assert response.status_code == 200
    assert_not_stored(response)


# Templates served to browsers. The PDF templates are rendered by WeasyPrint, never served, so their
# inline <style> is fine.
INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)


def served_templates():
    root = Path(settings.REPO_ROOT)
    for path in root.glob("**/templates/**/*.html"):
        if ".venv" in path.parts or "node_modules" in path.parts or path.name.endswith("_pdf.html"):
            continue
        yield path


def test_no_inline_script_style_or_event_handler_in_our_templates():
    found = [f"{path.relative_to(settings.REPO_ROOT)}: {match.group().strip()}"
             for path in served_templates() for match in INLINE.finditer(path.read_text())]
    assert list(served_templates())
    assert not found, "Inline code the Content-Security-Policy would block:\n" + "\n".join(found)
