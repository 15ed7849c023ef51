import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from supervision import services
from supervision.ics import session_calendar

from .factories import ActionFactory, SessionFactory, template

pytestmark = pytest.mark.django_db


def test_ics_content(people):
    london = ZoneInfo("Europe/London")
    starts = datetime.datetime(2026, 7, 1, 14, 0, tzinfo=london)  # BST: 13:00 UTC
    s = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]], starts_at=starts, length_minutes=90, place="Room 2")
    cal = Calendar.from_ical(session_calendar(s))
    assert cal["METHOD"] == "REQUEST"
    event = cal.walk("VEVENT")[0]
    assert str(event["UID"]) == s.ical_uid
    assert event.decoded("DTSTART") == datetime.datetime(2026, 7, 1, 13, 0, tzinfo=datetime.UTC)
    assert event.decoded("DTEND") == datetime.datetime(2026, 7, 1, 14, 30, tzinfo=datetime.UTC)
    raw = session_calendar(s).decode()
    assert "DTSTART:20260701T130000Z" in raw
    assert str(event["ORGANIZER"]) == f"mailto:{people['supervisor'].email}"
    attendees = event["ATTENDEE"]
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(a) for a in attendees] == [f"mailto:{people['worker'].email}"]
    # Rescheduling keeps the UID and raises the sequence.
    uid = s.ical_uid
    services.reschedule_session(s, starts_at=starts + datetime.timedelta(days=1), length_minutes=60, place="")
    again = Calendar.from_ical(session_calendar(s)).walk("VEVENT")[0]
    assert str(again["UID"]) == uid and int(again["SEQUENCE"]) == 1


def test_invitation_email_has_ics(people, client_for, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        r = client_for(people["supervisor"]).post(reverse("supervision:session-create"), {
            "supervisees": [people["worker"].pk], "template": template().pk, "date": (timezone.localdate() + datetime.timedelta(days=60)).isoformat(),
            "time": "09:30", "length_minutes": 60, "place": "",
        })
    assert r.status_code == 302
    message = mailoutbox[0]
    assert set(message.to) == {people["supervisor"].email, people["worker"].email}
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    assert b"METHOD:REQUEST" in (content if isinstance(content, bytes) else content.encode())


def test_reminders_for_sign_off_and_actions_due(people, mailoutbox, fake_record):
    s = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    services.send_for_sign_off(s, people["supervisor"])
    ActionFactory(session=s, owner=people["worker"], due_on=timezone.localdate() + datetime.timedelta(days=2), description="Due soon")
    ActionFactory(session=s, owner=people["worker"], due_on=timezone.localdate() + datetime.timedelta(days=30), description="Later")
    call_command("send_supervision_reminders")  # the old name still works: it sends every due reminder
    subjects = sorted(m.subject for m in mailoutbox)
    assert len(mailoutbox) == 3  # worker and supervisor to sign, one action due
    assert any("action due" in subj for subj in subjects)
    mailoutbox.clear()
    call_command("send_reminders")
    assert mailoutbox == []  # nothing is repeated (sign-off nudges come again next week)
