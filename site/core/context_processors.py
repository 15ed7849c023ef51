from django.urls import reverse

from people.roles import can_use_admin


def navigation(request):
    """The main navigation: one list, each app's entry shown to those who can use it."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"main_navigation": []}
    items = [
        ("My practice", "/", "exact"),
        ("Development record", reverse("learning:record") if _has_url("learning:record") else None, None),
        ("Reflective logs", reverse("learning:log-list") if _has_url("learning:log-list") else None, None),
        ("Supervision", reverse("supervision:index") if _has_url("supervision:index") else None, None),
        ("Peer learning", reverse("supervision:peer-group-list") if _has_url("supervision:peer-group-list") else None, None),
        ("Risk enablement", reverse("panels:index") if _has_url("panels:index") else None, None),
        ("Directory", reverse("search:search") if _has_url("search:search") else None, None),
        ("Guidance", "/guidance/", None),
    ]
    if can_use_admin(user):
        items.append(("Admin", "/admin/", None))
    path = request.path
    nav = []
    for label, url, mode in items:
        if not url:
            continue
        active = path == url if mode == "exact" else path.startswith(url)
        nav.append({"label": label, "url": url, "active": active})
    return {"main_navigation": nav}


def _has_url(name):
    try:
        reverse(name)
    except Exception:
        return False
    return True
