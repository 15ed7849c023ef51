"""Reminders: reviews coming due and open actions, once each, without the words of the case."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core import reminders
from panels import services
from panels.models import ActionStatus, Outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(panel_world):
    w = panel_world
    today = timezone.localdate()
    services.add_to_agenda(w["meeting"], w["chair"], w["request"])
    decision = services.record_decision(
        w["meeting"], w["chair"], w["request"], outcome=Outcome.AGREED, rationale="Agreed",
        review_on=today + datetime.timedelta(days=5), actions=[("SECRET-ACTION-WORDS", w["worker"], today + datetime.timedelta(days=2))],
    )
    return {**w, "decision": decision, "today": today}


def panel_mail():
    return [m for m in mail.outbox if "risk enablement" in m.subject.lower()]


def test_a_review_coming_due_and_an_action_reach_their_people_once_without_case_words(decided):
    reminders.send_due(decided["today"])
    sent = panel_mail()
    by_subject = {(m.subject, m.to[0]) for m in sent}
    assert ("A risk enablement review is due on " + f"{decided['decision'].review_on:%d %B %Y}", "worker@example.org") in by_subject
    assert any(to == "chair@example.org" and "review" in subject for subject, to in by_subject)
    assert any(to == "worker@example.org" and "action" in subject for subject, to in by_subject)
    for message in sent:
        assert decided["request"].case_reference not in message.body + message.subject
        assert "SECRET-ACTION-WORDS" not in message.body and "travel" not in message.body.lower()
    reminders.send_due(decided["today"])
    assert len(panel_mail()) == len(sent)  # once each


def test_nothing_once_reviewed_and_closed(decided):
    services.record_review(decided["decision"], decided["worker"], what_happened="Fine", risk_managed="yes", what_was_learnt="x")
    services.set_action_status(decided["decision"].actions.get(), decided["worker"], ActionStatus.DONE)
    reminders.send_due(decided["today"] + datetime.timedelta(days=30))
    assert panel_mail() == []
