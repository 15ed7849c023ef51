"""The risk enablement panel journey from issue 11, in a real browser, checked with axe on every page.

A worker raises a request (it saves itself as they type), their supervisor agrees, the chair puts it
on a meeting's agenda, the panel decides with conditions and a review date, the worker sees the
decision and the entry on their development record, the review is recorded, and someone outside the
panel is refused.
"""

import datetime

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

REFERENCE = "CLD-4410"


def switch_user(page, sign_in, email):
    from core.demo import DEMO_PASSWORD

    page.context.clear_cookies()
    sign_in(page, email, DEMO_PASSWORD)


def test_panels_journey(page, axe, sign_in):
    from core.demo import seed_people
    from panels import demo
    from panels.models import AccessLogEntry, PanelRequest
    from people.models import SecuritySettings

    seed_people()
    demo.seed(lambda *a: None)
    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.require_mfa_for_practice_leads = False
    security.save()

    # Sam raises a request from the site's navigation; the draft saves itself as they type.
    switch_user(page, sign_in, "worker1@example.org")
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():  # at phone width the service navigation folds into a menu
        menu.click()
    page.get_by_role("link", name="Risk enablement").click()
    axe(page)
    page.get_by_role("link", name="Raise a request").first.click()
    axe(page)
    page.get_by_label("Mental Capacity Act team risk enablement panel").check()
    page.get_by_label("Initials or case reference of the person").fill(REFERENCE)
    page.get_by_role("button", name="Start the request").click()
    axe(page)
    page.get_by_label("What the person wants").fill("To live with a friend rather than in a group home.")
    page.get_by_label("The option proposed").fill("A shared tenancy with floating support twice a week.")
    page.get_by_label("Benefits to the person").fill("A home of their choosing and a friendship that matters.")
    page.get_by_label("Risks to the person").fill("Less support at night; money being misused.")
    page.get_by_label("The person's own view").fill("Says this is what they have wanted for years.")
    page.get_by_text("Draft saved at").wait_for()
    axe(page)
    request_ = PanelRequest.objects.get(case_reference=REFERENCE)
    assert request_.persons_view == "Says this is what they have wanted for years."
    page.get_by_role("button", name="Save draft").click()
    axe(page)
    assert "Your supervisor needs to open this request and agree" in page.content()
    request_url = page.url

    # Tom, Sam's supervisor, agrees on the site.
    switch_user(page, sign_in, "supervisor1@example.org")
    page.goto(request_url)
    axe(page)
    page.get_by_role("button", name="I agree to this request going to the panel").click()
    axe(page)

    # Sam sends it to the panel.
    switch_user(page, sign_in, "worker1@example.org")
    page.goto(request_url)
    page.get_by_role("button", name="Send to the panel").click()
    axe(page)
    assert "Waiting to be scheduled" in page.content()

    # Grace, the chair, sees it waiting on her dashboard and puts it on the next meeting's agenda.
    switch_user(page, sign_in, "supervisor2@example.org")
    page.goto("/")
    axe(page)
    assert REFERENCE in page.content()
    page.get_by_role("link", name="Mental Capacity Act team risk enablement panel").first.click()
    axe(page)
    page.get_by_role("link", name=(timezone.localdate() + datetime.timedelta(days=7)).strftime("%-d %B %Y")).click()
    axe(page)
    page.get_by_role("button", name=f"Add to the agenda ({REFERENCE})").click()
    axe(page)
    meeting_url = page.url

    # The meeting: attendance, then the panel's shared decision with conditions, an action and a review date.
    page.get_by_role("link", name="Record attendance").click()
    axe(page)
    page.get_by_label("Grace Mensah").check()
    page.get_by_label("Chloe Evans").check()
    page.get_by_label("Others who attended").fill("The person\nAdvocate, Local advocacy service")
    page.get_by_role("button", name="Save attendance").click()
    axe(page)
    page.get_by_role("link", name=f"Record the decision for {REFERENCE}").click()
    axe(page)
    page.get_by_role("button", name="Record the decision").click()
    axe(page)  # the error summary and the messages beside the fields
    assert "Choose the panel" in page.content()
    page.get_by_label("Agreed with conditions").check()
    page.get_by_label("Rationale").fill("The person's wishes are clear and the risks can be managed with support.")
    page.get_by_label("Conditions (optional)", exact=True).fill("A money management plan is in place before the move.")
    page.get_by_label("Tom Reilly").check()
    review_on = timezone.localdate() + datetime.timedelta(days=90)
    page.get_by_label("Review date").fill(review_on.isoformat())
    page.get_by_label("Action (optional)", exact=True).fill("Set up the money management plan")
    page.get_by_label("Who will do it").select_option(label="Sam Taylor")
    page.get_by_role("button", name="Record the decision").click()
    axe(page)
    page.get_by_role("button", name="Sign off the record").click()
    axe(page)
    assert "record is locked" in page.content()

    # Sam sees the decision, and the meeting on their development record.
    switch_user(page, sign_in, "worker1@example.org")
    page.goto(request_url)
    axe(page)
    content = page.content()
    assert "Agreed with conditions" in content and "A money management plan is in place" in content
    assert review_on.strftime("%-d %B %Y") in content
    page.goto("/learning/record/")
    axe(page)
    assert "Risk enablement panel: Mental Capacity Act team risk enablement panel" in page.content()

    # At the review, Sam records what happened.
    page.goto(request_url)
    page.get_by_role("link", name="Record the review").click()
    axe(page)
    page.get_by_label("What happened for the person").fill("Moved in; the plan works and they pay their own bills.")
    page.get_by_label("Yes").check()
    page.get_by_label("What was learnt").fill("Agreeing the money plan first made the move safe.")
    page.get_by_role("button", name="Record the review").click()
    axe(page)
    assert "Moved in; the plan works" in page.content() and "Reviewed" in page.content()

    # Someone outside the panel is refused; the practice lead sees counts, not what was written.
    switch_user(page, sign_in, "worker4@example.org")
    response = page.goto(request_url)
    assert response.status == 403
    axe(page)
    assert "money management" not in page.content()
    response = page.goto(meeting_url)
    assert response.status == 403
    switch_user(page, sign_in, "lead@example.org")
    page.goto("/panels/")
    page.get_by_role("link", name="Mental Capacity Act team risk enablement panel").click()
    axe(page)
    assert "Decisions by outcome" in page.content() and REFERENCE not in page.content()
    assert AccessLogEntry.objects.filter(object_kind="panelrequest", user_email="supervisor1@example.org").exists()
