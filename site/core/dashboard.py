"""The "My practice" dashboard is made of panels that each app contributes.

An app adds panels by having a module `<app>/dashboard.py` with a function
`dashboard_panels(request) -> list[Panel]`. The home page never reads another app's models.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Window

from .app_hooks import app_modules


@dataclass
class Panel:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100  # lower comes first
    wide: bool = False


def first_and_count(queryset, limit):
    """The first `limit` rows of an ordered queryset and how many rows it has in all, in one query.

    A panel shows a few items and "N in all": the count rides on each row (COUNT(*) OVER ()),
    computed before the limit. Not for a DISTINCT queryset (the count would be of rows before it).
    """
    rows = list(queryset.annotate(in_all=Window(Count("pk")))[:limit])
    return rows, rows[0].in_all if rows else 0


def panels_for(request):
    panels = []
    for _config, module in app_modules("dashboard"):
        provider = getattr(module, "dashboard_panels", None)
        if provider:
            panels.extend(provider(request))
    return sorted(panels, key=lambda p: (p.order, p.title))


def dashboard_panels(request):
    """The site's own panel: who you are and where to start."""
    from people.models import Role
    from people.roles import can_use_admin, roles_of

    labels = dict(Role.choices)
    links = [{"label": "Your account and security", "url": "/people/me/"}, {"label": "Guidance", "url": "/guidance/"},
             {"label": "Download my data", "url": "/my-data/"}]
    if can_use_admin(request.user):
        links.append({"label": "Manage teams, templates and the directory (admin)", "url": "/admin/"})
    return [
        Panel(
            title="Welcome",
            template="core/panel_welcome.html",
            context={"roles": [labels[r] for r in sorted(roles_of(request.user))], "links": links},
            order=1000,
        )
    ]
