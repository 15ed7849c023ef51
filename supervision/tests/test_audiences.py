"""Copies of supervision content follow the rule of the record they came from.

A supervision session's content is for the people in the room; a peer session's for the group. The
worker's development record (owner and every current supervisor) is a wider audience, so what it
copies must be filtered by supervision's own rule, which supervision declares in audiences.py.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from learning import record
from people.tests.factories import SupervisionRelationshipFactory
from supervision import services

from .factories import PeerGroupFactory, PeerSessionFactory, SessionFactory

pytestmark = pytest.mark.django_db

REFLECTION = "What I took from the discussion of risk"


@pytest.fixture
def second_supervisor(people):
    """other_supervisor also supervises the worker now, but was in none of the worker's sessions."""
    SupervisionRelationshipFactory(supervisor=people["other_supervisor"], supervisee=people["worker"])
    return people["other_supervisor"]


def record_page(client, owner):
    return client.get(reverse("learning:record-for", args=[owner.pk]) + "?year=all").content.decode()


def test_session_entry_content_is_for_the_people_in_the_room(people, second_supervisor):
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    record.contribute(owner=people["worker"], source=services.RECORD_SOURCE_SUPERVISION, source_key=str(session.pk),
                      kind="supervision", title="One-to-one supervision", occurred_on=timezone.localdate(),
                      summary="What we agreed about the family")

    def shown(viewer):
        return [(e.title, e.content_shown, e.summary) for e in record.visible_content(viewer, people["worker"].record_entries.all())]

    assert shown(people["supervisor"]) == [("One-to-one supervision", True, "What we agreed about the family")]
    assert shown(second_supervisor) == [("One-to-one supervision", False, "")]
    assert shown(people["ended_supervisor"]) == [("One-to-one supervision", False, "")]


def test_peer_reflection_on_the_record_is_for_the_group(people, client_for, team):
    group = PeerGroupFactory(team=team, members=[people["worker"], people["other_worker"]])
    peer_session = PeerSessionFactory(group=group, attendees=[people["worker"]])
    services.save_peer_reflection(peer_session, people["worker"], REFLECTION)

    page = record_page(client_for(people["supervisor"]), people["worker"])
    assert f"Case consultation: {group}" in page and "Not shared with you" in page
    assert REFLECTION not in page
    assert REFLECTION in record_page(client_for(people["worker"]), people["worker"])

    group.members.add(people["supervisor"])  # now a member of the group: the rule includes them
    assert REFLECTION in record_page(client_for(people["supervisor"]), people["worker"])


def test_learning_asks_supervision_who_is_in_a_peer_group(people, team):
    group = PeerGroupFactory(team=team, name="Named social worker group", members=[people["worker"]])
    assert record.peer_groups_of(people["worker"]) == [(group.pk, "Named social worker group")]
    assert record.peer_groups_of(people["other_worker"]) == []


# ---- Finding 9: what a former supervisor still read, and refusals on a locked record -------------


def test_ended_supervisor_sees_the_agreement_dates_not_its_terms(people, client_for):
    from .factories import AgreementFactory

    agreement = AgreementFactory(supervisor=people["ended_supervisor"], supervisee=people["worker"],
                                 place="Room 4, Civic Centre", notes_arrangements="Kept on the shared drive",
                                 cover_arrangements="Team manager covers")
    url = reverse("supervision:agreement-detail", args=[agreement.pk])
    page = client_for(people["ended_supervisor"]).get(url).content.decode()
    assert "Starts" in page and "has ended" in page
    for term in ("Room 4, Civic Centre", "Kept on the shared drive", "Team manager covers"):
        assert term not in page
    assert "Kept on the shared drive" in client_for(people["worker"]).get(url).content.decode()


def test_ended_supervisor_calendar_file_has_the_time_only(people, client_for):
    session = SessionFactory(supervisor=people["ended_supervisor"], supervisees=[people["worker"]],
                             place="Family Centre, Mill Lane")
    url = reverse("supervision:session-ics", args=[session.pk])
    ended = client_for(people["ended_supervisor"]).get(url)
    assert ended.status_code == 200 and b"DTSTART" in ended.content
    assert b"Mill Lane" not in ended.content and b"ATTENDEE" not in ended.content
    assert people["worker"].email.encode() not in ended.content
    mine = client_for(people["worker"]).get(url).content
    assert b"Mill Lane" in mine and b"ATTENDEE" in mine


@pytest.fixture
def locked_session(people):
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    session.status, session.locked_at = "signed_off", timezone.now()
    session.save()
    return session


def test_locked_record_refusal_gives_the_reason_and_is_not_logged_as_a_view(people, client_for, locked_session):
    from supervision.models import AccessLogEntry

    response = client_for(people["worker"]).get(reverse("supervision:session-notes", args=[locked_session.pk]))
    assert response.status_code == 403
    body = response.content.decode()
    assert "signed off and locked" in body and "belongs to someone else" not in body
    response = client_for(people["supervisor"]).post(reverse("supervision:case-add", args=[locked_session.pk]),
                                                     {"case-case_reference": "J.S."})
    assert response.status_code == 403 and "signed off and locked" in response.content.decode()
    assert not AccessLogEntry.objects.exists()
    client_for(people["worker"]).get(locked_session.get_absolute_url())
    assert list(AccessLogEntry.objects.values_list("view_name", flat=True)) == ["session-detail"]


def test_ended_supervisor_is_told_why(people, client_for):
    session = SessionFactory(supervisor=people["ended_supervisor"], supervisees=[people["worker"]])
    response = client_for(people["ended_supervisor"]).get(session.get_absolute_url())
    assert response.status_code == 403 and "relationship has ended" in response.content.decode()


def test_supervisor_panel_leaves_out_sessions_they_can_no_longer_read(people):
    from supervision import dashboard

    from .factories import ActionFactory

    former = people["ended_supervisor"]
    SupervisionRelationshipFactory(supervisor=former, supervisee=people["other_worker"])
    old = SessionFactory(supervisor=former, supervisees=[people["worker"]], status="awaiting_sign_off")
    ActionFactory(session=old, owner=people["worker"], description="Refer the family to early help")
    now = SessionFactory(supervisor=former, supervisees=[people["other_worker"]], status="awaiting_sign_off")
    ActionFactory(session=now, owner=people["other_worker"], description="Book the training")

    context = dashboard.supervisor_panel_context(former)
    assert [s["id"] for s in context["awaiting"]] == [now.pk] and context["awaiting_count"] == 1
    assert [a["description"] for a in context["actions"]] == ["Book the training"]


def test_action_reminder_keeps_the_words_from_someone_no_longer_in_the_room(people, mailoutbox):
    from django.core.management import call_command

    from .factories import ActionFactory

    session = SessionFactory(supervisor=people["ended_supervisor"], supervisees=[people["worker"]])
    ActionFactory(session=session, owner=people["ended_supervisor"], description="Chase the housing referral",
                  due_on=timezone.localdate())
    ActionFactory(session=session, owner=people["worker"], description="Read the carers policy", due_on=timezone.localdate())
    call_command("send_supervision_reminders")
    bodies = {m.to[0]: m.body for m in mailoutbox}
    assert "Chase the housing referral" not in bodies[people["ended_supervisor"].email]
    # Reminders carry titles, dates and links only: the words stay on the site, even for the worker.
    assert "Read the carers policy" not in bodies[people["worker"].email]
    assert session.get_absolute_url() in bodies[people["worker"].email]
