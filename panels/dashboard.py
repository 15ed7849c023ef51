"""Panels on the "My practice" dashboard: a worker's requests; for a chair, what waits and what is due."""

import datetime

from django.db.models import Count, Window
from django.utils import timezone

from core.dashboard import Panel
from core.prepared import PreparedQuery
from people.models import User

from . import permissions, services
from .models import PanelRequest, RequestStatus

LIST_LIMIT = 5
# A request's case text (what the person wants, risks, benefits) is never shown on the dashboard: each
# list reads only the columns its panel shows.
NAME_OF_WORKER = ("worker__first_name", "worker__last_name", "worker__email")

# Asked on every visit to the dashboard, so built once per process (core.prepared). The panels the
# person sits on, chaired ones included, by the one rule (permissions.panels_of) for that person.
_panels_sat_on = PreparedQuery(
    lambda person: permissions.panels_of(User(pk=person)).order_by("name").values("id", "name", "chair_id", "is_active"),
    person=int,
)
_open_requests = PreparedQuery(
    lambda worker: PanelRequest.objects.filter(worker=worker)
    .exclude(status__in=[RequestStatus.WITHDRAWN, RequestStatus.REVIEWED])
    .annotate(in_all=Window(Count("pk"))).order_by("-updated_at")
    .values("id", "case_reference", "status", "panel__name", "in_all")[:LIST_LIMIT],
    worker=int,
)
_open_actions = PreparedQuery(
    lambda owner: services.open_actions_for(owner).order_by("due_on", "pk").values("description", "due_on")[:LIST_LIMIT],
    owner=int,
)


def worker_panel_context(user):
    requests = _open_requests(worker=user.pk)
    for row in requests:
        row["status_label"] = RequestStatus(row["status"]).label
    return {"requests": requests, "requests_count": requests[0]["in_all"] if requests else 0,
            "actions": _open_actions(owner=user.pk)}


# A chair's lists: the requests waiting and the reviews due for the active panels they chair.
_waiting_for_chair = PreparedQuery(
    lambda chair: PanelRequest.objects.filter(panel__chair=chair, panel__is_active=True, status=RequestStatus.SUBMITTED)
    .annotate(in_all=Window(Count("pk"))).order_by("submitted_at", "pk")
    .values("id", "case_reference", "panel__name", "in_all", *NAME_OF_WORKER)[:LIST_LIMIT],
    chair=int,
)
_reviews_for_chair = PreparedQuery(
    lambda chair, until: services.reviews_due_by(until).filter(meeting__panel__chair=chair, meeting__panel__is_active=True)
    .values("review_on", "request_id", "request__case_reference")[:LIST_LIMIT],
    chair=int, until=datetime.date,
)


def chair_panel_context(user, chaired):
    """What waits for the panels the person chairs (`chaired`: their ids and names), as dicts."""
    today = timezone.localdate()
    waiting = _waiting_for_chair(chair=user.pk)
    for row in waiting:
        first, last, email = (row.pop(column) for column in NAME_OF_WORKER)
        row["worker"] = f"{first} {last}".strip() or email  # as User.__str__
    return {
        "panels": chaired,
        "waiting": waiting,
        "waiting_count": waiting[0]["in_all"] if waiting else 0,
        "reviews": _reviews_for_chair(chair=user.pk, until=today + datetime.timedelta(days=services.REVIEW_NOTICE_DAYS)),
        "today": today,
    }


def dashboard_panels(request):
    user = request.user
    if not user.is_authenticated:
        return []
    found = []
    sits_on = _panels_sat_on(person=user.pk)  # a person sits on a few
    chaired = [panel for panel in sits_on if panel["chair_id"] == user.pk and panel["is_active"]]
    if chaired:
        found.append(Panel(title="Risk enablement panels you chair", template="panels/dashboard_chair.html",
                           context=chair_panel_context(user, chaired), order=27))
    worker = worker_panel_context(user)
    if worker["requests"] or worker["actions"] or sits_on:
        found.append(Panel(title="Your risk enablement requests", template="panels/dashboard_worker.html",
                           context=worker, order=28))
    return found
