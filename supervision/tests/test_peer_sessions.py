import pytest
from django.urls import reverse
from django.utils import timezone

from supervision.models import PeerSession

from .factories import PeerGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(people, team):
    return PeerGroupFactory(team=team, facilitator=people["supervisor"], members=[people["worker"], people["other_worker"]])


def test_record_peer_session_on_one_page(group, people, client_for, fake_record):
    c = client_for(people["practice_lead"])
    assert c.get(reverse("supervision:peer-session-create", args=[group.pk])).status_code == 200
    r = c.post(reverse("supervision:peer-session-create", args=[group.pk]), {
        "held_on": timezone.localdate().isoformat(), "length_minutes": 60, "format": "action_learning_set",
        "attendees": [people["worker"].pk, people["other_worker"].pk],
        "guests": "Housing officer, District council\nCommunity nurse, NHS trust",
        "case_references": "AB\nCLD-7", "themes": "Hoarding", "learning_points": "Slow down", "actions": "",
    })
    assert r.status_code == 302
    ps = PeerSession.objects.get()
    assert ps.guests == [{"role": "Housing officer", "organisation": "District council"}, {"role": "Community nurse", "organisation": "NHS trust"}]
    assert ps.case_references == ["AB", "CLD-7"]
    for person in (people["worker"], people["other_worker"]):
        entry = fake_record.entries[(person.pk, "peer_session", str(ps.pk))]
        assert entry["kind"] == "peer_session" and entry["hours"] == 1.0 and entry["counts_as_cpd"] is False


def test_peer_session_form_errors_keep_input(group, people, client_for):
    r = client_for(people["worker"]).post(reverse("supervision:peer-session-create", args=[group.pk]), {
        "held_on": "2999-01-01", "length_minutes": 60, "format": "reflective_team", "attendees": [people["worker"].pk],
        "case_references": "Joanne Bloggs", "guests": "just a role", "learning_points": "Kept text",
    })
    body = r.content.decode()
    assert r.status_code == 400
    assert "looks like a name" in body and "today or in the past" in body and "role and an organisation" in body
    assert "Kept text" in body and not PeerSession.objects.exists()


def test_reflection_makes_it_count_as_peer_reflection(group, people, client_for, fake_record):
    from .factories import PeerSessionFactory

    ps = PeerSessionFactory(group=group, attendees=[people["worker"]])
    r = client_for(people["worker"]).post(ps.get_absolute_url(), {"text": "Hearing how others weigh risk changed my plan."})
    assert r.status_code == 302
    entry = fake_record.entries[(people["worker"].pk, "peer_session", str(ps.pk))]
    assert entry["counts_as_cpd"] and entry["includes_peer_reflection"]
    assert entry["summary"] == "Hearing how others weigh risk changed my plan."


def test_cpd_readiness_with_the_real_record(group, people, client_for):
    record = pytest.importorskip("learning.record")
    services = pytest.importorskip("learning.services")
    del record
    from .factories import PeerSessionFactory

    worker = people["worker"]
    before = services.readiness(worker)
    # Held today: the factory's "three days ago" falls in the previous registration year on 1-3 December.
    ps = PeerSessionFactory(group=group, attendees=[worker], held_on=timezone.localdate())
    from supervision import services as sup_services

    sup_services.contribute_peer_session(ps)
    assert services.readiness(worker)["peer_count"] == before["peer_count"]
    client_for(worker).post(ps.get_absolute_url(), {"text": "I learnt to ask the person first."})
    after = services.readiness(worker)
    assert after["peer_count"] == before["peer_count"] + 1 and after["cpd_count"] == before["cpd_count"] + 1
