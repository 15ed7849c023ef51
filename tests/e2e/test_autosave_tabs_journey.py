"""Autosave where the person is typing: a new log is stored by its first autosave (no abandoned
drafts), the save state sits in the bar under the form, and two tabs editing the same log never
overwrite each other silently: the second is asked, and no text is lost in either tab."""

import pytest
from playwright.sync_api import expect

from learning.models import ReflectiveLog
from learning.tests.factories import load_content


@pytest.mark.e2e
def test_two_tabs_editing_one_log(page, axe, sign_in, people):
    load_content()
    worker = people["worker"]
    sign_in(page, worker.email)

    # Choosing a model and leaving stores nothing.
    page.goto("/learning/logs/new/")
    page.get_by_label("Gibbs' reflective cycle").check()
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/logs/new/gibbs-reflective-cycle/")
    axe(page)
    assert not ReflectiveLog.objects.filter(owner=worker).exists()

    page.get_by_label("Title").fill("Two tabs")
    status = page.locator("#autosave-status")
    expect(status).to_contain_text("Draft saved at", timeout=15000)
    page.wait_for_url("**/logs/*/edit/")
    assert ReflectiveLog.objects.filter(owner=worker).count() == 1
    log_url = page.url

    other = page.context.new_page()
    other.goto(log_url)
    expect(other.get_by_label("Title")).to_have_value("Two tabs")

    # Tab one saves first; tab two, still on the older version, is asked.
    page.get_by_label("Description", exact=True).fill("Written in tab one.")
    expect(status).to_contain_text("Draft saved at", timeout=15000)
    other.get_by_label("Description", exact=True).fill("Written in tab two.")
    other_status = other.locator("#autosave-status")
    expect(other_status).to_contain_text("NOT saved", timeout=15000)
    conflict = other.locator("#autosave-conflict")
    expect(conflict).to_be_visible()
    axe(other)
    assert ReflectiveLog.objects.get(owner=worker).answers["description"] == "Written in tab one."

    # "Load the other": tab two shows tab one's text and keeps its own to put back.
    other.get_by_role("button", name="Load the other version (your text stays on this device)").click()
    expect(other.get_by_label("Description", exact=True)).to_have_value("Written in tab one.")
    expect(other.locator("#autosave-set-aside")).to_be_visible()
    other.get_by_role("button", name="Put my text back").click()
    expect(other.get_by_label("Description", exact=True)).to_have_value("Written in tab two.")
    expect(other_status).to_contain_text("Draft saved at", timeout=15000)
    assert ReflectiveLog.objects.get(owner=worker).answers["description"] == "Written in tab two."

    # Tab one, now behind, is asked in turn; "Keep my text" saves its text over the other.
    page.get_by_label("Description", exact=True).fill("Tab one again.")
    expect(status).to_contain_text("NOT saved", timeout=15000)
    page.get_by_role("button", name="Keep my text (save it over the other)").click()
    expect(status).to_contain_text("Draft saved at", timeout=15000)
    assert ReflectiveLog.objects.get(owner=worker).answers["description"] == "Tab one again."
