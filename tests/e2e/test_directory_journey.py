"""The directory journey from the issue, in a real browser, with axe on every page: import a
directory file, search for respite for a 17-year-old near Redditch, misspell a word and still
find it, build a shortlist for someone and print it without their name."""

import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_DATA = Path(__file__).resolve().parents[2] / "search" / "demo_data"
# Enough of the demo directory to search in: every short-break, respite and advocacy service
# plus a handful of others, so the test imports in seconds.
KEEP = re.compile(r"short break|respite|advocacy|sitting|carer", re.IGNORECASE)


def directory_file(tmp_path):
    services = json.loads((DEMO_DATA / "directory.json").read_text(encoding="utf-8"))
    chosen = [s for s in services if KEEP.search(s["name"] + " " + s["description"])][:60]
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(chosen), encoding="utf-8")
    return path, len(chosen)


def test_directory_journey(page, axe, sign_in, tmp_path):
    from core.demo import DEMO_PASSWORD, seed_people
    from search.models import Shortlist

    seed_people()
    # An editor imports the county's directory file and the postcodes it uses.
    path, count = directory_file(tmp_path)
    call_command("import_postcodes", str(DEMO_DATA / "postcodes.csv"), verbosity=0)
    call_command("import_oruk", str(path), verbosity=0)

    sign_in(page, "worker1@example.org", DEMO_PASSWORD)
    page.goto("/directory/")
    axe(page)

    # Respite for a 17-year-old near Redditch: sensible results, with distances.
    # (The search form is search.engine's; its fields are found by their Django ids.)
    page.locator("#id_q").fill("respite for a 17 year old")
    page.locator("#id_postcode").fill("B97 4DN")
    page.locator("#id_radius").select_option("5")
    page.locator("#search-form").get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    axe(page)
    results = page.locator(".pc-result")
    assert results.count() >= 2
    text = page.locator(".pc-results").inner_text()
    assert "Needlewood House overnight short breaks" in text
    assert "Oakenshaw adult respite bungalow" not in text  # 18 and over only
    assert re.search(r"\d+(\.\d+)? miles?", text)

    # A misspelling still finds respite services.
    page.goto("/directory/?q=respit&postcode=B97+4DN")
    axe(page)
    assert "short breaks" in page.locator(".pc-results").inner_text().lower()

    # Build a shortlist: one service from the results, one from its own page.
    page.goto("/directory/?q=respite&postcode=B97+4DN&age=17&radius=5")
    first = page.locator(".pc-result").first
    first_name = first.locator("h3").inner_text()
    first.get_by_role("button", name=re.compile("^Add to shortlist")).click()
    page.wait_for_load_state()
    axe(page)
    assert "is on your shortlist" in page.content()

    page.locator(".pc-result").nth(1).locator("h3 a").click()
    page.wait_for_load_state()
    axe(page)
    second_name = page.locator("h1").inner_text()
    assert "Who it is for" in page.content() and "Last reviewed" in page.content()
    page.get_by_role("button", name=re.compile("^Add to shortlist")).click()
    page.wait_for_load_state()
    assert page.get_by_text("On your shortlist").count() >= 1

    # Say who it is for (initials only), add a note to hand over, then print.
    page.goto("/directory/shortlist/")
    page.wait_for_load_state()
    axe(page)
    assert first_name in page.content() and second_name in page.content()
    page.get_by_label("Who is this shortlist for? (optional)").fill("Mary Jones")
    page.get_by_role("button", name="Save", exact=True).click()
    axe(page)
    assert "not a name" in page.content()
    page.get_by_label("Who is this shortlist for? (optional)").fill("MJ")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()
    page.get_by_label("Note to print with this service (optional)").first.fill("Ask for the tea visit first.")
    page.get_by_role("button", name=re.compile("^Save note")).first.click()
    page.wait_for_load_state()
    axe(page)

    page.get_by_role("link", name="Print in large print").click()
    page.wait_for_load_state()
    axe(page)
    handout = page.locator(".pc-handout").inner_text()
    assert first_name in handout and second_name in handout and "Ask for the tea visit first." in handout
    assert "MJ" not in handout
    page.emulate_media(media="print")
    assert page.locator(".govuk-service-navigation").is_hidden()
    assert Shortlist.objects.get(owner__email="worker1@example.org").items.count() == 2
    assert count >= 10


def test_team_notes_and_the_review_list_journey(page, axe, sign_in):
    """A worker leaves a team note and reports a listing; the practice lead works through the review list."""
    from core.demo import DEMO_PASSWORD, seed_people
    from search.models import OutOfDateReport
    from search.tests.factories import ServiceFactory, add_location

    seed_people()
    service = ServiceFactory(name="Redditch dial-a-ride", description="Door-to-door minibus for people who cannot use buses.")
    add_location(service, name="Town Hall depot")

    sign_in(page, "worker2@example.org", DEMO_PASSWORD)
    page.goto(f"/directory/services/{service.pk}/")
    axe(page)
    page.get_by_label("Add a team note").fill("Book two days ahead; drivers will help with shopping bags.")
    page.get_by_role("button", name="Add note").click()
    page.wait_for_load_state()
    axe(page)
    assert "Book two days ahead" in page.locator("#team-notes ~ .pc-note").first.inner_text()

    page.get_by_role("link", name="Report that this listing is wrong or out of date").click()
    axe(page)
    page.get_by_role("button", name="Send report").click()
    axe(page)  # the error summary and message
    assert "Tell us what is wrong or out of date" in page.content()
    page.get_by_label("What is wrong or out of date?").fill("Saturday trips have stopped.")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_load_state()
    assert "1 report waiting" in page.content()

    page.context.clear_cookies()
    sign_in(page, "lead@example.org", DEMO_PASSWORD)
    page.goto("/directory/review/")
    axe(page)
    assert "Saturday trips have stopped." in page.content()
    page.get_by_label("What did you do? (optional)").fill("Removed the Saturday times.")
    page.get_by_role("button", name="Mark resolved").click()
    page.wait_for_load_state()
    axe(page)
    assert "No open reports." in page.content()
    assert OutOfDateReport.objects.get().resolved_by.email == "lead@example.org"
