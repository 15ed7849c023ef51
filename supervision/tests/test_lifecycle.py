import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from supervision import services
from supervision.models import AccessLogEntry, ActionStatus, SessionStatus

from .factories import ActionFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(people):
    return SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])


def sign_off(session, people, disagreement=""):
    services.send_for_sign_off(session, people["supervisor"])
    services.sign(session, people["supervisor"])
    services.sign(session, people["worker"], disagreement)
    session.refresh_from_db()


def test_full_sign_off_locks_the_record_and_refuses_edits(session, people, client_for, fake_record):
    sign_off(session, people)
    assert session.status == SessionStatus.SIGNED_OFF and session.is_locked
    key = session.template_snapshot["sections"][0]["prompts"][0]["key"]
    for user in (people["supervisor"], people["worker"]):
        c = client_for(user)
        assert c.post(reverse("supervision:session-notes", args=[session.pk]), {key: "changed"}).status_code == 403
        assert c.post(reverse("supervision:agenda-add", args=[session.pk]), {"agenda-text": "late item"}).status_code == 403
        assert c.post(reverse("supervision:case-add", args=[session.pk]), {
            "case-case_reference": "AB", "case-presenting_situation": "x", "case-decision": "y", "case-rationale": "z",
        }).status_code == 403
        assert c.post(reverse("supervision:action-add", args=[session.pk]), {
            "action-description": "late", "action-owner": people["worker"].pk,
        }).status_code == 403
        assert c.post(reverse("supervision:session-transition", args=[session.pk, "reopen"])).status_code == 403
    session.refresh_from_db()
    assert session.notes.get(key) in (None, "")
    assert not session.agenda_items.exists() and not session.actions.exists()
    with pytest.raises(PermissionDenied):
        services.save_notes(session, people["supervisor"], {key: "changed"})


def test_addendum_is_dated_and_named(session, people, client_for, fake_record):
    assert client_for(people["worker"]).post(reverse("supervision:addendum-add", args=[session.pk]), {"addendum-text": "Too early"}).status_code == 403
    sign_off(session, people)
    r = client_for(people["worker"]).post(reverse("supervision:addendum-add", args=[session.pk]), {"addendum-text": "The review date was 3 June."})
    assert r.status_code == 302
    page = client_for(people["supervisor"]).get(reverse("supervision:session-detail", args=[session.pk])).content.decode()
    assert "The review date was 3 June." in page
    assert str(people["worker"]) in page and timezone.localdate().strftime("%-d %B %Y") in page
    r = client_for(people["worker"]).post(reverse("supervision:addendum-add", args=[session.pk]), {"addendum-text": ""})
    assert r.status_code == 400 and "Enter the addendum" in r.content.decode()


def test_supervisee_can_sign_with_disagreement(session, people, client_for, fake_record):
    services.send_for_sign_off(session, people["supervisor"])
    client_for(people["worker"]).post(reverse("supervision:session-sign", args=[session.pk]), {"sign-disagreement": "The workload section understates my caseload."})
    assert session.participants.get().disagreement == "The workload section understates my caseload."
    session.refresh_from_db()
    assert not session.is_locked  # the supervisor has not signed yet
    client_for(people["supervisor"]).post(reverse("supervision:session-sign", args=[session.pk]), {"sign-disagreement": "ignored"})
    session.refresh_from_db()
    assert session.is_locked
    page = client_for(people["supervisor"]).get(session.get_absolute_url()).content.decode()
    assert "Disagreement recorded" in page and "understates my caseload" in page


def test_group_session_needs_every_supervisee(people, fake_record):
    from people.tests.factories import SupervisionRelationshipFactory

    SupervisionRelationshipFactory(supervisor=people["supervisor"], supervisee=people["other_worker"])
    s = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"], people["other_worker"]])
    services.send_for_sign_off(s, people["supervisor"])
    services.sign(s, people["supervisor"])
    services.sign(s, people["worker"])
    s.refresh_from_db()
    assert not s.is_locked
    services.sign(s, people["other_worker"])
    s.refresh_from_db()
    assert s.is_locked
    assert len(fake_record.entries) == 2


def test_reopen_clears_signatures(session, people, fake_record):
    services.send_for_sign_off(session, people["supervisor"])
    services.sign(session, people["worker"], "no")
    services.reopen(session, people["supervisor"])
    p = session.participants.get()
    assert p.signed_at is None and p.disagreement == ""


def test_open_actions_carry_forward_until_closed(people, client_for):
    first = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]], starts_at=timezone.now() - datetime.timedelta(days=28))
    action = ActionFactory(session=first, owner=people["worker"], description="Read the new risk policy")
    other = SessionFactory(supervisor=people["other_supervisor"], supervisees=[people["other_worker"]], starts_at=timezone.now() - datetime.timedelta(days=28))
    ActionFactory(session=other, owner=people["other_worker"], description="Someone else's action")
    nxt = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    page = client_for(people["worker"]).get(nxt.get_absolute_url()).content.decode()
    assert "Read the new risk policy" in page and "Someone else&#x27;s action" not in page and "Someone else's action" not in page
    r = client_for(people["worker"]).post(reverse("supervision:action-status", args=[action.pk]), {"status": "done", "from_session": nxt.pk})
    assert r.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.closed_in == nxt
    assert "Read the new risk policy" not in client_for(people["worker"]).get(nxt.get_absolute_url()).content.decode()


def test_signed_off_session_contributes_one_entry_per_supervisee(session, people, fake_record):
    sign_off(session, people)
    entry = fake_record.entries[(people["worker"].pk, "supervision", str(session.pk))]
    assert entry["kind"] == "supervision" and entry["hours"] == 1.5
    assert entry["url"].endswith(session.get_absolute_url())
    assert (people["supervisor"].pk, "supervision", str(session.pk)) not in fake_record.entries


def test_case_reference_that_looks_like_a_name_is_refused(session, people, client_for):
    r = client_for(people["supervisor"]).post(reverse("supervision:case-add", args=[session.pk]), {
        "case-case_reference": "John Smith", "case-presenting_situation": "Carer stress",
        "case-decision": "Refer for carer's assessment", "case-rationale": "Risk of breakdown",
    })
    assert r.status_code == 400
    body = r.content.decode()
    assert "looks like a name" in body and "Carer stress" in body  # input kept
    assert not session.case_discussions.exists()
    r = client_for(people["supervisor"]).post(reverse("supervision:case-add", args=[session.pk]), {
        "case-case_reference": "J.S.", "case-presenting_situation": "Carer stress",
        "case-decision": "Refer for carer's assessment", "case-rationale": "Risk of breakdown",
    })
    assert r.status_code == 302 and session.case_discussions.get().case_reference == "J.S."


def test_every_content_view_is_logged(session, people, client_for):
    client_for(people["worker"]).get(session.get_absolute_url())
    client_for(people["supervisor"]).get(reverse("supervision:session-notes", args=[session.pk]))
    entries = list(AccessLogEntry.objects.order_by("at", "pk").values_list("user_email", "view_name", "reason"))
    assert entries == [(people["worker"].email, "session-detail", "supervisee"), (people["supervisor"].email, "session-notes", "supervisor")]


def test_agreement_acceptance_and_change_requires_reacceptance(people, client_for):
    c = client_for(people["supervisor"])
    r = c.post(reverse("supervision:agreement-create"), {
        "supervisee": people["worker"].pk, "frequency": 4, "frequency_unit": "weeks", "length_minutes": 90,
        "place": "Room 1", "notes_arrangements": "Shared", "cover_arrangements": "Team manager", "starts_on": "2025-01-06",
    })
    assert r.status_code == 302
    from supervision.models import SupervisionAgreement

    a = SupervisionAgreement.objects.get()
    c.post(reverse("supervision:agreement-accept", args=[a.pk]))
    client_for(people["worker"]).post(reverse("supervision:agreement-accept", args=[a.pk]))
    a.refresh_from_db()
    assert a.is_accepted
    assert client_for(people["other_worker"]).post(reverse("supervision:agreement-accept", args=[a.pk])).status_code == 404
    assert client_for(people["worker"]).get(reverse("supervision:agreement-edit", args=[a.pk])).status_code == 403
    c.post(reverse("supervision:agreement-edit", args=[a.pk]), {
        "frequency": 3, "frequency_unit": "weeks", "length_minutes": 90, "place": "Room 1",
        "notes_arrangements": "Shared", "cover_arrangements": "Team manager", "starts_on": "2025-01-06",
    })
    a.refresh_from_db()
    assert a.version == 2 and not a.is_accepted and a.supervisor_accepted_at is None
