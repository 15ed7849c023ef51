import functools

from django.urls import NoReverseMatch, reverse

from people.roles import can_use_admin


def navigation(request):
    """The main navigation: one list, each app's entry shown to those who can use it."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"main_navigation": []}
    items = list(_items())
    if can_use_admin(user):
        items.append(("Admin", "/admin/", None))
    path = request.path
    nav = []
    for label, url, mode in items:
        active = path == url if mode == "exact" else path.startswith(url)
        nav.append({"label": label, "url": url, "active": active})
    return {"main_navigation": nav}


@functools.cache
def _items():
    # The addresses do not change while the process runs: reversed once, not on every page.
    items = [
        ("My practice", "/", "exact"),
        ("Development record", _url("learning:record"), None),
        ("Reflective logs", _url("learning:log-list"), None),
        ("Supervision", _url("supervision:index"), None),
        ("Peer learning", _url("supervision:peer-group-list"), None),
        ("Risk enablement", _url("panels:index"), None),
        ("Directory", _url("search:search"), None),
        ("Guidance", "/guidance/", None),
    ]
    return tuple(item for item in items if item[1])


def _url(name):
    try:
        return reverse(name)
    except NoReverseMatch:
        return None
