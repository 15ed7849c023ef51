"""A worker's pen picture on the "My practice" dashboard."""

from core.dashboard import Panel
from people import roles
from people.models import Role

from . import services


def dashboard_panels(request):
    user = request.user
    if not user.is_authenticated or not roles.has_role(user, Role.WORKER, Role.SUPERVISOR):
        return []
    return [Panel(title="My pen picture", template="penpictures/dashboard.html",
                  context={"number": services.current_version_number(user)}, order=40)]
