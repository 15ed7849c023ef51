"""Done means (issue 13, e-portfolio): a worker attaches a certificate to a log, tags it, exports the
year's CSV in Social Work England's order and copies a record field by field; a supervisor adds a
second comment to a self-assessment and sees both."""

import csv
import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from learning import exports, services
from learning.models import Framework, FrameworkStatement
from learning.tests.factories import load_content, make_log

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.mark.e2e
def test_portfolio_journey(page, axe, sign_in, people, tmp_path):
    load_content()
    worker, supervisor = people["worker"], people["supervisor"]
    log = make_log(worker, title="Court skills day", occurred_on=timezone.localdate())
    framework = Framework.objects.filter(is_active=True).first()
    statement = FrameworkStatement.objects.filter(domain__framework=framework).first()
    assessment = services.record_assessment(worker, framework, ratings={statement: 2})
    certificate = tmp_path / "certificate.pdf"
    certificate.write_bytes(PDF)

    sign_in(page, worker.email)
    page.goto(f"/learning/logs/{log.pk}/")
    page.get_by_role("link", name="Add a certificate, notes or slides").click()
    axe(page)
    page.get_by_label("Upload a file").set_input_files(str(certificate))
    page.get_by_role("button", name="Upload", exact=True).click()
    page.wait_for_url(f"**/learning/logs/{log.pk}/")
    expect(page.locator("#evidence-files")).to_contain_text("certificate.pdf")
    axe(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="certificate.pdf").click()
    assert open(download.value.path(), "rb").read() == PDF

    page.goto(f"/learning/logs/{log.pk}/edit/")
    page.get_by_label("Tags").fill("court, mental capacity")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(f"**/learning/logs/{log.pk}/")
    page.get_by_role("link", name="court", exact=True).click()
    expect(page.locator("main table")).to_contain_text("Court skills day")
    axe(page)

    page.goto("/learning/record/")
    axe(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    assert rows[0][:8] == [heading for _key, heading in exports.SWE_FORM]
    assert "Court skills day" in [row[0] for row in rows[1:]]

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    entry = page.locator("#record-entries li", has_text="Court skills day")
    entry.get_by_text("Copy into Social Work England's form").click()
    for heading, expected in [("Title", "Court skills day"), ("What you learnt", "Answer to")]:
        button = entry.get_by_role("button", name=f"Copy {heading}", exact=True)
        button.click()
        expect(button.locator("xpath=..").locator(".app-copy-status")).to_have_text("Copied")
        assert expected in page.evaluate("navigator.clipboard.readText()")
    axe(page)

    page.context.clear_cookies()
    sign_in(page, supervisor.email)
    page.goto(f"/learning/assessments/{assessment.pk}/")
    for text in ["Good start: bring a case on capacity.", "Much more confident this month."]:
        page.get_by_label("Add a comment").fill(text)
        page.get_by_role("button", name="Add comment").click()
        page.wait_for_url(f"**/learning/assessments/{assessment.pk}/")
    comments = page.locator("#assessment-comments li")
    expect(comments).to_have_count(2)
    expect(comments.nth(0)).to_contain_text("Much more confident this month.")
    expect(comments.nth(1)).to_contain_text("Good start: bring a case on capacity.")
    expect(comments.nth(0)).to_contain_text(supervisor.get_full_name())
    axe(page)
