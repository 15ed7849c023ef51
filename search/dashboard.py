"""The directory's panel on "My practice": the worker's shortlist, and the editors' review queue."""

from django.urls import NoReverseMatch, reverse

from core.dashboard import Panel

from . import permissions, shortlists
from .models import OutOfDateReport


def dashboard_panels(request):
    user = request.user
    if not user.is_authenticated:
        return []
    shortlist = shortlists.current(request)
    context = {
        "shortlist_count": len(shortlists.current_ids(request)) if shortlist else 0,
        "shortlist_url": reverse("search:shortlist"),
        "search_url": _url("search:search"),
    }
    if permissions.can_view_review_list(user):
        context["open_reports"] = OutOfDateReport.objects.filter(resolved_at__isnull=True).count()
        context["review_url"] = reverse("search:review-list")
    return [Panel(title="Directory", template="search/panel_directory.html", context=context, order=300)]


def _url(name):
    try:
        return reverse(name)
    except NoReverseMatch:
        return None
