"""Supervision panels on the "My practice" dashboard. Each panel runs a fixed number of queries."""

import datetime

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from core.dashboard import Panel
from core.prepared import PreparedQuery
from people import roles
from people.models import User

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
# Each list reads only the columns its panel shows (.only): a session's notes and template, the
# people's other details, are never read, not decoded, not turned into objects.


def _name_of(relation):
    """The columns a person's name needs (User.__str__), through a relation: the rest is not read."""
    return (f"{relation}__first_name", f"{relation}__last_name", f"{relation}__email")


def _led_now(supervisor, today):
    """Sessions the supervisor led and may still read: one with a supervisee they no longer supervise
    belongs to that person and their current supervisor now (permissions.sessions_in_the_room)."""
    return permissions.sessions_in_the_room(User(pk=supervisor), on=today).filter(supervisor=supervisor)


def _awaiting_of(supervisor, today):
    return _led_now(supervisor, today).filter(status=SessionStatus.AWAITING_SIGN_OFF).order_by("starts_at", "pk")


# A supervisor's panel is on every visit of theirs: its queries are built once per process.
_awaiting_sign_off = PreparedQuery(
    lambda supervisor, today: _awaiting_of(supervisor, today).annotate(in_all=Window(Count("pk")))
    .values("id", "starts_at", "in_all")[:LIST_LIMIT],
    supervisor=int, today=datetime.date,
)
_in_the_awaiting_sessions = PreparedQuery(
    lambda supervisor, today: SessionParticipant.objects.filter(
        session__in=_awaiting_of(supervisor, today).values("pk")[:LIST_LIMIT],
    ).order_by("user__first_name", "user__last_name", "user__email").values("session_id", *_name_of("user")),
    supervisor=int, today=datetime.date,
)
_open_actions_from_sessions_led = PreparedQuery(
    lambda supervisor, today: SupervisionAction.objects.filter(
        session__in=_led_now(supervisor, today).values("pk"), status=ActionStatus.OPEN,
    ).annotate(in_all=Window(Count("pk"))).order_by("due_on", "pk")
    .values("description", "due_on", "in_all", *_name_of("owner"))[:LIST_LIMIT],
    supervisor=int, today=datetime.date,
)


_agreements_led = PreparedQuery(
    lambda supervisor, today: services.agreements_of(supervisor, today)
    .values("supervisee_id", "frequency", "frequency_unit", "starts_on", "last_held", *_name_of("supervisee")),
    supervisor=int, today=datetime.date,
)


def supervisor_panel_context(user, today=None):
    """Supervisees due or overdue, sessions awaiting sign-off and open actions, for a supervisor, the
    lists as dicts of what the panel shows."""
    today = today or timezone.localdate()
    due = []
    for row in _agreements_led(supervisor=user.pk, today=today):
        row["due"] = services.due_status_of(row["frequency"], row["frequency_unit"], row["starts_on"], row["last_held"], today)
        if row["due"].state != "ok":
            due.append(_named(row, "supervisee"))
    awaiting = _awaiting_sign_off(supervisor=user.pk, today=today)
    names = {}
    for row in _in_the_awaiting_sessions(supervisor=user.pk, today=today) if awaiting else ():
        names.setdefault(row["session_id"], []).append(_named(row, "user")["user"])
    for session in awaiting:
        session["participants"] = names.get(session["id"], [])
    actions = [_named(row, "owner") for row in _open_actions_from_sessions_led(supervisor=user.pk, today=today)]
    return {
        "due": due,
        "awaiting": awaiting,
        "awaiting_count": awaiting[0]["in_all"] if awaiting else 0,
        "actions": actions,
        "actions_count": actions[0]["in_all"] if actions else 0,
        "today": today,
    }


def _coming_and_to_sign(person, since):
    coming = Q(status__in=[SessionStatus.SCHEDULED, SessionStatus.IN_PROGRESS], starts_at__gte=since)
    # In one filter() with the person, so "unsigned" is their own participation, not a co-supervisee's.
    to_sign = Q(status=SessionStatus.AWAITING_SIGN_OFF, participants__signed_at__isnull=True)
    return (
        SupervisionSession.objects.filter(Q(participants__user=person) & (coming | to_sign))
        .annotate(nth=Window(RowNumber(), partition_by=[F("status")], order_by=[F("starts_at").asc(), F("pk").asc()]))
        .filter(nth__lte=LIST_LIMIT).order_by("starts_at", "pk")
        .values("id", "starts_at", "place", "status", *_name_of("supervisor"))
    )


# The worker's panel is on most visits to the dashboard: its queries are built once per process.
_sessions_of_worker = PreparedQuery(_coming_and_to_sign, person=int, since=datetime.datetime)
_open_actions_of_worker = PreparedQuery(
    lambda owner: SupervisionAction.objects.filter(owner=owner, status=ActionStatus.OPEN)
    .annotate(in_all=Window(Count("pk"))).order_by("due_on", "pk")
    .values("description", "due_on", "session_id", "session__starts_at", "in_all")[:LIST_LIMIT],
    owner=int,
)
# Agreements the worker has still to accept (the same rule as permissions.can_accept_agreement).
_agreements_to_accept = PreparedQuery(
    lambda supervisee: SupervisionAgreement.objects.filter(
        supervisee=supervisee, ended_on__isnull=True, supervisee_accepted_at__isnull=True,
    ).order_by("starts_on", "pk").values("id", "supervisor_accepted_at", *_name_of("supervisor"))[:LIST_LIMIT],
    supervisee=int,
)


_a_supervisor_of = PreparedQuery(
    lambda person, today: roles.current_supervisors(User(pk=person), on=today).values("pk")[:1],
    person=int, today=datetime.date,
)


def _named(row, relation):
    """A row with the person's name (as User.__str__ gives it) in place of their name's columns."""
    first, last, email = (row.pop(column) for column in _name_of(relation))
    row[relation] = f"{first} {last}".strip() or email
    return row


def worker_panel_context(user):
    """The worker's next session, records waiting for their signature, open actions and agreements
    to accept, as dicts of what the panel shows. The two kinds of session come in one query: up to
    LIST_LIMIT of each status, by date."""
    sessions = [_named(row, "supervisor") for row in
                _sessions_of_worker(person=user.pk, since=timezone.now() - datetime.timedelta(hours=12))]
    actions = _open_actions_of_worker(owner=user.pk)
    return {
        "to_accept": [_named(row, "supervisor") for row in _agreements_to_accept(supervisee=user.pk)],
        "next_session": next((s for s in sessions if s["status"] != SessionStatus.AWAITING_SIGN_OFF), None),
        "to_sign": [s for s in sessions if s["status"] == SessionStatus.AWAITING_SIGN_OFF],
        "actions": actions,
        "actions_count": actions[0]["in_all"] if actions else 0,
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
            or _a_supervisor_of(person=user.pk, today=timezone.localdate())):
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
