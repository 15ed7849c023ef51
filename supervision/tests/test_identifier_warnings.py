"""Supervision's free text goes through the site's identifier check, configured names included:
a warning beside the field, and the record saves once the person has seen it and submits again."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import IdentifierName
from supervision.models import PeerSession

from .factories import PeerGroupFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(people):
    return SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])


def seen(response):
    """The hidden fingerprint the warning summary carries: what the browser sends when they save again."""
    name, value = re.search(r'name="([\w-]*identifiers_seen)" value="(\w+)"', response.content.decode()).groups()
    return {name: value}


def test_supervision_uses_the_configured_names(session, people, client_for, fake_record):
    IdentifierName.objects.create(name="Zebedee")
    key = session.template_snapshot["sections"][0]["prompts"][0]["key"]
    c = client_for(people["supervisor"])
    url = reverse("supervision:session-notes", args=[session.pk])
    r = c.post(url, {key: "Talked about zebedee and the move"})
    assert r.status_code == 200
    html = r.content.decode()
    assert "this may identify someone" in html and "“zebedee”" in html and f'id="{key}-warning"' in html
    session.refresh_from_db()
    assert not session.notes.get(key)  # not saved until they choose to keep it
    r = c.post(url, {key: "Talked about zebedee and the move", **seen(r)})
    assert r.status_code == 302
    session.refresh_from_db()
    assert session.notes[key] == "Talked about zebedee and the move"


@pytest.mark.parametrize(("view", "data"), [
    ("supervision:agenda-add", {"agenda-text": "Allocation for Mary Jones"}),
    ("supervision:case-add", {"case-case_reference": "MJ", "case-presenting_situation": "Mrs Begum is exhausted",
                              "case-decision": "Carer's assessment", "case-rationale": "Her needs"}),
    ("supervision:action-add", {"action-description": "Ring Mr Patel on 07700 900123", "action-owner": "worker"}),
])
def test_agenda_items_cases_and_actions_are_checked(view, data, session, people, client_for, fake_record):
    data = {k: (people["worker"].pk if v == "worker" else v) for k, v in data.items()}
    c = client_for(people["supervisor"])
    r = c.post(reverse(view, args=[session.pk]), data)
    assert r.status_code == 200 and "Check before you save: this may identify someone" in r.content.decode()
    assert not (session.agenda_items.exists() or session.case_discussions.exists() or session.actions.exists())
    assert c.post(reverse(view, args=[session.pk]), {**data, **seen(r)}).status_code == 302


def test_peer_session_notes_are_checked(people, team, client_for, fake_record):
    group = PeerGroupFactory(team=team, facilitator=people["supervisor"], members=[people["worker"]])
    data = {
        "held_on": timezone.localdate().isoformat(), "length_minutes": 60, "format": "action_learning_set",
        "attendees": [people["worker"].pk], "guests": "", "case_references": "AB",
        "themes": "Hoarding", "learning_points": "Sarah Khan taught us to slow down, DOB 03/04/1950", "actions": "",
    }
    c = client_for(people["worker"])
    url = reverse("supervision:peer-session-create", args=[group.pk])
    r = c.post(url, data)
    html = r.content.decode()
    assert r.status_code == 200 and 'id="learning_points-warning"' in html and "“Sarah Khan”" in html
    assert "“03/04/1950”" in html and not PeerSession.objects.exists()
    assert c.post(url, {**data, **seen(r)}).status_code == 302
    assert PeerSession.objects.get().learning_points.startswith("Sarah Khan")


def test_peer_reflections_are_checked(people, team, client_for, fake_record):
    group = PeerGroupFactory(team=team, facilitator=people["supervisor"], members=[people["worker"]])
    c = client_for(people["worker"])
    c.post(reverse("supervision:peer-session-create", args=[group.pk]), {
        "held_on": timezone.localdate().isoformat(), "length_minutes": 60, "format": "action_learning_set",
        "attendees": [people["worker"].pk], "guests": "", "case_references": "", "themes": "", "learning_points": "",
        "actions": "",
    })
    peer_session = PeerSession.objects.get()
    r = c.post(reverse("supervision:peer-session-detail", args=[peer_session.pk]), {"text": "Like Mr Patel, I rushed."})
    assert r.status_code == 200 and 'id="text-warning"' in r.content.decode()
    assert not peer_session.reflections.exists()
