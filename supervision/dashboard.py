"""Supervision panels on the "My practice" dashboard. Each panel runs a fixed number of queries."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from core.dashboard import Panel, first_and_count
from people import roles

from . import permissions, services
from .models import (
    ActionStatus,
    SessionParticipant,
    SessionStatus,
    SupervisionAction,
    SupervisionAgreement,
    SupervisionSession,
)

LIST_LIMIT = 5
# A session's notes and its template are never shown on the dashboard: not read, not decoded.
UNSHOWN = ("notes", "template_snapshot")


def supervisor_panel_context(user, today=None):
    """Supervisees due or overdue, sessions awaiting sign-off and open actions, for a supervisor."""
    today = today or timezone.localdate()
    due = [a for a in services.agreements_with_due_status(user, today) if a.due.state != "ok"]
    # Only sessions the supervisor may still read: one with a supervisee they no longer supervise
    # belongs to that person and their current supervisor now.
    led_now = permissions.sessions_in_the_room(user).filter(supervisor=user)
    awaiting, awaiting_count = first_and_count(
        led_now.filter(status=SessionStatus.AWAITING_SIGN_OFF).defer(*UNSHOWN).order_by("starts_at")
        .prefetch_related(Prefetch("participants", queryset=SessionParticipant.objects.select_related("user"))),
        LIST_LIMIT,
    )
    actions, actions_count = first_and_count(
        SupervisionAction.objects.filter(session__in=led_now.values("pk"), status=ActionStatus.OPEN)
        .select_related("owner", "session").defer(*(f"session__{name}" for name in UNSHOWN)).order_by("due_on", "pk"),
        LIST_LIMIT,
    )
    return {
        "due": due,
        "awaiting": awaiting,
        "awaiting_count": awaiting_count,
        "actions": actions,
        "actions_count": actions_count,
        "today": today,
    }


def worker_panel_context(user):
    upcoming = (
        SupervisionSession.objects.filter(
            participants__user=user,
            status__in=[SessionStatus.SCHEDULED, SessionStatus.IN_PROGRESS],
            starts_at__gte=timezone.now() - datetime.timedelta(hours=12),
        )
        .select_related("supervisor")
        .defer(*UNSHOWN)
        .order_by("starts_at")
        .first()
    )
    to_sign = SupervisionSession.objects.filter(
        participants__user=user, participants__signed_at__isnull=True, status=SessionStatus.AWAITING_SIGN_OFF
    ).defer(*UNSHOWN).order_by("starts_at")[:LIST_LIMIT]
    actions, actions_count = first_and_count(
        services.open_actions_for(user).defer(*(f"session__{name}" for name in UNSHOWN)).order_by("due_on", "pk"), LIST_LIMIT
    )
    # Agreements the worker has still to accept (the same rule as permissions.can_accept_agreement).
    to_accept = (
        SupervisionAgreement.objects.filter(supervisee=user, ended_on__isnull=True, supervisee_accepted_at__isnull=True)
        .select_related("supervisor")
        .order_by("starts_on", "pk")[:LIST_LIMIT]
    )
    return {
        "to_accept": list(to_accept),
        "next_session": upcoming,
        "to_sign": list(to_sign),
        "actions": actions,
        "actions_count": actions_count,
    }


def dashboard_panels(request):
    user = request.user
    if not user.is_authenticated:
        return []
    panels = []
    if roles.current_supervisee_ids(user):
        panels.append(Panel(title="Supervision you give", template="supervision/panel_supervisor.html",
                            context=supervisor_panel_context(user), order=20))
    worker = worker_panel_context(user)
    if (worker["next_session"] or worker["actions"] or worker["to_sign"] or worker["to_accept"]
            or roles.current_supervisors(user).exists()):
        panels.append(Panel(title="Your supervision", template="supervision/panel_worker.html", context=worker, order=25))
    if roles.is_practice_lead(user):
        team = roles.led_teams(user).first()
        if team is not None:
            today = timezone.localdate()
            from .views import chart_rows

            numbers = services.team_numbers(team, today - datetime.timedelta(days=90), today)
            panels.append(Panel(title="Supervision and peer learning in your team", template="supervision/panel_lead.html",
                                context={"numbers": numbers, "chart": chart_rows(numbers)}, order=30, wide=True))
    return panels
