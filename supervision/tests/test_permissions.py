"""Who may open each page, for every role: participants, outsiders, a former supervisor, leads, auditors."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from supervision.demo import ensure_auditor_group
from supervision.models import AccessLogEntry

from .factories import AgreementFactory, PeerGroupFactory, PeerSessionFactory, SessionFactory

# The people are only read (each test runs in its own savepoint): made once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_site")]


@pytest.fixture
def session(people):
    return SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])


@pytest.fixture
def ended_session(people):
    """A session the ended supervisor ran while they still supervised the worker."""
    return SessionFactory(supervisor=people["ended_supervisor"], supervisees=[people["worker"]])


CONTENT_VIEWS = ["supervision:session-detail", "supervision:session-notes"]


@pytest.mark.parametrize("view", CONTENT_VIEWS)
@pytest.mark.parametrize("who, expected", [
    ("worker", 200), ("supervisor", 200), ("other_supervisor", 404), ("other_worker", 404),
    ("practice_lead", 404), ("administrator", "refused"), ("ended_supervisor", 404),
])
def test_session_content(view, who, expected, session, people, client_for):
    r = client_for(people[who]).get(reverse(view, args=[session.pk]))
    if expected == "refused":  # administrators are first sent to set up two-factor authentication
        assert r.status_code == 404 or r.get("Location", "").startswith("/accounts/2fa/")
    else:
        assert r.status_code == expected
    if expected != 200:
        assert "Feeling" not in r.content.decode()
        assert not AccessLogEntry.objects.filter(user=people[who]).exists()


def test_anonymous_is_sent_to_login(session, client_for):
    r = client_for(None).get(reverse("supervision:session-detail", args=[session.pk]))
    assert r.status_code == 302 and "/accounts/login/" in r["Location"]


def test_former_supervisor_sees_dates_not_content(ended_session, people, client_for):
    """Decision: once the relationship ends, a supervisor keeps the date and status of sessions they ran, not the notes."""
    c = client_for(people["ended_supervisor"])
    assert c.get(ended_session.get_absolute_url()).status_code == 403
    assert c.get(reverse("supervision:session-notes", args=[ended_session.pk])).status_code == 403
    assert c.post(reverse("supervision:agenda-add", args=[ended_session.pk]), {"agenda-text": "x"}).status_code == 403
    index = c.get(reverse("supervision:index")).content.decode()
    assert "no longer open to you" in index
    # The supervisee still reads it; so does their current supervisor? No: only the session's own people.
    assert client_for(people["worker"]).get(ended_session.get_absolute_url()).status_code == 200
    assert client_for(people["supervisor"]).get(ended_session.get_absolute_url()).status_code == 404


def test_auditor_reads_and_is_logged_but_cannot_change(session, people, client_for):
    group = ensure_auditor_group()
    auditor = people["practice_lead"]
    auditor.groups.add(group)
    c = client_for(auditor)
    r = c.get(session.get_absolute_url())
    assert r.status_code == 200 and "audit access" in r.content.decode()
    assert AccessLogEntry.objects.filter(user=auditor, reason="auditor").exists()
    assert c.post(reverse("supervision:agenda-add", args=[session.pk]), {"agenda-text": "x"}).status_code == 403
    assert Group.objects.get(name="Supervision auditors").permissions.filter(codename="audit_supervision").exists()


@pytest.mark.parametrize("who, expected", [
    ("worker", 302), ("supervisor", 302), ("other_supervisor", 404), ("other_worker", 404), ("practice_lead", 404),
])
def test_agenda_add(who, expected, session, people, client_for):
    r = client_for(people[who]).post(reverse("supervision:agenda-add", args=[session.pk]), {"agenda-text": "Item"})
    assert r.status_code == expected


@pytest.mark.parametrize("who, expected", [
    ("supervisor", 302), ("worker", 403), ("other_supervisor", 404), ("ended_supervisor", 404),
])
def test_only_current_supervisor_sends_for_sign_off(who, expected, session, people, client_for):
    r = client_for(people[who]).post(reverse("supervision:session-transition", args=[session.pk, "send-for-sign-off"]))
    assert r.status_code == expected


@pytest.mark.parametrize("who, expected", [
    ("supervisor", 200), ("other_supervisor", 200), ("worker", 403), ("ended_supervisor", 403), ("practice_lead", 403),
])
def test_scheduling_is_for_current_supervisors(who, expected, people, client_for):
    assert client_for(people[who]).get(reverse("supervision:session-create")).status_code == expected
    assert client_for(people[who]).get(reverse("supervision:agreement-create")).status_code == expected


def test_cannot_schedule_with_someone_you_do_not_supervise(people, client_for):
    from .factories import template

    day = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    r = client_for(people["supervisor"]).post(reverse("supervision:session-create"), {
        "supervisees": [people["other_worker"].pk], "template": template().pk, "date": day, "time": "10:00", "length_minutes": 60,
    })
    assert r.status_code == 200 and "govuk-error-summary" in r.content.decode()
    assert "Select a valid choice" in r.content.decode() and "Enter a date between" not in r.content.decode()


@pytest.mark.parametrize("who, expected", [
    ("worker", 200), ("supervisor", 200), ("other_worker", 404), ("other_supervisor", 404), ("practice_lead", 404),
])
def test_agreement_detail(who, expected, people, client_for):
    a = AgreementFactory(supervisor=people["supervisor"], supervisee=people["worker"])
    assert client_for(people[who]).get(a.get_absolute_url()).status_code == expected


@pytest.mark.parametrize("who, expected", [
    ("worker", 200), ("ended_supervisor", 200), ("supervisor", 404), ("other_worker", 404), ("other_supervisor", 404),
])
def test_ics_download(who, expected, ended_session, people, client_for):
    assert client_for(people[who]).get(reverse("supervision:session-ics", args=[ended_session.pk])).status_code == expected


def test_peer_session_seen_by_members_only(people, client_for, team):
    group = PeerGroupFactory(team=team, members=[people["worker"], people["other_worker"]])
    ps = PeerSessionFactory(group=group, attendees=[people["worker"]])
    assert client_for(people["worker"]).get(ps.get_absolute_url()).status_code == 200
    assert client_for(people["other_worker"]).get(ps.get_absolute_url()).status_code == 200  # member, did not attend
    assert client_for(people["supervisor"]).get(ps.get_absolute_url()).status_code == 404
    lead = client_for(people["practice_lead"])
    assert lead.get(ps.get_absolute_url()).status_code == 403  # leads of the team: numbers only
    group_page = lead.get(group.get_absolute_url()).content.decode()
    assert "Confidential learning points" not in group_page and "numbers" in group_page
    assert client_for(people["supervisor"]).get(group.get_absolute_url()).status_code == 404
    assert AccessLogEntry.objects.filter(object_kind="peersession").count() == 2


def test_a_lead_cannot_join_a_peer_group_to_read_its_sessions(people, client_for, team):
    group = PeerGroupFactory(team=team, facilitator=people["supervisor"], members=[people["worker"]])
    ps = PeerSessionFactory(group=group, attendees=[people["worker"]])
    lead_user = people["practice_lead"]
    lead = client_for(lead_user)
    url = reverse("supervision:peer-group-edit", args=[group.pk])
    assert 'name="members"' not in lead.get(url).content.decode()
    response = lead.post(url, {
        "name": "Renamed by the lead", "description": "", "facilitator": lead_user.pk,
        "members": [people["worker"].pk, lead_user.pk], "default_format": group.default_format,
    })
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.name == "Renamed by the lead"  # the lead still looks after the group's details
    assert group.facilitator_id == people["supervisor"].pk
    assert list(group.members.all()) == [people["worker"]]
    assert lead.get(ps.get_absolute_url()).status_code == 403


def test_the_facilitator_still_changes_who_is_in_the_group(people, client_for, team):
    group = PeerGroupFactory(team=team, facilitator=people["supervisor"], members=[people["worker"]])
    response = client_for(people["supervisor"]).post(reverse("supervision:peer-group-edit", args=[group.pk]), {
        "name": group.name, "description": "", "facilitator": people["supervisor"].pk,
        "members": [people["worker"].pk, people["other_worker"].pk], "default_format": group.default_format,
    })
    assert response.status_code == 302
    assert set(group.members.all()) == {people["worker"], people["other_worker"]}


@pytest.mark.parametrize("who, expected", [
    ("practice_lead", 200), ("supervisor", 403), ("worker", 403),
])
def test_team_numbers(who, expected, people, client_for):
    assert client_for(people[who]).get(reverse("supervision:team-numbers")).status_code == expected
    assert client_for(people[who]).get(reverse("supervision:team-numbers-csv")).status_code == (200 if expected == 200 else 403)


def test_reflection_only_by_attendees(people, client_for, team, fake_record):
    group = PeerGroupFactory(team=team, members=[people["worker"], people["other_worker"]])
    ps = PeerSessionFactory(group=group, attendees=[people["worker"]])
    r = client_for(people["other_worker"]).post(ps.get_absolute_url(), {"text": "I learnt"})
    assert r.status_code == 403
