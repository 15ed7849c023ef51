"""Panels on the "My practice" dashboard: a worker's requests; for a chair, what waits and what is due."""

from django.utils import timezone

from core.dashboard import Panel, first_and_count

from . import permissions, services
from .models import Panel as EnablementPanel
from .models import PanelRequest, RequestStatus

LIST_LIMIT = 5
# A request's case text (what the person wants, risks, benefits) is never shown on the dashboard: each
# list reads only the columns its panel shows.
NAME_OF_WORKER = ("worker__first_name", "worker__last_name", "worker__email")


def worker_panel_context(user):
    requests, requests_count = first_and_count(
        PanelRequest.objects.filter(worker=user)
        .exclude(status__in=[RequestStatus.WITHDRAWN, RequestStatus.REVIEWED])
        .select_related("panel").only("case_reference", "status", "panel__name").order_by("-updated_at"),
        LIST_LIMIT,
    )
    actions = services.open_actions_for(user).select_related(None).only("description", "due_on").order_by("due_on", "pk")
    return {"requests": requests, "requests_count": requests_count, "actions": list(actions[:LIST_LIMIT])}


def chaired_by(user):
    return list(EnablementPanel.objects.filter(chair=user, is_active=True).order_by("name"))


def chair_panel_context(user, chaired=None):
    chaired = chaired_by(user) if chaired is None else chaired
    waiting, waiting_count = first_and_count(
        PanelRequest.objects.filter(panel__in=chaired, status=RequestStatus.SUBMITTED)
        .select_related("panel", "worker").only("case_reference", "panel__name", *NAME_OF_WORKER)
        .order_by("submitted_at", "pk"),
        LIST_LIMIT,
    )
    return {
        "panels": chaired,
        "waiting": waiting,
        "waiting_count": waiting_count,
        "reviews": list(services.reviews_due([p.pk for p in chaired]).select_related(None).select_related("request")
                        .only("review_on", "request__case_reference")[:LIST_LIMIT]),
        "today": timezone.localdate(),
    }


def dashboard_panels(request):
    user = request.user
    if not user.is_authenticated:
        return []
    found = []
    # The panels the person sits on, chaired ones included, in one query (a person sits on a few).
    sits_on = list(permissions.panels_of(user).order_by("name"))
    chaired = [panel for panel in sits_on if panel.chair_id == user.pk and panel.is_active]
    if chaired:
        found.append(Panel(title="Risk enablement panels you chair", template="panels/dashboard_chair.html",
                           context=chair_panel_context(user, chaired), order=27))
    worker = worker_panel_context(user)
    if worker["requests"] or worker["actions"] or sits_on:
        found.append(Panel(title="Your risk enablement requests", template="panels/dashboard_worker.html",
                           context=worker, order=28))
    return found
