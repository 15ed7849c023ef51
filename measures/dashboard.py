"""A panel on the practice lead's and administrator's dashboard leading to the programme measures."""

from core.dashboard import Panel

from .services import can_view_measures


def dashboard_panels(request):
    if not can_view_measures(request.user):
        return []
    return [Panel(title="Programme measures", template="measures/panel.html", order=35)]
