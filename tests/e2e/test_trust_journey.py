"""Done means (trust): a worker writes and completes a log with a name and an NHS number, is warned beside
the field, edits them out, removes them from earlier versions, and the revisions no longer show them; the
supervisor sees the log's title on the record but not its text until it is shared; the worker downloads
all their data."""

import io
import json
import zipfile

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from learning.tests.factories import load_content

NAME, NHS = "Mary Jones", "943 476 5919"
PRIVATE = "wants to go home before the winter"


@pytest.mark.e2e
def test_trust_journey(page, axe, sign_in, people):
    load_content()
    worker, supervisor = people["worker"], people["supervisor"]
    sign_in(page, worker.email)
    page.goto("/learning/logs/new/")
    page.get_by_label("Gibbs' reflective cycle").check()
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/logs/new/gibbs-reflective-cycle/")
    page.get_by_label("Title").fill("Hospital discharge planning")
    page.get_by_label("Date of the practice or learning event").fill(timezone.localdate().isoformat())
    page.get_by_role("radio", name="Direct work").check()
    for heading in ["Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"]:
        page.get_by_label(heading, exact=True).fill(f"My {heading.lower()} of the visit.")
    description = page.get_by_label("Description", exact=True)
    description.fill(f"{NAME}, NHS number {NHS}, {PRIVATE}.")
    # The draft with the identifiers reaches the server (an earlier version now holds them).
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved at", timeout=15000)

    page.get_by_role("button", name="Save as complete").click()
    group = page.locator(".govuk-form-group", has=page.get_by_label("Description", exact=True))
    expect(group.locator(".govuk-warning-text")).to_be_visible()
    expect(group.locator(".govuk-warning-text")).to_contain_text("NHS number")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Description")
    axe(page)

    page.get_by_label("Description", exact=True).fill(f"M.J. {PRIVATE}.")
    page.get_by_role("button", name="I have edited it: check again").click()
    page.wait_for_url("**/logs/*/")
    log_url = page.url
    banner = page.locator(".govuk-notification-banner", has_text="Earlier versions")
    expect(banner).to_contain_text("NHS number ending")
    axe(page)
    banner.get_by_role("button", name="Remove these from earlier versions").click()
    page.wait_for_url(log_url)
    expect(page.locator(".govuk-notification-banner", has_text="Removed")).to_be_visible()

    page.goto(log_url + "revisions/")
    axe(page)
    links = page.locator("main a[href*='/revisions/']")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs, "the revisions page lists earlier versions"
    for href in [page.url, *hrefs]:
        page.goto(href)
        html = page.content()
        assert NAME not in html and "5919" not in html, href

    # The supervisor sees that the log exists, not what it says.
    page.context.clear_cookies()
    sign_in(page, supervisor.email)
    page.goto(f"/learning/record/people/{worker.pk}/")
    axe(page)
    expect(page.locator("main")).to_contain_text("Hospital discharge planning")
    assert PRIVATE not in page.content()
    assert page.goto(log_url).status == 404

    # Shared, it opens.
    page.context.clear_cookies()
    sign_in(page, worker.email)
    page.goto(log_url + "share/")
    page.get_by_label("All my current supervisors").check()
    page.get_by_role("button", name="Save sharing").click()
    page.wait_for_url(log_url)
    page.context.clear_cookies()
    sign_in(page, supervisor.email)
    page.goto(log_url)
    expect(page.locator("main")).to_contain_text(PRIVATE)

    # The worker downloads everything they own.
    page.context.clear_cookies()
    sign_in(page, worker.email)
    page.goto("/my-data/")
    axe(page)
    page.get_by_role("button", name="Download my data").click()  # prepared by the worker (at once in tests)
    expect(page.get_by_role("heading", name="Your file is ready")).to_be_visible()
    axe(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download practice-commons-my-data").click()
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))
    names = archive.namelist()
    assert any(n.endswith(".pdf") for n in names)
    data = json.loads(archive.read(next(n for n in names if n.endswith(".json"))))
    assert "Hospital discharge planning" in json.dumps(data)
    assert NAME not in json.dumps(data)
