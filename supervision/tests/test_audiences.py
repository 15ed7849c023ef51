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
