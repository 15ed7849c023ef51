"""Supervision's reminders: each kind reaches the right people once, with no words of the record."""

import datetime

import pytest
from django.utils import timezone

from core import reminders
from supervision import services

from .factories import ActionFactory, AgreementFactory, SessionFactory

pytestmark = pytest.mark.django_db

SECRET = "PLANTED-action-words Mrs Jones at 12 Acacia Road"


def sent_to(mailoutbox):
    return sorted((m.to[0], m.subject) for m in mailoutbox)


def test_a_session_tomorrow_reminds_everyone_in_it_once(people, mailoutbox):
    today = timezone.localdate()
    tomorrow_10 = timezone.make_aware(datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(10, 0)))
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]], starts_at=tomorrow_10, place=SECRET)
    SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]], starts_at=tomorrow_10 + datetime.timedelta(days=2))
    reminders.send_due(today)
    assert sent_to(mailoutbox) == [
        (people["supervisor"].email, "Supervision tomorrow at 10:00"),
        (people["worker"].email, "Supervision tomorrow at 10:00"),
    ]
    assert session.get_absolute_url() in mailoutbox[0].body
    reminders.send_due(today)
    assert len(mailoutbox) == 2
    # Moved to another time tomorrow: a fresh reminder with the new time.
    services.reschedule_session(session, starts_at=tomorrow_10 + datetime.timedelta(hours=4), length_minutes=60, place="")
    reminders.send_due(today)
    assert len(mailoutbox) == 4 and mailoutbox[-1].subject == "Supervision tomorrow at 14:00"


def test_no_words_of_the_record_in_any_email(people, mailoutbox, fake_record):
    today = timezone.localdate()
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]], place=SECRET,
                             starts_at=timezone.now() - datetime.timedelta(days=40))
    ActionFactory(session=session, owner=people["worker"], due_on=today - datetime.timedelta(days=1), description=SECRET[:200])
    ActionFactory(session=session, owner=people["worker"], due_on=today + datetime.timedelta(days=1), description=SECRET[:200])
    services.send_for_sign_off(session, people["supervisor"])
    AgreementFactory(supervisor=people["supervisor"], supervisee=people["worker"], notes_arrangements=SECRET, place=SECRET)
    sent = reminders.send_due(today)
    assert {r.kind for r in sent} == {"action_due", "sign_off_waiting", "agreement_to_accept", "supervision_overdue"}
    for message in mailoutbox:
        assert "PLANTED" not in message.subject + message.body and "Acacia" not in message.body


def test_agreement_waits_for_whoever_has_not_accepted(people, mailoutbox):
    agreement = AgreementFactory(supervisor=people["supervisor"], supervisee=people["worker"],
                                 supervisor_accepted_at=timezone.now(), starts_on=timezone.localdate())
    reminders.send_due(timezone.localdate())
    assert sent_to(mailoutbox) == [(people["worker"].email, "A supervision agreement is waiting for you to accept it")]
    reminders.send_due(timezone.localdate())
    assert len(mailoutbox) == 1
    agreement.version += 1  # a changed agreement is to be accepted again
    agreement.save()
    reminders.send_due(timezone.localdate())
    assert len(mailoutbox) == 2


def test_overdue_supervision_goes_to_the_supervisor(people, mailoutbox):
    now = timezone.now()
    AgreementFactory(supervisor=people["supervisor"], supervisee=people["worker"], supervisor_accepted_at=now,
                     supervisee_accepted_at=now, starts_on=timezone.localdate() - datetime.timedelta(days=60))
    reminders.send_due(timezone.localdate())
    assert [m.to[0] for m in mailoutbox] == [people["supervisor"].email]
    assert "overdue" in mailoutbox[0].subject and "Wendy" in mailoutbox[0].subject
    reminders.send_due(timezone.localdate() + datetime.timedelta(days=1))
    assert len(mailoutbox) == 1


def test_actions_due_then_overdue_each_once(people, mailoutbox):
    today = timezone.localdate()
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    ActionFactory(session=session, owner=people["worker"], due_on=today + datetime.timedelta(days=2))
    reminders.send_due(today)
    reminders.send_due(today + datetime.timedelta(days=1))
    assert [m.subject.split(" ")[2] for m in mailoutbox] == ["due"]
    reminders.send_due(today + datetime.timedelta(days=3))
    reminders.send_due(today + datetime.timedelta(days=4))
    assert [m.subject.split(" ")[2] for m in mailoutbox] == ["due", "overdue"]


def test_booking_a_session_for_tomorrow_reminds_at_once(people, mailoutbox, django_capture_on_commit_callbacks):
    from .factories import template

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.schedule_session(
            supervisor=people["supervisor"], supervisees=[people["worker"]], template=template(), length_minutes=60,
            starts_at=timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(9, 30))),
        )
    reminders_sent = sorted(m.to[0] for m in mailoutbox if m.subject == "Supervision tomorrow at 09:30")
    assert reminders_sent == sorted([people["supervisor"].email, people["worker"].email])
    assert any(m.attachments for m in mailoutbox)  # and the invitation with its .ics
