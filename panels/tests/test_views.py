"""Every panel page for every role: who reads what, who is refused, and what is written to the access log."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from panels import services
from panels.models import AccessLogEntry, Decision, Outcome, PanelRequest, RequestStatus

from .factories import PanelRequestFactory, answers

pytestmark = pytest.mark.django_db

REQUEST_TEXT = "PANEL-SECRET wants to travel alone"
RATIONALE = "PANEL-RATIONALE benefits outweigh risks"


@pytest.fixture
def decided(panel_world):
    """The worker's request decided with conditions at a signed-off meeting."""
    w = panel_world
    PanelRequest.objects.filter(pk=w["request"].pk).update(what_person_wants=REQUEST_TEXT)
    w["request"].refresh_from_db()
    services.add_to_agenda(w["meeting"], w["chair"], w["request"])
    services.record_attendance(w["meeting"], w["chair"], attendees=[w["chair"], w["other_worker"]], guests=[])
    decision = services.record_decision(
        w["meeting"], w["chair"], w["request"], outcome=Outcome.AGREED_WITH_CONDITIONS, rationale=RATIONALE,
        conditions="Carries a phone", shared_by=[w["chair"]], review_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    services.sign_off(w["meeting"], w["chair"])
    return {**w, "decision": decision}


@pytest.mark.parametrize("role, status, sees_text", [
    ("worker", 200, True),
    ("supervisor", 200, True),       # the worker's current supervisor
    ("other_worker", 200, True),     # a member of the panel
    ("chair", 200, True),
    ("outsider", 403, False),        # sits on no panel, supervises nobody
    ("other_supervisor", 403, False),
    ("ended_supervisor", 403, False),
    ("practice_lead", 403, False),   # counts and dates only, on the panel page
    ("administrator", 403, False),
])
def test_who_reads_a_request_and_its_decision(decided, client_for, role, status, sees_text):
    from allauth.mfa.models import Authenticator

    # Administrators reach pages once they have two-factor authentication set up.
    Authenticator.objects.create(user=decided["administrator"], type=Authenticator.Type.TOTP, data={"secret": "x"})
    response = client_for(decided[role]).get(reverse("panels:request-detail", args=[decided["request"].pk]))
    assert response.status_code == status
    body = response.content.decode()
    assert (REQUEST_TEXT in body) is sees_text and (RATIONALE in body) is sees_text


def test_every_read_of_a_request_is_in_the_access_log_with_its_reason(decided, client_for):
    client_for(decided["supervisor"]).get(reverse("panels:request-detail", args=[decided["request"].pk]))
    client_for(decided["outsider"]).get(reverse("panels:request-detail", args=[decided["request"].pk]))
    entries = AccessLogEntry.objects.filter(object_kind="panelrequest", object_id=decided["request"].pk)
    assert [(e.user_email, e.reason) for e in entries] == [("supervisor@example.org", "supervisor")]


def test_a_practice_lead_sees_counts_and_dates_not_text(decided, client_for):
    response = client_for(decided["practice_lead"]).get(reverse("panels:panel-detail", args=[decided["panel"].pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Agreed with conditions" in body and decided["meeting"].meets_on.strftime("%B") in body
    assert REQUEST_TEXT not in body and RATIONALE not in body and decided["request"].case_reference not in body
    assert client_for(decided["practice_lead"]).get(reverse("panels:meeting-detail", args=[decided["meeting"].pk])).status_code == 403


def test_someone_outside_the_panel_is_refused_everywhere(decided, client_for):
    outsider = client_for(decided["outsider"])
    meeting, request_ = decided["meeting"], decided["request"]
    for url in [
        reverse("panels:panel-detail", args=[decided["panel"].pk]),
        reverse("panels:meeting-detail", args=[meeting.pk]),
        reverse("panels:meeting-attendance", args=[meeting.pk]),
        reverse("panels:meeting-reflection", args=[meeting.pk]),
        reverse("panels:decision-record", args=[meeting.pk, request_.pk]),
        reverse("panels:review-record", args=[decided["decision"].pk]),
        reverse("panels:request-edit", args=[request_.pk]),
    ]:
        assert outsider.get(url).status_code == 403, url
    for url in [
        reverse("panels:meeting-agenda", args=[meeting.pk]), reverse("panels:meeting-sign-off", args=[meeting.pk]),
        reverse("panels:addendum-add", args=[meeting.pk]), reverse("panels:request-step", args=[request_.pk, "withdraw"]),
    ]:
        assert outsider.post(url, {"request": request_.pk, "addendum-text": "x"}).status_code == 403, url


def test_the_presenting_worker_sees_their_own_request_not_the_others_on_the_agenda(decided, client_for):
    other = PanelRequestFactory(panel=decided["panel"], status=RequestStatus.SUBMITTED, what_person_wants="OTHER-WORKER-CASE")
    # Another worker's request decided at the same meeting, written straight in.
    Decision.objects.create(meeting=decided["meeting"], request=other, outcome=Outcome.NOT_AGREED, rationale="OTHER-RATIONALE")
    response = client_for(decided["worker"]).get(reverse("panels:meeting-detail", args=[decided["meeting"].pk]))
    body = response.content.decode()
    assert response.status_code == 200 and decided["request"].case_reference in body
    assert other.case_reference not in body and "OTHER-RATIONALE" not in body


def test_a_request_names_the_person_by_reference_only(panel_world, client_for):
    client = client_for(panel_world["worker"])
    response = client.post(reverse("panels:request-create"), {"panel": panel_world["panel"].pk, "case_reference": "John Smith 12/03/1980"})
    assert response.status_code == 400
    assert "Enter initials or a case reference" in response.content.decode()
    assert not PanelRequest.objects.filter(worker=panel_world["worker"]).exclude(pk=panel_world["request"].pk).exists()


def test_identifiers_in_the_answers_are_pointed_out_beside_the_field_before_saving(panel_world, client_for):
    request_ = PanelRequestFactory(panel=panel_world["panel"], worker=panel_world["worker"])
    client = client_for(panel_world["worker"])
    data = {"case_reference": request_.case_reference, **answers(), "persons_view": "Her NHS number is 943 476 5919."}
    response = client.post(reverse("panels:request-edit", args=[request_.pk]), data)
    assert response.status_code == 200 and "This could identify someone" in response.content.decode()
    request_.refresh_from_db()
    assert "943" not in request_.persons_view  # not saved until the worker keeps it knowingly


def test_autosave_says_saved_only_when_it_stored_everything(panel_world, client_for):
    request_ = PanelRequestFactory(panel=panel_world["panel"], worker=panel_world["worker"])
    client = client_for(panel_world["worker"])
    url = reverse("panels:request-autosave", args=[request_.pk])
    ok = client.post(url, {"case_reference": request_.case_reference, "option_proposed": "A new plan"})
    assert ok.status_code == 200 and ok.json()["saved"] is True
    request_.refresh_from_db()
    assert request_.option_proposed == "A new plan" and request_.what_person_wants  # fields not sent are kept
    refused = client.post(url, {"case_reference": request_.case_reference, "option_proposed": "x" * 30_000})
    assert refused.status_code == 400 and refused.json()["saved"] is False
    request_.refresh_from_db()
    assert request_.option_proposed == "A new plan"
    other = client_for(panel_world["outsider"]).post(url, {"option_proposed": "hijack"})
    assert other.status_code == 403 and other.json()["saved"] is False


def test_the_supervisor_agrees_on_the_site_and_the_worker_then_sends_it(panel_world, client_for):
    request_ = PanelRequestFactory(panel=panel_world["panel"], worker=panel_world["worker"], **answers())
    worker, supervisor = client_for(panel_world["worker"]), client_for(panel_world["supervisor"])
    worker.post(reverse("panels:request-step", args=[request_.pk, "submit"]))
    request_.refresh_from_db()
    assert request_.status == RequestStatus.DRAFT  # refused with a message: no agreement yet
    assert client_for(panel_world["other_supervisor"]).post(reverse("panels:request-step", args=[request_.pk, "agree"])).status_code == 403
    assert "I agree to this request" in supervisor.get(request_.get_absolute_url()).content.decode()
    supervisor.post(reverse("panels:request-step", args=[request_.pk, "agree"]))
    worker.post(reverse("panels:request-step", args=[request_.pk, "submit"]))
    request_.refresh_from_db()
    assert request_.status == RequestStatus.SUBMITTED and request_.supervisor_agreed_by == panel_world["supervisor"]


def test_the_chair_schedules_decides_and_signs_off_through_the_pages(panel_world, client_for):
    chair = client_for(panel_world["chair"])
    meeting, request_ = panel_world["meeting"], panel_world["request"]
    assert client_for(panel_world["other_worker"]).post(reverse("panels:meeting-agenda", args=[meeting.pk]),
                                                        {"request": request_.pk}).status_code == 403
    chair.post(reverse("panels:meeting-agenda", args=[meeting.pk]), {"request": request_.pk})
    url = reverse("panels:decision-record", args=[meeting.pk, request_.pk])
    missing = chair.post(url, {"decision-outcome": "agreed_with_conditions", "decision-rationale": "Why"})
    assert missing.status_code == 400
    body = missing.content.decode()
    assert "Enter the conditions of the agreement" in body and "Enter a review date" in body
    review_on = (timezone.localdate() + datetime.timedelta(days=40)).isoformat()
    done = chair.post(url, {"decision-outcome": "agreed_with_conditions", "decision-rationale": "Why",
                            "decision-conditions": "With a phone", "decision-review_on": review_on,
                            "decision-shared_by": [panel_world["chair"].pk]})
    assert done.status_code == 302
    chair.post(reverse("panels:meeting-sign-off", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.is_locked
    assert chair.get(url).status_code == 403
    late = chair.post(reverse("panels:addendum-add", args=[meeting.pk]), {"addendum-text": "Review moved by a week."})
    assert late.status_code == 302 and meeting.addenda.get().author == panel_world["chair"]
    # Members read it on the meeting's record, dated and named, as addenda read on a supervision record.
    page = chair.get(reverse("panels:meeting-detail", args=[meeting.pk])).content.decode()
    assert "Review moved by a week." in page and f"{panel_world['chair']}, {timezone.localtime():%-d %B %Y}" in page


def test_bad_dates_and_lengths_get_a_message_beside_the_field_not_a_500(panel_world, client_for):
    chair = client_for(panel_world["chair"])
    response = chair.post(reverse("panels:meeting-create", args=[panel_world["panel"].pk]),
                          {"meets_on": "9999-12-31", "length_minutes": "abc"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter a date between" in body and "Enter the length as a whole number" in body
