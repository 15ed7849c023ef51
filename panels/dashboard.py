"""Panels on the "My practice" dashboard: a worker's requests; for a chair, what waits and what is due."""

from django.db.models import Count, Window
from django.utils import timezone

from core.dashboard import Panel, first_and_count
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


def chair_panel_context(user, chaired):
    """What waits for the panels the person chairs (`chaired`: their ids and names)."""
    ids = [panel["id"] for panel in chaired]
    waiting, waiting_count = first_and_count(
        PanelRequest.objects.filter(panel__in=ids, status=RequestStatus.SUBMITTED)
        .select_related("panel", "worker").only("case_reference", "panel__name", *NAME_OF_WORKER)
        .order_by("submitted_at", "pk"),
        LIST_LIMIT,
    )
    return {
        "panels": chaired,
        "waiting": waiting,
        "waiting_count": waiting_count,
        "reviews": list(services.reviews_due(ids).select_related(None).select_related("request")
                        .only("review_on", "request__case_reference")[:LIST_LIMIT]),
        "today": timezone.localdate(),
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
