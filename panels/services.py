"""What people do with risk enablement panels, as plain functions: views, commands and tests call these.

Each function checks its permission first (panels.permissions), so no caller can skip a rule.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from core import access_log, addenda
from core import actions as core_actions
from learning import record as development_record

from . import permissions
from .models import (
    AccessLogEntry,
    ActionStatus,
    Addendum,
    Decision,
    MeetingStatus,
    Outcome,
    PanelAction,
    PanelMeeting,
    PanelReflection,
    PanelRequest,
    RequestStatus,
    Review,
)

RECORD_SOURCE = "risk_enablement_panel"
RECORD_KIND = "risk_enablement_panel"

# The request's free-text answers, in the order a worker writes them and the panel reads them.
REQUEST_TEXT_FIELDS = [
    "what_person_wants", "option_proposed", "benefits_to_person", "benefits_to_others",
    "risks_to_person", "risks_to_others", "what_has_been_tried", "persons_view", "capacity_considerations",
]
# What must be written before a request goes to the panel.
REQUIRED_TO_SUBMIT = ["what_person_wants", "option_proposed", "risks_to_person", "benefits_to_person", "persons_view"]


def record_api():
    """The development record's contract (learning.record); tests stand a fake in for it."""
    return development_record


def _require(allowed, message="You cannot do that."):
    if not allowed:
        raise PermissionDenied(message)


# ---- Access log --------------------------------------------------------------------------------


def log_access(user, obj, view_name, reason):
    """Write who opened which panel content through which view, and why they could."""
    return access_log.log_access(AccessLogEntry, user, obj, view_name, reason)


# ---- Requests ----------------------------------------------------------------------------------


def start_request(*, panel, worker, case_reference):
    """A new draft request; the worker fills it in (it saves itself as they type)."""
    _require(permissions.can_raise_request(worker) and panel.is_active, "You cannot raise a request to this panel.")
    return PanelRequest.objects.create(panel=panel, worker=worker, case_reference=case_reference.strip())


def save_request(request_, user, **fields):
    """Save the draft's answers (the form and the autosave both come here)."""
    _require(permissions.can_edit_request(user, request_), "Only the worker who raised it can change a draft request.")
    allowed = set(REQUEST_TEXT_FIELDS) | {"case_reference"}
    for name, value in fields.items():
        if name in allowed:
            setattr(request_, name, value)
    request_.save()
    return request_


def agree_request(request_, supervisor):
    """The worker's current supervisor records that they support the request going to the panel."""
    _require(permissions.can_agree(supervisor, request_), "Only a current supervisor of the worker can agree to this request.")
    request_.supervisor_agreed_by = supervisor
    request_.supervisor_agreed_at = timezone.now()
    request_.save(update_fields=["supervisor_agreed_by", "supervisor_agreed_at", "updated_at"])
    return request_


def missing_answers(request_):
    """The labels of answers a request still needs before it can go to the panel."""
    return [PanelRequest._meta.get_field(name).verbose_name for name in REQUIRED_TO_SUBMIT if not getattr(request_, name).strip()]


def submit_request(request_, user):
    _require(permissions.can_edit_request(user, request_), "Only the worker who raised it can submit a request.")
    if not request_.supervisor_agreed:
        raise ValidationError("Your supervisor needs to agree to the request before it goes to the panel.")
    missing = missing_answers(request_)
    if missing:
        raise ValidationError(f"Answer these before you submit: {', '.join(missing)}.")
    request_.status = RequestStatus.SUBMITTED
    request_.submitted_at = timezone.now()
    request_.save(update_fields=["status", "submitted_at", "updated_at"])
    return request_


def withdraw_request(request_, user):
    _require(permissions.can_withdraw(user, request_), "You cannot withdraw this request.")
    request_.status = RequestStatus.WITHDRAWN
    request_.save(update_fields=["status", "updated_at"])
    return request_


def waiting_requests(panel):
    """Submitted requests the chair has not yet put on a meeting's agenda, oldest first."""
    return panel.requests.filter(status=RequestStatus.SUBMITTED).select_related("worker").order_by("submitted_at", "pk")


# ---- Meetings ----------------------------------------------------------------------------------


def schedule_meeting(*, panel, chair, meets_on, length_minutes=120, place=""):
    _require(permissions.can_schedule(chair, panel), "Only the panel's chair can set up its meetings.")
    return PanelMeeting.objects.create(panel=panel, meets_on=meets_on, length_minutes=length_minutes, place=place)


def add_to_agenda(meeting, user, request_):
    """The chair puts a submitted request on a meeting's agenda."""
    _require(permissions.can_manage_meeting(user, meeting), "Only the chair can change this meeting's agenda.")
    if request_.panel_id != meeting.panel_id or request_.status != RequestStatus.SUBMITTED:
        raise ValidationError("Only requests waiting to be scheduled for this panel can go on the agenda.")
    request_.meeting = meeting
    request_.status = RequestStatus.SCHEDULED
    request_.save(update_fields=["meeting", "status", "updated_at"])
    return request_


def remove_from_agenda(meeting, user, request_):
    _require(permissions.can_manage_meeting(user, meeting), "Only the chair can change this meeting's agenda.")
    if request_.meeting_id != meeting.pk or request_.status != RequestStatus.SCHEDULED:
        raise ValidationError("That request is not waiting on this meeting's agenda.")
    request_.meeting = None
    request_.status = RequestStatus.SUBMITTED
    request_.save(update_fields=["meeting", "status", "updated_at"])
    return request_


def agenda(meeting):
    """The requests discussed at (or waiting for) this meeting: on its agenda now, or decided there."""
    return (
        PanelRequest.objects.filter(Q(meeting=meeting) | Q(decisions__meeting=meeting))
        .distinct().select_related("worker").order_by("submitted_at", "pk")
    )


@transaction.atomic
def record_attendance(meeting, user, *, attendees, guests):
    """Members who attended, and people without accounts by role and organisation."""
    _require(permissions.can_manage_meeting(user, meeting), "Only the chair can record who attended.")
    attendees = list(attendees)
    allowed = permissions._member_ids(meeting.panel)
    if any(a.pk not in allowed for a in attendees):
        raise ValidationError("Attendees must be members of the panel; record others as guests.")
    before = set(people_there(meeting).values_list("pk", flat=True))
    meeting.attendees.set(attendees)
    meeting.guests = list(guests)
    meeting.save(update_fields=["guests"])
    contribute_meeting(meeting)
    # Someone taken off the attendance keeps no entry for a meeting they were not at.
    gone = before - set(people_there(meeting).values_list("pk", flat=True))
    for person in meeting.attendees.model.objects.filter(pk__in=gone):
        record_api().withdraw(source=RECORD_SOURCE, source_key=str(meeting.pk), owner=person)
    return meeting


@transaction.atomic
def record_decision(meeting, user, request_, *, outcome, rationale, conditions="", shared_by=(), review_on=None, actions=()):
    """The panel's shared decision on a request on this meeting's agenda.

    "More information needed" sends the request back to wait for a later meeting; any other outcome
    decides it. Actions are (description, owner, due_on) and carry forward until closed.
    """
    _require(permissions.can_manage_meeting(user, meeting), "Only the chair can record the panel's decisions.")
    if request_.meeting_id != meeting.pk:
        raise ValidationError("That request is not on this meeting's agenda.")
    if outcome == Outcome.AGREED_WITH_CONDITIONS and not conditions.strip():
        raise ValidationError("Give the conditions of the agreement.")
    members = permissions._member_ids(meeting.panel)
    people = list(shared_by)
    if any(p.pk not in members for p in people):
        raise ValidationError("Only the panel's members can share responsibility for a decision.")
    decision, _ = Decision.objects.update_or_create(
        meeting=meeting, request=request_,
        defaults={"outcome": outcome, "rationale": rationale.strip(), "conditions": conditions.strip(),
                  "review_on": review_on, "recorded_by": user, "decided_at": timezone.now()},
    )
    decision.shared_by.set(people)
    for description, owner, due_on in actions:
        PanelAction.objects.create(decision=decision, description=description.strip(), owner=owner, due_on=due_on)
    if outcome == Outcome.MORE_INFORMATION:
        request_.status, request_.meeting = RequestStatus.SUBMITTED, None
    else:
        request_.status = RequestStatus.DECIDED
    request_.save(update_fields=["status", "meeting", "updated_at"])
    contribute_meeting(meeting)
    return decision


def add_action(decision, user, *, description, owner, due_on=None):
    _require(permissions.can_manage_meeting(user, decision.meeting), "Only the chair can add actions to an open record.")
    return PanelAction.objects.create(decision=decision, description=description.strip(), owner=owner, due_on=due_on)


def set_action_status(action, user, status, *, in_meeting=None):
    _require(permissions.can_update_action(user, action), "Only the action's owner or the chair can change it.")
    return core_actions.set_status(action, status, closed_in=in_meeting)


def carried_forward_actions(meeting):
    """Open actions from the panel's earlier meetings: they come back until someone closes them."""
    return (
        PanelAction.objects.filter(status=ActionStatus.OPEN, decision__meeting__panel_id=meeting.panel_id)
        .filter(Q(decision__meeting__meets_on__lt=meeting.meets_on)
                | Q(decision__meeting__meets_on=meeting.meets_on, decision__meeting__pk__lt=meeting.pk))
        .select_related("owner", "decision__request", "decision__meeting")
        .order_by("due_on", "pk")
    )


@transaction.atomic
def sign_off(meeting, user):
    """The chair signs the record off: it locks, and later corrections are dated addenda."""
    _require(permissions.can_sign_off(user, meeting), "Only the chair can sign off an open meeting record.")
    if meeting.agenda.filter(status=RequestStatus.SCHEDULED).exists():
        raise ValidationError("Record a decision for every request on the agenda, or take it off the agenda, before signing off.")
    meeting.status = MeetingStatus.SIGNED_OFF
    meeting.signed_off_by = user
    meeting.locked_at = timezone.now()
    meeting.save(update_fields=["status", "signed_off_by", "locked_at"])
    contribute_meeting(meeting)
    return meeting


def add_addendum(meeting, user, text):
    _require(permissions.can_add_addendum(user, meeting), "Addenda are for signed-off records, by the panel's members.")
    return addenda.add_addendum(Addendum, meeting, user, text)


def record_review(decision, user, *, what_happened, risk_managed, what_was_learnt, reviewed_on=None):
    _require(permissions.can_record_review(user, decision), "Only the requesting worker or the chair can record this review.")
    review = Review.objects.create(
        decision=decision, what_happened=what_happened.strip(), risk_managed=risk_managed,
        what_was_learnt=what_was_learnt.strip(), reviewed_on=reviewed_on or timezone.localdate(), recorded_by=user,
    )
    request_ = decision.request
    request_.status = RequestStatus.REVIEWED
    request_.save(update_fields=["status", "updated_at"])
    return review


# ---- The development record --------------------------------------------------------------------


def people_there(meeting):
    """Attending members and the workers who presented a request: each gets a record entry."""
    from people.models import User

    presenting = Decision.objects.filter(meeting=meeting).values("request__worker")
    return User.objects.filter(Q(pk__in=meeting.attendees.values("pk")) | Q(pk__in=presenting)).distinct()


def contribute_meeting(meeting, only=None):
    """One development record entry per person there (time spent); with their reflection it counts as peer reflection."""
    record = record_api()
    reflections = {r.author_id: r for r in meeting.reflections.all()}
    there = list(people_there(meeting))
    url = meeting.get_absolute_url()
    for person in there:
        if only is not None and person.pk != only.pk:
            continue
        reflection = reflections.get(person.pk)
        record.contribute(
            owner=person, source=RECORD_SOURCE, source_key=str(meeting.pk), kind=RECORD_KIND,
            title=f"Risk enablement panel: {meeting.panel}", occurred_on=meeting.meets_on, hours=meeting.hours,
            url=url, summary=reflection.text if reflection else "",
            counts_as_cpd=bool(reflection), includes_peer_reflection=bool(reflection),
        )
    return len(there)


@transaction.atomic
def save_reflection(meeting, user, text):
    _require(permissions.can_reflect(user, meeting), "Only people who were at the meeting can add a reflection.")
    reflection, _ = PanelReflection.objects.update_or_create(meeting=meeting, author=user, defaults={"text": text.strip()})
    contribute_meeting(meeting, only=user)
    return reflection


# ---- Counts and dates (practice leads) ---------------------------------------------------------


def panel_numbers(panel):
    """Counts and dates only, never free text: what a practice lead sees of a panel."""
    requests = panel.requests.exclude(status=RequestStatus.DRAFT)
    by_status = dict(requests.values_list("status").annotate(n=Count("pk")))
    by_outcome = dict(Decision.objects.filter(meeting__panel=panel).values_list("outcome").annotate(n=Count("pk")))
    today = timezone.localdate()
    reviews_due = Decision.objects.filter(meeting__panel=panel, review_on__isnull=False, review__isnull=True)
    return {
        "meetings": list(panel.meetings.annotate(n_requests=Count("decisions", distinct=True)).values(
            "meets_on", "status", "n_requests")[:50]),
        "requests_by_status": [(label, by_status.get(value, 0)) for value, label in RequestStatus.choices if value != "draft"],
        "decisions_by_outcome": [(label, by_outcome.get(value, 0)) for value, label in Outcome.choices],
        "reviews_overdue": reviews_due.filter(review_on__lt=today).count(),
        "reviews_due_30_days": reviews_due.filter(review_on__gte=today, review_on__lte=today + timezone.timedelta(days=30)).count(),
        "reviews_done": Review.objects.filter(decision__meeting__panel=panel).count(),
    }


def open_actions_for(user):
    return PanelAction.objects.filter(owner=user, status=ActionStatus.OPEN).select_related("decision__request", "decision__meeting")


REVIEW_NOTICE_DAYS = 30  # a review shows as due this many days before its date


def reviews_due_by(day):
    """Decisions not yet reviewed whose review date is on or before that day."""
    return Decision.objects.filter(review_on__isnull=False, review__isnull=True, review_on__lte=day).order_by("review_on", "pk")


def reviews_due(panel_ids, *, within_days=REVIEW_NOTICE_DAYS, today=None):
    """Decisions whose review date is within this many days (or past) and not yet reviewed."""
    today = today or timezone.localdate()
    return (
        reviews_due_by(today + timezone.timedelta(days=within_days)).filter(meeting__panel_id__in=list(panel_ids))
        .select_related("request", "meeting__panel")
    )
