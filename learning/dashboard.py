"""Dashboard panels: a worker's recent logs and CPD readiness; a supervisor's shared logs."""

from core.dashboard import Panel
from core.prepared import PreparedQuery
from people import roles

from . import permissions, reminders, services
from .models import ReflectiveLog

LISTED = ("title", "occurred_on", "status")  # what a panel shows of a log


# Titles and dates only: the answers and prompts (the logs' text) are not read here.
_recent_logs = PreparedQuery(
    lambda owner: ReflectiveLog.objects.filter(owner=owner).order_by("-updated_at").values("id", *LISTED)[:5],
    owner=int,
)


def dashboard_panels(request):
    user = request.user
    if not user.is_authenticated:
        return []
    readiness = services.readiness(user)
    panels = [
        Panel(
            title="Your learning",
            template="learning/panel_worker.html",
            context={
                "readiness": readiness,
                "deadline": reminders.banner(user, readiness=readiness),
                "logs": _recent_logs(owner=user.pk),
            },
            order=10,
        )
    ]
    supervisees = roles.supervisees_today(user)  # read once for all the panels
    if supervisees:
        # The one rule for reading a log (permissions.logs_shared_with), narrowed to supervisees.
        logs = list(
            permissions.logs_shared_with(user).filter(owner__in=[person.pk for person in supervisees])
            .select_related("owner").only(*LISTED, "owner__first_name", "owner__last_name", "owner__email")
            .order_by("-completed_at", "-id")[:5]
        )
        panels.append(Panel(
            title="Shared with you by people you supervise",
            template="learning/panel_supervisor.html",
            context={"logs": logs, "supervisees": supervisees},
            order=20,
        ))
    return panels
