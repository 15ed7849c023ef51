"""Done means (pen pictures): a worker writes their pen picture, saves a second version, picks the first
as current, prints it and downloads the PDF (whose text is the chosen version), and opens the
conversation guide in large print, with its link to record what they learnt."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from learning.tests.factories import load_content


def ensure_shipped_content():
    """Browser tests run on a flushed database: put back what the migrations ship."""
    import importlib

    from django.apps import apps

    load_content()
    for module in ("penpictures.migrations.0002_conversation_prompts",
                   "learning.migrations.0009_pen_picture_conversation_template"):
        importlib.import_module(module).add(apps, None)


@pytest.mark.e2e
def test_pen_picture_journey(page, axe, sign_in, people, site_pages):
    ensure_shipped_content()
    worker = people["worker"]
    sign_in(page, worker.email)
    page.goto("/")
    page.get_by_role("link", name="Write my pen picture").click()
    page.wait_for_url("**/pen-picture/edit/")
    axe(page)
    page.get_by_label("Who I am").fill(f"I am {worker.first_name}, your named social worker.")
    page.get_by_label("What I do").fill("I help you plan the support you want.")
    page.get_by_label("What I enjoy (optional)").fill("Baking bread on Sundays.")
    page.get_by_label("How to reach me").fill("Phone the team on 01632 960000.")
    page.get_by_role("button", name="Save my pen picture").click()
    page.wait_for_url("**/pen-picture/")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("version 1")
    axe(page)

    page.get_by_role("link", name="Change my pen picture").click()
    page.get_by_label("What I enjoy (optional)").fill("Football on Saturdays.")
    page.get_by_role("button", name="Save my pen picture").click()
    page.wait_for_url("**/pen-picture/")
    expect(page.locator("main")).to_contain_text("Football on Saturdays.")
    page.get_by_role("button", name="Make version 1 current").click()
    page.wait_for_url("**/pen-picture/")
    expect(page.locator("main")).to_contain_text("Your current pen picture (version 1)")
    expect(page.locator("main .govuk-inset-text")).to_contain_text("Baking bread on Sundays.")
    axe(page)

    page.get_by_role("link", name="Print", exact=True).click()
    page.wait_for_url("**/pen-picture/print/")
    expect(page.locator(".pc-pen")).to_contain_text("Baking bread on Sundays.")
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()
    axe(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as PDF").click()
    download = download_info.value
    assert download.suggested_filename == "my-pen-picture.pdf"
    with open(download.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Baking bread on Sundays." in text and "Football" not in text
    assert reader.metadata.title == "About me"

    page.goto("/pen-picture/")
    page.get_by_role("link", name="Conversation guide for the person's own pen picture").click()
    page.get_by_role("link", name="Large print").click()
    page.wait_for_url("**/conversation-guide/?large=1")
    expect(page.locator(".pc-pen--large")).to_contain_text("What a good day looks like")
    expect(page.get_by_role("link", name="Record what you learnt")).to_have_attribute(
        "href", "/learning/logs/new/pen-picture-conversation/")
    axe(page)
