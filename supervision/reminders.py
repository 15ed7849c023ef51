"""Supervision's reminder emails (core.reminders): sessions tomorrow, agreements to accept,
records to sign, actions coming due or overdue, and supervision overdue against an agreement.

Titles, dates and colleagues' names only: never an action's words, notes or case references.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from core.reminders import Reminder

from . import services
from .models import (
    ActionStatus,
    SessionParticipant,
    SessionStatus,
    SupervisionAction,
    SupervisionAgreement,
    SupervisionSession,
)

ACTION_DUE_SOON_DAYS = 3

KINDS = {
    "session_tomorrow": "A supervision session tomorrow",
    "agreement_to_accept": "A supervision agreement waiting for you to accept it",
    "sign_off_waiting": "A supervision record waiting for your signature (weekly until signed)",
    "action_due": "Supervision actions coming due and overdue",
    "supervision_overdue": "Supervision overdue against an agreement (for supervisors)",
}


def _day(moment):
    return f"{timezone.localtime(moment):%A %d %B %Y}"


def _date(day):
    return f"{day:%d %B %Y}"


def sessions_tomorrow(today):
    start = timezone.make_aware(datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time.min))
    sessions = (
        SupervisionSession.objects.filter(
            status=SessionStatus.SCHEDULED, starts_at__gte=start, starts_at__lt=start + datetime.timedelta(days=1)
        )
        .select_related("supervisor")
        .prefetch_related("participants__user")
    )
    for session in sessions:
        when = timezone.localtime(session.starts_at)
        subject = f"Supervision tomorrow at {when:%H:%M}"
        body = (
            f"You have a {session.get_mode_display().lower()} supervision session on {_day(session.starts_at)} "
            f"at {when:%H:%M}.\nAdd anything you want to discuss to the agenda before you meet."
        )
        key = f"session-{session.pk}-{when:%Y-%m-%dT%H:%M}"  # a rescheduled session is reminded again
        for person in [session.supervisor, *(p.user for p in session.participants.all())]:
            yield Reminder(person, "session_tomorrow", key, subject, body, session.get_absolute_url())


def agreements_to_accept(today):
    agreements = SupervisionAgreement.objects.filter(
        Q(supervisor_accepted_at__isnull=True) | Q(supervisee_accepted_at__isnull=True), ended_on__isnull=True
    ).select_related("supervisor", "supervisee")
    for agreement in agreements:
        key = f"agreement-{agreement.pk}-v{agreement.version}"
        for person, accepted, other in (
            (agreement.supervisor, agreement.supervisor_accepted_at, agreement.supervisee),
            (agreement.supervisee, agreement.supervisee_accepted_at, agreement.supervisor),
        ):
            if accepted is None:
                yield Reminder(
                    person, "agreement_to_accept", key,
                    "A supervision agreement is waiting for you to accept it",
                    f"Your supervision agreement with {other.get_full_name() or other.email} (version "
                    f"{agreement.version}, from {_date(agreement.starts_on)}) is waiting for you to read and accept it.",
                    agreement.get_absolute_url(),
                )


def records_to_sign(today):
    week = "{}-w{:02d}".format(*today.isocalendar()[:2])  # once a week until signed
    waiting = []
    for participant in SessionParticipant.objects.filter(
        session__status=SessionStatus.AWAITING_SIGN_OFF, signed_at__isnull=True
    ).select_related("user", "session"):
        waiting.append((participant.user, participant.session))
    for session in SupervisionSession.objects.filter(
        status=SessionStatus.AWAITING_SIGN_OFF, supervisor_signed_at__isnull=True
    ).select_related("supervisor"):
        waiting.append((session.supervisor, session))
    for person, session in waiting:
        yield Reminder(
            person, "sign_off_waiting", f"sign-off-{session.pk}-{week}",
            f"Please sign your supervision record from {timezone.localtime(session.starts_at):%d %B %Y}",
            "A supervision record is waiting for your signature. Read it, and sign it or record what you disagree with.",
            f"{session.get_absolute_url()}#sign-off",
        )


def actions_due(today):
    actions = SupervisionAction.objects.filter(
        status=ActionStatus.OPEN, due_on__lte=today + datetime.timedelta(days=ACTION_DUE_SOON_DAYS)
    ).select_related("owner", "session")
    for action in actions:
        overdue = action.due_on < today
        state = "overdue" if overdue else "due"
        yield Reminder(
            action.owner, "action_due", f"action-{action.pk}-{state}-{action.due_on.isoformat()}",
            f"Supervision action {'overdue since' if overdue else 'due on'} {_date(action.due_on)}",
            # The action's words stay on the site: the record may be closed to its owner by now.
            f"An action you own from the supervision session of {_date(timezone.localtime(action.session.starts_at).date())} "
            f"is {'overdue since' if overdue else 'due on'} {_date(action.due_on)}. "
            "Mark it done or discuss it at your next session.",
            action.session.get_absolute_url(),
        )


def supervision_overdue(today):
    supervisor_ids = (
        SupervisionAgreement.objects.filter(ended_on__isnull=True).values_list("supervisor", flat=True).distinct()
    )
    for supervisor in get_user_model().objects.filter(pk__in=supervisor_ids, is_active=True):
        for agreement in services.agreements_with_due_status(supervisor, today):
            if agreement.due.state != "overdue":
                continue
            name = agreement.supervisee.get_full_name() or agreement.supervisee.email
            yield Reminder(
                supervisor, "supervision_overdue", f"overdue-{agreement.pk}-{agreement.due.due_on.isoformat()}",
                f"Supervision with {name} is overdue",
                f"Under your agreement ({agreement.frequency_text}), supervision with {name} was due on "
                f"{_date(agreement.due.due_on)}. Book a session.",
                agreement.get_absolute_url(),
            )


def due(today):
    """Every supervision reminder that is due today."""
    yield from sessions_tomorrow(today)
    yield from agreements_to_accept(today)
    yield from records_to_sign(today)
    yield from actions_due(today)
    yield from supervision_overdue(today)
