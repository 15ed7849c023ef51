"""CPD registration-year nudges: 90, 30 and 7 days before 30 November, once each, only to workers
whose record is not ready; and the deadline banner on the worker's dashboard."""

import datetime

import pytest

from core import reminders as core_reminders
from learning import record, reminders

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2027, 11, 30)


def cpd_entry(owner, n, peer=False):
    record.contribute(
        owner=owner, source="test", source_key=str(n), kind="log", title=f"PLANTED-cpd-title {n}",
        occurred_on=datetime.date(2027, 1, 10), counts_as_cpd=True, includes_peer_reflection=peer,
    )


def cpd_mails(mailoutbox):
    return [m for m in mailoutbox if "CPD record" in m.subject]


def test_nudges_at_90_30_and_7_days_once_each(people, mailoutbox):
    worker = people["worker"]
    for days_before in (120, 91, 90, 89, 60, 30, 29, 8, 7, 3, 0):
        core_reminders.send_due(DEADLINE - datetime.timedelta(days=days_before))
    sent = [m for m in cpd_mails(mailoutbox) if m.to == [worker.email]]
    assert len(sent) == 3
    assert sent[0].subject == "Your CPD record is due by 30 November 2027"
    assert "90 days from today" in sent[0].body and "0 of 2 CPD records" in sent[0].body
    assert "PLANTED" not in "".join(m.body for m in mailoutbox)
    # Supervisors and leads are not nudged (not workers in any team).
    assert {m.to[0] for m in cpd_mails(mailoutbox)} <= {people["worker"].email, people["other_worker"].email}


def test_a_ready_record_is_not_nudged(people, mailoutbox):
    cpd_entry(people["worker"], 1, peer=True)
    cpd_entry(people["worker"], 2)
    core_reminders.send_due(DEADLINE - datetime.timedelta(days=30))
    assert [m.to for m in cpd_mails(mailoutbox)] == [[people["other_worker"].email]]


def test_the_dashboard_banner_shows_near_the_deadline_until_ready(people, client_for, site_pages, monkeypatch):
    worker = people["worker"]
    assert reminders.banner(worker, today=DEADLINE - datetime.timedelta(days=100)) is None
    assert reminders.banner(worker, today=DEADLINE - datetime.timedelta(days=20))["days_left"] == 20
    assert reminders.banner(people["supervisor"], today=DEADLINE - datetime.timedelta(days=20)) is None
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: DEADLINE - datetime.timedelta(days=20))
    page = client_for(worker).get("/").content.decode()
    assert "Your CPD record is due by 30 November 2027: 20 days left." in page
    cpd_entry(worker, 1, peer=True)
    cpd_entry(worker, 2)
    assert "Registration deadline" not in client_for(worker).get("/").content.decode()
