"""The panel's life as services: raise, agree, submit, schedule, decide, sign off, review."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from learning.models import RecordEntry
from panels import services
from panels.models import ActionStatus, MeetingStatus, Outcome, RequestStatus

from .factories import answers

pytestmark = pytest.mark.django_db


def test_a_request_goes_to_the_panel_only_with_a_supervisors_agreement_and_full_answers(panel_world):
    worker, supervisor = panel_world["worker"], panel_world["supervisor"]
    request_ = services.start_request(panel=panel_world["panel"], worker=worker, case_reference="CR-77")
    with pytest.raises(ValidationError, match="supervisor needs to agree"):
        services.submit_request(request_, worker)
    with pytest.raises(PermissionDenied):
        services.agree_request(request_, panel_world["other_supervisor"])  # not this worker's supervisor
    services.agree_request(request_, supervisor)
    with pytest.raises(ValidationError, match="What the person wants"):
        services.submit_request(request_, worker)
    services.save_request(request_, worker, **answers())
    services.submit_request(request_, worker)
    assert request_.status == RequestStatus.SUBMITTED and request_.supervisor_agreed_by == supervisor
    with pytest.raises(PermissionDenied):
        services.save_request(request_, worker, option_proposed="changed after submitting")


def test_the_chair_schedules_and_the_panel_decides_with_conditions_actions_and_a_review_date(panel_world):
    chair, meeting, request_ = panel_world["chair"], panel_world["meeting"], panel_world["request"]
    with pytest.raises(PermissionDenied):
        services.add_to_agenda(meeting, panel_world["other_worker"], request_)  # a member, not the chair
    services.add_to_agenda(meeting, chair, request_)
    assert request_.status == RequestStatus.SCHEDULED
    services.record_attendance(meeting, chair, attendees=[chair, panel_world["other_worker"]],
                               guests=[{"role": "Advocate", "organisation": "Local advocacy service"}])
    review_on = timezone.localdate() + datetime.timedelta(days=60)
    with pytest.raises(ValidationError, match="conditions"):
        services.record_decision(meeting, chair, request_, outcome=Outcome.AGREED_WITH_CONDITIONS, rationale="Why")
    decision = services.record_decision(
        meeting, chair, request_, outcome=Outcome.AGREED_WITH_CONDITIONS, rationale="Benefits outweigh the risks",
        conditions="Carries a phone", shared_by=[chair, panel_world["other_worker"]], review_on=review_on,
        actions=[("Arrange travel training", panel_world["worker"], review_on)],
    )
    request_.refresh_from_db()
    assert request_.status == RequestStatus.DECIDED and decision.review_on == review_on
    assert set(decision.shared_by.all()) == {chair, panel_world["other_worker"]}
    # The presenting worker and both attending members have the meeting on their development record.
    owners = set(RecordEntry.objects.filter(source=services.RECORD_SOURCE).values_list("owner__email", flat=True))
    assert owners == {"worker@example.org", "chair@example.org", "other.worker@example.org"}


def test_more_information_needed_sends_the_request_back_to_wait_for_the_next_meeting(panel_world):
    chair, meeting, request_ = panel_world["chair"], panel_world["meeting"], panel_world["request"]
    services.add_to_agenda(meeting, chair, request_)
    services.record_decision(meeting, chair, request_, outcome=Outcome.MORE_INFORMATION, rationale="Need the OT's view")
    request_.refresh_from_db()
    assert request_.status == RequestStatus.SUBMITTED and request_.meeting is None
    assert request_ in services.waiting_requests(panel_world["panel"])


def test_sign_off_locks_the_meeting_and_corrections_are_dated_addenda(panel_world):
    chair, meeting, request_ = panel_world["chair"], panel_world["meeting"], panel_world["request"]
    services.add_to_agenda(meeting, chair, request_)
    with pytest.raises(ValidationError, match="every request"):
        services.sign_off(meeting, chair)
    services.record_decision(meeting, chair, request_, outcome=Outcome.NOT_AGREED, rationale="Too soon")
    services.sign_off(meeting, chair)
    assert meeting.status == MeetingStatus.SIGNED_OFF and meeting.is_locked
    with pytest.raises(PermissionDenied):
        services.record_decision(meeting, chair, request_, outcome=Outcome.AGREED, rationale="Changed our minds")
    with pytest.raises(PermissionDenied):
        services.add_addendum(meeting, panel_world["outsider"], "Not a member")
    addendum = services.add_addendum(meeting, panel_world["other_worker"], "The date of the OT visit was 3 March.")
    assert addendum.author == panel_world["other_worker"] and addendum.created_at is not None


def test_open_actions_carry_forward_to_the_next_meeting_until_closed(panel_world):
    chair, meeting, request_ = panel_world["chair"], panel_world["meeting"], panel_world["request"]
    services.add_to_agenda(meeting, chair, request_)
    decision = services.record_decision(
        meeting, chair, request_, outcome=Outcome.AGREED, rationale="Agreed",
        actions=[("Check in after two weeks", panel_world["worker"], None)],
    )
    action = decision.actions.get()
    later = services.schedule_meeting(panel=panel_world["panel"], chair=chair, meets_on=meeting.meets_on + datetime.timedelta(days=28))
    assert list(services.carried_forward_actions(later)) == [action]
    with pytest.raises(PermissionDenied):
        services.set_action_status(action, panel_world["outsider"], ActionStatus.DONE)
    services.set_action_status(action, panel_world["worker"], ActionStatus.DONE, in_meeting=later)
    assert list(services.carried_forward_actions(later)) == []


def test_the_review_records_what_happened_once(panel_world):
    chair, meeting, request_ = panel_world["chair"], panel_world["meeting"], panel_world["request"]
    services.add_to_agenda(meeting, chair, request_)
    decision = services.record_decision(meeting, chair, request_, outcome=Outcome.AGREED, rationale="Agreed",
                                         review_on=timezone.localdate())
    assert list(services.reviews_due([panel_world["panel"].pk])) == [decision]
    with pytest.raises(PermissionDenied):
        services.record_review(decision, panel_world["supervisor"], what_happened="x", risk_managed="yes", what_was_learnt="y")
    services.record_review(decision, panel_world["worker"], what_happened="Travels alone twice a week",
                           risk_managed="yes", what_was_learnt="Start with short journeys")
    request_.refresh_from_db()
    assert request_.status == RequestStatus.REVIEWED
    assert list(services.reviews_due([panel_world["panel"].pk])) == []


def test_a_reflection_makes_the_meeting_count_as_peer_reflection(panel_world):
    chair, meeting, request_ = panel_world["chair"], panel_world["meeting"], panel_world["request"]
    services.add_to_agenda(meeting, chair, request_)
    services.record_decision(meeting, chair, request_, outcome=Outcome.AGREED, rationale="Agreed")
    entry = RecordEntry.objects.get(source=services.RECORD_SOURCE, owner=panel_world["worker"])
    assert not entry.includes_peer_reflection and entry.hours == 2
    with pytest.raises(PermissionDenied):
        services.save_reflection(meeting, panel_world["outsider"], "I was not there")
    services.save_reflection(meeting, panel_world["worker"], "Hearing the nurse's view changed my plan.")
    entry.refresh_from_db()
    assert entry.includes_peer_reflection and entry.counts_as_cpd


def test_taking_someone_off_the_attendance_takes_their_entry_away(panel_world):
    chair, meeting = panel_world["chair"], panel_world["meeting"]
    services.record_attendance(meeting, chair, attendees=[chair, panel_world["other_worker"]], guests=[])
    services.record_attendance(meeting, chair, attendees=[chair], guests=[])
    assert not RecordEntry.objects.filter(source=services.RECORD_SOURCE, owner=panel_world["other_worker"]).exists()
    with pytest.raises(ValidationError):
        services.record_attendance(meeting, chair, attendees=[panel_world["outsider"]], guests=[])
