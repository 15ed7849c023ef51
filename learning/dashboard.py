"""Dashboard panels: a worker's recent logs and CPD readiness; a supervisor's shared logs."""

from core.dashboard import Panel
from people import roles
from people.models import User

from . import permissions, reminders, services
from .models import ReflectiveLog


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
                "logs": list(ReflectiveLog.objects.filter(owner=user).order_by("-updated_at")[:5]),
            },
            order=10,
        )
    ]
    supervisee_ids = roles.current_supervisee_ids(user)  # shared with the supervision panels
    if supervisee_ids:
        # The one rule for reading a log (permissions.logs_shared_with), narrowed to supervisees.
        logs = list(
            permissions.logs_shared_with(user).filter(owner__in=supervisee_ids)
            .select_related("owner").order_by("-completed_at", "-id")[:5]
        )
        panels.append(Panel(
            title="Shared with you by people you supervise",
            template="learning/panel_supervisor.html",
            context={"logs": logs, "supervisees": list(User.objects.filter(pk__in=supervisee_ids))},
            order=20,
        ))
    return panels
