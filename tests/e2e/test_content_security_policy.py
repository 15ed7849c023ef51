"""In a real browser, the strict Content-Security-Policy blocks nothing our pages use (every script
and style is a file), and Wagtail's admin works under its own relaxed policy."""

import pytest

from learning.tests.factories import make_log
from people.models import Role, SecuritySettings
from people.tests.factories import make_person

pytestmark = pytest.mark.e2e


def test_no_page_is_refused_anything_by_the_policy(page, sign_in):
    security = SecuritySettings.load()
    security.require_mfa_for_practice_leads = False
    security.save()
    worker = make_person(Role.WORKER, email="csp.worker@example.org")
    lead = make_person(Role.PRACTICE_LEAD, team=worker.memberships.first().team, email="csp.lead@example.org")
    log = make_log(worker, complete=False)
    refused = []
    page.on("console", lambda message: refused.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text else None)

    sign_in(page, worker.email)
    for url in ["/", "/learning/logs/", f"/learning/logs/{log.pk}/edit/", "/learning/record/",
                "/directory/?q=respite", "/supervision/", "/my-data/"]:
        response = page.goto(url)
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"], url
    # The GOV.UK scripts ran (they mark the page once initialised).
    assert "govuk-frontend-supported" in page.evaluate("document.body.className")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()

    sign_in(page, lead.email)
    for url in ["/supervision/team-numbers/", "/admin/"]:
        assert page.goto(url).status == 200, url
    assert not refused, "\n".join(refused)
