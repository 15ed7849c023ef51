"""What people do in supervision, as plain functions: views, commands and tests call these."""

import logging
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone

from core import access_log, addenda
from core import actions as core_actions
from core.reminders import absolute_url
from core.tasks import send_due_reminders, send_email
from learning import record as development_record
from people import roles
from people.models import User

from . import permissions
from .ics import session_calendar
from .models import (
    HELD_STATUSES,
    AccessLogEntry,
    ActionStatus,
    Addendum,
    AgendaItem,
    CaseDiscussion,
    PeerFormat,
    PeerGroup,
    PeerReflection,
    PeerSession,
    SessionMode,
    SessionParticipant,
    SessionStatus,
    SupervisionAction,
    SupervisionAgreement,
    SupervisionSession,
)
from .scheduling import due_dates_between, due_status

logger = logging.getLogger(__name__)

RECORD_SOURCE_SUPERVISION = "supervision"
RECORD_SOURCE_PEER = "peer_session"


def record_api():
    """The development record's contract (learning.record); tests stand a fake in for it."""
    return development_record


# ---- Access log --------------------------------------------------------------------------------


def log_access(user, obj, view_name, reason):
    """Write who opened which supervision content through which view."""
    return access_log.log_access(AccessLogEntry, user, obj, view_name, reason)


# ---- Agreements --------------------------------------------------------------------------------

AGREEMENT_TERMS = [
    "frequency", "frequency_unit", "length_minutes", "place", "notes_arrangements",
    "cover_arrangements", "starts_on", "review_on",
]


def save_agreement(agreement, *, changed_by):
    """Save an agreement; a change to its terms needs both people to accept it again."""
    if agreement.pk:
        before = SupervisionAgreement.objects.get(pk=agreement.pk)
        if any(getattr(before, f) != getattr(agreement, f) for f in AGREEMENT_TERMS):
            agreement.version = before.version + 1
            agreement.supervisor_accepted_at = None
            agreement.supervisee_accepted_at = None
    agreement.save()
    return agreement


def accept_agreement(agreement, user):
    if not permissions.can_accept_agreement(user, agreement):
        raise PermissionDenied("You cannot accept this agreement.")
    now = timezone.now()
    if user.pk == agreement.supervisor_id:
        agreement.supervisor_accepted_at = now
    else:
        agreement.supervisee_accepted_at = now
    agreement.save(update_fields=["supervisor_accepted_at", "supervisee_accepted_at", "updated_at"])
    return agreement


def current_agreement(supervisor, supervisee):
    return (
        SupervisionAgreement.objects.filter(supervisor=supervisor, supervisee=supervisee, ended_on__isnull=True)
        .order_by("-starts_on", "-pk")
        .first()
    )


# ---- Sessions ----------------------------------------------------------------------------------


@transaction.atomic
def schedule_session(*, supervisor, supervisees, starts_at, length_minutes, template=None, place="", agreement=None, send_invitations=True):
    supervisees = list(supervisees)
    if not supervisees:
        raise ValidationError("Choose at least one supervisee.")
    current = set(roles.current_supervisees(supervisor).values_list("pk", flat=True))
    if any(s.pk not in current for s in supervisees):
        raise PermissionDenied("You can only schedule supervision with people you currently supervise.")
    if agreement is None and len(supervisees) == 1:
        agreement = current_agreement(supervisor, supervisees[0])
    session = SupervisionSession.objects.create(
        mode=SessionMode.GROUP if len(supervisees) > 1 else SessionMode.ONE_TO_ONE,
        supervisor=supervisor,
        agreement=agreement,
        template=template,
        template_snapshot=template.snapshot() if template else {"name": "No template", "sections": []},
        starts_at=starts_at,
        length_minutes=length_minutes,
        place=place,
    )
    SessionParticipant.objects.bulk_create([SessionParticipant(session=session, user=s) for s in supervisees])
    if send_invitations:
        transaction.on_commit(lambda: send_invitation(session))
    _remind_if_tomorrow(session)
    return session


def _remind_if_tomorrow(session):
    """A session booked for tomorrow may come after today's reminder run: run it again now (it sends each reminder once)."""
    if _local_date(session.starts_at) == timezone.localdate() + timedelta(days=1):
        transaction.on_commit(send_due_reminders.enqueue)


def send_invitation(session, method="REQUEST"):
    """Queue an email to everyone in the session: an invitation (or cancellation) with an .ics attachment."""
    session = SupervisionSession.objects.select_related("supervisor").prefetch_related("participants__user").get(pk=session.pk)
    url = absolute_url(session.get_absolute_url())
    ics = session_calendar(session, method=method, url=url)
    when = timezone.localtime(session.starts_at).strftime("%A %d %B %Y at %H:%M")
    subject = f"{'Cancelled: ' if method == 'CANCEL' else ''}Supervision on {when}"
    body = (
        f"{session.get_mode_display()} supervision with {session.supervisor} on {when}"
        f" for {session.length_minutes} minutes{f', {session.place}' if session.place else ''}.\n\n"
        f"Add anything you want to discuss to the agenda beforehand: {url}\n"
    )
    recipients = [session.supervisor.email] + [p.user.email for p in session.participants.all()]
    # Built now, sent by the worker: a slow mail server never holds up the supervisor's page.
    send_email.enqueue(
        subject, body, recipients,
        [("supervision.ics", ics.decode(), f"text/calendar; method={method}; charset=utf-8")],
    )


def reschedule_session(session, *, starts_at, length_minutes, place):
    if session.is_locked:
        raise addenda.LockedError("This record is signed off.")
    session.starts_at = starts_at
    session.length_minutes = length_minutes
    session.place = place
    session.ical_sequence += 1
    session.save(update_fields=["starts_at", "length_minutes", "place", "ical_sequence"])
    transaction.on_commit(lambda: send_invitation(session))
    _remind_if_tomorrow(session)
    return session


def _require(allowed, message="You cannot do that to this supervision record."):
    if not allowed:
        raise PermissionDenied(message)


def add_agenda_item(session, user, text):
    _require(permissions.can_add_agenda_item(user, session), "The agenda is closed for this session.")
    return AgendaItem.objects.create(session=session, added_by=user, text=text.strip())


def save_notes(session, user, notes: dict):
    _require(permissions.can_edit_record(user, session))
    known = {p["key"] for s in session.template_snapshot.get("sections", []) for p in s["prompts"]}
    session.notes = {k: v for k, v in {**session.notes, **notes}.items() if k in known}
    if session.status == SessionStatus.SCHEDULED:
        session.status = SessionStatus.IN_PROGRESS
    session.save(update_fields=["notes", "status"])
    return session


def add_case_discussion(session, user, **fields):
    _require(permissions.can_edit_record(user, session))
    return CaseDiscussion.objects.create(session=session, added_by=user, **fields)


def add_action(session, user, *, description, owner, due_on=None):
    _require(permissions.can_edit_record(user, session))
    allowed_owners = {session.supervisor_id} | {p.user_id for p in session.participants.all()}
    if owner.pk not in allowed_owners:
        raise ValidationError("An action's owner must be someone in the session.")
    return SupervisionAction.objects.create(session=session, description=description, owner=owner, due_on=due_on)


def set_action_status(action, user, status, *, in_session=None):
    _require(permissions.can_update_action(user, action), "You cannot change this action.")
    return core_actions.set_status(action, status, closed_in=in_session)


def carried_forward_actions(session):
    """Open actions from earlier sessions between the same supervisor and any of these supervisees."""
    supervisee_ids = [p.user_id for p in session.participants.all()]
    return (
        SupervisionAction.objects.filter(
            status=ActionStatus.OPEN,
            session__supervisor_id=session.supervisor_id,
            session__participants__user_id__in=supervisee_ids,
            session__starts_at__lt=session.starts_at,
        )
        .exclude(session=session)
        .select_related("owner", "session")
        .distinct()
        .order_by("due_on", "pk")
    )


def start_session(session, user):
    _require(permissions.can_manage_session(user, session) and session.status == SessionStatus.SCHEDULED)
    session.status = SessionStatus.IN_PROGRESS
    session.save(update_fields=["status"])


def send_for_sign_off(session, user):
    _require(permissions.can_manage_session(user, session) and session.status in (SessionStatus.SCHEDULED, SessionStatus.IN_PROGRESS))
    session.status = SessionStatus.AWAITING_SIGN_OFF
    session.save(update_fields=["status"])


def reopen(session, user):
    """Back to editing: every signature given so far is cleared, since the record may change."""
    _require(permissions.can_manage_session(user, session) and session.status == SessionStatus.AWAITING_SIGN_OFF)
    session.status = SessionStatus.IN_PROGRESS
    session.supervisor_signed_at = None
    session.save(update_fields=["status", "supervisor_signed_at"])
    session.participants.update(signed_at=None, disagreement="")


@transaction.atomic
def sign(session, user, disagreement=""):
    """Sign the record. A supervisee may record that they disagree; the last signature locks it."""
    _require(permissions.can_sign(user, session), "You cannot sign this record.")
    now = timezone.now()
    if user.pk == session.supervisor_id:
        session.supervisor_signed_at = now
        session.save(update_fields=["supervisor_signed_at"])
    else:
        session.participants.filter(user=user).update(signed_at=now, disagreement=disagreement.strip())
    if session.supervisor_signed_at and not session.participants.filter(signed_at__isnull=True).exists():
        session.status = SessionStatus.SIGNED_OFF
        session.locked_at = now
        session.save(update_fields=["status", "locked_at"])
        # In the same transaction: the record entries exist exactly when the sign-off does.
        contribute_supervision(session)
    return session


def contribute_supervision(session):
    """One development record entry per supervisee for a signed-off session."""
    record = record_api()
    url = session.get_absolute_url()  # relative, like the record's own entries
    title = f"{session.get_mode_display()} supervision with {session.supervisor}"
    count = 0
    for participant in session.participants.select_related("user"):
        record.contribute(
            owner=participant.user,
            source=RECORD_SOURCE_SUPERVISION,
            source_key=f"{session.pk}",
            kind="supervision",
            title=title,
            occurred_on=timezone.localtime(session.starts_at).date(),
            hours=session.hours,
            url=url,
        )
        count += 1
    return count


def add_addendum(session, user, text):
    _require(permissions.can_add_addendum(user, session), "Addenda are for signed-off records, by the people in them.")
    return addenda.add_addendum(Addendum, session, user, text)


def cancel_session(session, user):
    _require(permissions.can_manage_session(user, session) and session.status == SessionStatus.SCHEDULED)
    session.status = SessionStatus.CANCELLED
    session.ical_sequence += 1
    session.save(update_fields=["status", "ical_sequence"])
    transaction.on_commit(lambda: send_invitation(session, method="CANCEL"))


# ---- Due and overdue ---------------------------------------------------------------------------


def _local_date(moment):
    """The local date of a stored moment; its UTC date at the calendar's ends, where the offset overflows."""
    try:
        return timezone.localtime(moment).date()
    except OverflowError:
        return moment.date()


def agreements_of(supervisor, today):
    """The supervisor's agreements with the people they supervise that day (`supervisor`: a person or
    their id), each with when supervision with them was last held (`last_held`), by supervisee's name."""
    supervisor_id = getattr(supervisor, "pk", supervisor)
    current = roles.current_supervisees(User(pk=supervisor_id), on=today)
    return (
        SupervisionAgreement.objects.filter(supervisor=supervisor_id, supervisee__in=current, ended_on__isnull=True)
        .annotate(
            last_held=Max(
                "supervisee__supervision_participations__session__starts_at",
                filter=Q(
                    supervisee__supervision_participations__session__supervisor=supervisor_id,
                    supervisee__supervision_participations__session__status__in=HELD_STATUSES,
                ),
            )
        )
        .order_by("supervisee__first_name", "supervisee__last_name")
    )


def due_status_of(frequency, frequency_unit, starts_on, last_held, today):
    """How supervision under an agreement (its rhythm, start and last_held from agreements_of) stands today."""
    last = _local_date(last_held) if last_held else None
    return due_status(every=frequency, unit=frequency_unit, starts_on=starts_on, last_held=last, today=today)


def agreements_with_due_status(supervisor, today=None):
    """The supervisor's accepted agreements with current supervisees, each with .due (a DueStatus). Two queries."""
    today = today or timezone.localdate()
    result = []
    for agreement in agreements_of(supervisor, today).select_related("supervisee"):
        agreement.due = due_status_of(agreement.frequency, agreement.frequency_unit, agreement.starts_on,
                                      agreement.last_held, today)
        result.append(agreement)
    return result


# ---- Peer groups -------------------------------------------------------------------------------

PEER_GROUP_DETAILS = ("name", "description", "default_format")


@transaction.atomic
def create_peer_group(user, *, name, facilitator, members=(), description="", default_format=None):
    """A supervisor or practice lead sets up a peer group in their (first) team."""
    _require(permissions.can_create_group(user), "Supervisors and practice leads can set up peer groups.")
    group = PeerGroup(name=name, description=description or "", facilitator=facilitator,
                      team=roles.teams_of(user).first())
    if default_format:
        group.default_format = default_format
    group.save()
    group.members.set(list(members))
    return group


@transaction.atomic
def update_peer_group(group, user, *, facilitator=None, members=None, **details):
    """Rename or describe a group (facilitator or a lead of its team); change who is in it
    (facilitator or administrator only: membership opens the group's sessions)."""
    _require(permissions.can_edit_group(user, group), "Only the facilitator or a practice lead can change this group.")
    unknown = set(details) - set(PEER_GROUP_DETAILS)
    if unknown:
        raise ValueError(f"Not details of a peer group: {sorted(unknown)}")
    if facilitator is not None or members is not None:
        _require(permissions.can_change_group_members(user, group), "Only the facilitator or an administrator can change who is in this group.")
    for field, value in details.items():
        setattr(group, field, value)
    if facilitator is not None:
        group.facilitator = facilitator
    group.save()
    if members is not None:
        group.members.set(list(members))
    return group


# ---- Peer sessions -----------------------------------------------------------------------------


@transaction.atomic
def record_peer_session(*, group, recorded_by, attendees, guests, **fields):
    _require(permissions.can_record_peer_session(recorded_by, group), "You cannot record sessions for this group.")
    peer_session = PeerSession.objects.create(group=group, recorded_by=recorded_by, guests=guests, **fields)
    peer_session.attendees.set(attendees)
    contribute_peer_session(peer_session)
    return peer_session


def contribute_peer_session(peer_session, only=None):
    """A development record entry for each attendee; with their reflection it counts as CPD."""
    record = record_api()
    reflections = {r.author_id: r for r in peer_session.reflections.all()}
    url = peer_session.get_absolute_url()
    count = 0
    for attendee in peer_session.attendees.all():
        if only is not None and attendee.pk != only.pk:
            continue
        reflection = reflections.get(attendee.pk)
        record.contribute(
            owner=attendee,
            source=RECORD_SOURCE_PEER,
            source_key=f"{peer_session.pk}",
            kind="peer_session",
            title=f"{peer_session.get_format_display()}: {peer_session.group}",
            occurred_on=peer_session.held_on,
            hours=peer_session.hours,
            url=url,
            summary=reflection.text if reflection else "",
            counts_as_cpd=bool(reflection),
            includes_peer_reflection=bool(reflection),
        )
        count += 1
    return count


@transaction.atomic
def save_peer_reflection(peer_session, user, text):
    _require(permissions.can_reflect(user, peer_session), "Only people who attended can add a reflection.")
    reflection, _ = PeerReflection.objects.update_or_create(
        session=peer_session, author=user, defaults={"text": text.strip()}
    )
    contribute_peer_session(peer_session, only=user)
    return reflection


# ---- Team numbers ------------------------------------------------------------------------------


def team_numbers(team, start: date, end: date):
    """Supervision held against due, by type, and peer sessions by format, for a team and period."""
    members = roles.team_members(team)
    start_dt = timezone.make_aware(timezone.datetime.combine(start, timezone.datetime.min.time()))
    end_dt = timezone.make_aware(timezone.datetime.combine(end, timezone.datetime.max.time()))
    # Held and signed off in one pass: signed off is one of the held statuses.
    counts = (
        SupervisionSession.objects.filter(
            status__in=HELD_STATUSES, starts_at__range=(start_dt, end_dt), participants__user__in=members
        )
        .values("mode")
        .annotate(held=Count("pk", distinct=True), signed=Count("pk", distinct=True, filter=Q(status=SessionStatus.SIGNED_OFF)))
    )
    held_by_mode, signed = {}, {}
    for row in counts:
        held_by_mode[row["mode"]], signed[row["mode"]] = row["held"], row["signed"]
    due_one_to_one = 0
    for agreement in SupervisionAgreement.objects.filter(supervisee__in=members, ended_on__isnull=True).only(
        "frequency", "frequency_unit", "starts_on"
    ):
        due_one_to_one += len(
            due_dates_between(every=agreement.frequency, unit=agreement.frequency_unit, starts_on=agreement.starts_on, start=start, end=end)
        )
    supervision_rows = [
        {"type": "One-to-one", "held": held_by_mode.get("one_to_one", 0), "signed_off": signed.get("one_to_one", 0), "due": due_one_to_one},
        {"type": "Group", "held": held_by_mode.get("group", 0), "signed_off": signed.get("group", 0), "due": None},
    ]
    in_period = PeerSession.objects.filter(held_on__range=(start, end)).filter(
        Q(group__team=team) | Q(attendees__in=members)
    )
    # Count attendees on a fresh queryset: the filter's join would count only team members.
    peer = PeerSession.objects.filter(pk__in=in_period.values("pk"))
    by_format = {}
    for ps in peer.annotate(n_attendees=Count("attendees", distinct=True)).only("format", "length_minutes", "guests"):
        row = by_format.setdefault(ps.format, {"sessions": 0, "attendances": 0, "guests": 0, "minutes": 0, "person_minutes": 0})
        row["sessions"] += 1
        row["attendances"] += ps.n_attendees
        row["guests"] += len(ps.guests or [])
        row["minutes"] += ps.length_minutes
        row["person_minutes"] += ps.length_minutes * (ps.n_attendees + len(ps.guests or []))
    peer_rows = []
    for value, label in PeerFormat.choices:
        row = by_format.get(value, {"sessions": 0, "attendances": 0, "guests": 0, "minutes": 0, "person_minutes": 0})
        peer_rows.append({
            "format": label, "sessions": row["sessions"], "attendances": row["attendances"], "guests": row["guests"],
            "hours": round(row["minutes"] / 60, 1), "person_hours": round(row["person_minutes"] / 60, 1),
        })
    return {"team": team, "start": start, "end": end, "supervision": supervision_rows, "peer": peer_rows}


def open_actions_for(user):
    return SupervisionAction.objects.filter(owner=user, status=ActionStatus.OPEN).select_related("session")


def sessions_url(session):
    return reverse("supervision:session-detail", args=[session.pk])

