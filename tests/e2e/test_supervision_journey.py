"""The supervision journey from the issue, in a real browser, checked with axe on every page."""

import datetime

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def switch_user(page, sign_in, email):
    from core.demo import DEMO_PASSWORD

    page.context.clear_cookies()
    sign_in(page, email, DEMO_PASSWORD)


def test_supervision_journey(page, axe, sign_in):
    from core.demo import seed_people
    from people.models import SecuritySettings
    from supervision import demo
    from supervision.models import AccessLogEntry, SupervisionSession

    seed_people()
    demo.seed(lambda *a: None)
    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.save()

    # The supervisor proposes an agreement with Sam and accepts it.
    switch_user(page, sign_in, "supervisor1@example.org")
    page.goto("/supervision/")
    axe(page)
    page.get_by_role("link", name="Set up an agreement").click()
    axe(page)
    page.get_by_label("Supervisee").select_option(label="Sam Taylor")
    page.get_by_label("How often").fill("4")
    page.get_by_label("weeks").check()
    page.get_by_label("Where").fill("Meeting room 3")
    page.get_by_label("How notes are kept and shared").fill("Written up in Practice Commons and signed by both of us.")
    page.get_by_label("Starts on").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Save agreement").click()
    axe(page)
    page.get_by_role("button", name="Accept this agreement").click()
    agreement_url = page.url
    assert "Waiting for acceptance" in page.content()

    # Sam accepts it too.
    switch_user(page, sign_in, "worker1@example.org")
    page.goto(agreement_url)
    page.get_by_role("button", name="Accept this agreement").click()
    axe(page)
    assert "Accepted by both" in page.content()

    # The supervisor schedules a session from the 4x4x4 template and adds an agenda item.
    switch_user(page, sign_in, "supervisor1@example.org")
    page.goto("/supervision/sessions/new/")
    axe(page)
    page.get_by_label("Sam Taylor").check()
    page.get_by_label("Reflective supervision (4x4x4)").check()
    day = timezone.localdate() - datetime.timedelta(days=1)
    page.get_by_label("Date", exact=True).fill(day.isoformat())
    page.get_by_label("Start time").fill("10:00")
    page.get_by_role("button", name="Schedule session").click()
    axe(page)
    session_url = page.url
    page.get_by_label("Add an item to the agenda").fill("Team changes and cover")
    page.get_by_role("button", name="Add to agenda").click()

    # Sam adds an item of their own.
    switch_user(page, sign_in, "worker1@example.org")
    page.goto(session_url)
    axe(page)
    page.get_by_label("Add an item to the agenda").fill("Support with a complex safeguarding case")
    page.get_by_role("button", name="Add to agenda").click()
    assert "Team changes and cover" in page.content()

    # The supervisor writes notes and an action, sends it for sign-off and signs.
    switch_user(page, sign_in, "supervisor1@example.org")
    page.goto(session_url)
    page.get_by_role("link", name="Write or change the notes").click()
    axe(page)
    page.get_by_label("How are you, really?").fill("Tired after a busy month but coping.")
    page.get_by_role("button", name="Save notes").click()
    axe(page)
    page.get_by_label("Action", exact=True).fill("Book the mental capacity refresher course")
    page.get_by_label("Who will do it").select_option(label="Sam Taylor")
    page.get_by_role("button", name="Add action").click()
    page.get_by_role("button", name="Send for sign-off").click()
    page.get_by_role("button", name="Sign the record").click()
    axe(page)

    # Sam signs; the record locks.
    switch_user(page, sign_in, "worker1@example.org")
    page.goto(session_url)
    page.get_by_role("button", name="Sign the record").click()
    axe(page)
    assert "the record is now locked" in page.content()
    assert page.get_by_role("link", name="Write or change the notes").count() == 0

    # The open action appears on the next session's agenda.
    switch_user(page, sign_in, "supervisor1@example.org")
    page.goto("/supervision/sessions/new/")
    page.get_by_label("Sam Taylor").check()
    page.get_by_label("Reflective supervision (4x4x4)").check()
    page.get_by_label("Date", exact=True).fill((timezone.localdate() + datetime.timedelta(days=27)).isoformat())
    page.get_by_label("Start time").fill("10:00")
    page.get_by_role("button", name="Schedule session").click()
    axe(page)
    agenda = page.locator("#agenda ~ .app-table-wrapper table").first
    assert "Book the mental capacity refresher course" in agenda.inner_text()

    # The practice lead records a peer session three workers attended.
    switch_user(page, sign_in, "lead@example.org")
    page.goto("/supervision/peer-groups/")
    axe(page)
    page.get_by_role("link", name="Social work peer learning group").click()
    axe(page)
    page.get_by_role("link", name="Record a session").click()
    axe(page)
    for name in ["Sam Taylor", "Aisha Begum", "Owen Jones"]:
        page.get_by_label(name).check()
    page.get_by_label("Guests from other services").fill("Community nurse, NHS learning disability team")
    page.get_by_label("Cases discussed").fill("CLD-2041")
    page.get_by_label("Learning points").fill("Involve the person earlier in risk planning.")
    page.get_by_role("button", name="Record session").click()
    axe(page)
    assert "development record of the 3 members" in page.content()

    for email in ["worker1@example.org", "worker2@example.org", "worker3@example.org"]:
        switch_user(page, sign_in, email)
        page.goto("/learning/record/")
        axe(page)
        assert page.get_by_text("Case consultation: Social work peer learning group").count() >= 1

    # Someone outside is refused, and the administrator sees who read what.
    switch_user(page, sign_in, "worker4@example.org")
    response = page.goto(session_url)
    assert response.status == 404
    axe(page)
    session = SupervisionSession.objects.order_by("starts_at").first()
    assert not AccessLogEntry.objects.filter(user_email="worker4@example.org").exists()

    switch_user(page, sign_in, "admin@example.org")
    page.goto("/admin/supervision/access-log/")
    text = page.content()
    assert "worker1@example.org" in text and "supervisor1@example.org" in text
    assert str(session) in text or "session-detail" in text
