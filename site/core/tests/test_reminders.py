"""The reminders contract: each (recipient, kind, key) goes once, preferences are honoured, links
use the site's configured address, and an email carries no words of a record."""

import datetime
import types

import pytest
from django.urls import reverse

from core import reminders
from core.models import SentReminder
from core.reminders import Reminder

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def fake_app(monkeypatch):
    """One app offering whatever the test puts in `offered`, found by name like a real one."""
    offered = []
    module = types.SimpleNamespace(KINDS={"test_nudge": "A test nudge"}, due=lambda today: list(offered))
    monkeypatch.setattr(reminders, "app_modules", lambda name: [(types.SimpleNamespace(label="fake"), module)])
    return offered


def nudge(person, key="thing-1"):
    return Reminder(person, "test_nudge", key, "Something is due", "Something is due on 2 December 2026.", "/somewhere/1/")


def test_a_reminder_goes_once_however_often_the_schedule_runs(people, mailoutbox, fake_app):
    fake_app.append(nudge(people["worker"]))
    assert len(reminders.send_due(TODAY)) == 1
    assert reminders.send_due(TODAY) == [] and reminders.send_due(TODAY + datetime.timedelta(days=1)) == []
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [people["worker"].email]
    # A new key (the next due date, a rescheduled session) is a new reminder.
    fake_app.append(nudge(people["worker"], key="thing-1-again"))
    reminders.send_due(TODAY)
    assert len(mailoutbox) == 2


def test_links_use_the_configured_site_address(people, mailoutbox, fake_app, settings):
    settings.SITE_URL = "https://practice.council.example"
    fake_app.append(nudge(people["worker"]))
    reminders.send_due(TODAY)
    body = mailoutbox[0].body
    assert "https://practice.council.example/somewhere/1/" in body
    assert f"https://practice.council.example{reverse('email-preferences')}" in body
    assert "localhost" not in body


def test_someone_who_unticked_a_kind_gets_none_of_it(people, mailoutbox, fake_app, client_for):
    worker = people["worker"]
    page = client_for(worker).get(reverse("email-preferences"))
    assert "A test nudge" in page.content.decode() and 'checked' in page.content.decode()  # on by default
    response = client_for(worker).post(reverse("email-preferences"), {})  # everything unticked
    assert response.status_code == 302
    fake_app.extend([nudge(worker), nudge(people["supervisor"])])
    reminders.send_due(TODAY)
    assert [m.to for m in mailoutbox] == [[people["supervisor"].email]]
    assert not SentReminder.objects.filter(recipient=worker).exists()  # ticking it again later still sends
    client_for(worker).post(reverse("email-preferences"), {"wanted": ["test_nudge"]})
    reminders.send_due(TODAY)
    assert [m.to for m in mailoutbox][-1] == [worker.email]


def test_preferences_page_refuses_an_unknown_kind_beside_the_field(people, client_for, fake_app):
    response = client_for(people["worker"]).post(reverse("email-preferences"), {"wanted": ["no_such_kind"]})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_a_failed_send_is_tried_again_next_run(people, mailoutbox, fake_app, monkeypatch):
    fake_app.append(nudge(people["worker"]))

    def broken(self, fail_silently=False):
        raise ConnectionRefusedError("mail server down")

    with monkeypatch.context() as m:
        m.setattr("django.core.mail.EmailMessage.send", broken)
        assert reminders.send_due(TODAY) == []
    assert not SentReminder.objects.exists()
    assert len(reminders.send_due(TODAY)) == 1 and len(mailoutbox) == 1


def test_inactive_people_and_undeclared_kinds(people, mailoutbox, fake_app):
    people["other_worker"].is_active = False
    people["other_worker"].save()
    fake_app.append(nudge(people["other_worker"]))
    assert reminders.send_due(TODAY) == []
    fake_app.append(Reminder(people["worker"], "undeclared", "k", "s", "b", "/"))
    with pytest.raises(ValueError, match="undeclared"):
        reminders.send_due(TODAY)


def test_every_app_kind_has_a_label_and_is_unique():
    labels = reminders.kinds()
    assert "session_tomorrow" in labels and all(labels.values())
