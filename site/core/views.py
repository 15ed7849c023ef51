import copy
import re
import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction
from wagtail.views import serve as serve_page

from . import downloads, reminders
from .forms import EmailPreferencesForm
from .models import HomePage
from .process_cache import ProcessCache


def _home_pages():
    return {}  # root page id -> the live HomePage at that root (None: not one), filled as sites are seen


_home_pages_cache = ProcessCache(_home_pages, seconds=30, models=[Page, HomePage, PageViewRestriction])
# Wagtail's own hooks around serving a page; with any other, "/" is served by Wagtail as every page is.
_WAGTAIL_HOOKS = {"before_serve_page": {"check_request_method"}, "on_serve_page": {"check_view_restrictions"}}


def home(request):
    """The home page ("My practice", the dashboard people open most), served as Wagtail would.

    Wagtail finds a page by its path, its ancestors and their view restrictions (three queries) on
    every visit; the home page is the site's root, so which page it is and whether it is restricted
    are kept per process (core.process_cache: at once after a publish here, 30 s in another process).
    A restricted or unpublished home page, an unusual method or a serving hook of our own goes
    through Wagtail's serving, which answers those.
    """
    site = getattr(request, "_wagtail_site", None)
    page = _unrestricted_home(site.root_page_id) if site is not None else None
    if page is None or request.method not in ("GET", "HEAD") or not _only_wagtails_hooks():
        return serve_page(request, "")
    return copy.copy(page).serve(request)


def _unrestricted_home(root_page_id):
    pages = _home_pages_cache.get()
    if root_page_id not in pages:
        page = HomePage.objects.live().filter(pk=root_page_id).first()
        if page is not None and PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists():
            page = None
        pages[root_page_id] = page
    return pages[root_page_id]


def _only_wagtails_hooks():
    return all({fn.__name__ for fn in hooks.get_hooks(name)} <= known for name, known in _WAGTAIL_HOOKS.items())


def search_words(text, limit=20):
    """The words of what someone typed, for a full-text search: no quotes, operators or NUL bytes.

    The database's full-text syntax treats an unmatched quote or a NUL as an error (a 500); people mean
    the words, so the words are what we search for.
    """
    return " ".join(re.findall(r"\w+", text or "")[:limit])[:255]


def page_search(request):
    """Search the guidance pages (Wagtail's page search)."""
    query = request.GET.get("q", "").replace("\x00", "").strip()[:255]
    words = search_words(query)
    results = Page.objects.live().specific().search(words) if words else Page.objects.none()
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(request, "core/page_search.html", {"query": query, "results": page})


@never_cache
def my_data(request):
    """Download my data: a page explaining what is in it, and a button that downloads the ZIP."""
    if request.method != "POST":
        return render(request, "core/my_data.html")
    download = downloads.start(request.user, "my_data", title="Your data")
    return redirect(download)


@never_cache
def download_detail(request, pk):
    """A prepared download: progress while the worker builds it, then the link. Only its owner's."""
    download = downloads.for_owner(request.user, pk)
    if download is None:
        raise Http404("No such download")
    return render(request, "core/download_detail.html", {"download": download, "hours": settings.DOWNLOAD_HOURS})


@never_cache
def download_file(request, pk):
    download = downloads.for_owner(request.user, pk)
    if download is None or download.status != download.Status.READY:
        raise Http404("No such download")
    response = HttpResponse(downloads.content_of(download), content_type=download.content_type)
    response["Content-Disposition"] = f'attachment; filename="{download.file_name}"'
    return response


@never_cache
def email_preferences(request):
    """Choose which reminder emails you get (all on until you untick them)."""
    kinds = reminders.kinds()
    if request.method == "POST":
        form = EmailPreferencesForm(request.POST, kinds=kinds)
        if form.is_valid():
            reminders.set_preferences(request.user, form.cleaned_data["wanted"])
            messages.success(request, "Your email choices are saved.")
            return redirect("email-preferences")
    else:
        off = reminders.opted_out(request.user)
        form = EmailPreferencesForm(initial={"wanted": [kind for kind in kinds if kind not in off]}, kinds=kinds)
    return render(request, "core/email_preferences.html", {"form": form})


@login_not_required
@never_cache
def health(request):
    """For load balancers: 200 while this process can serve pages (body says ok or degraded), 503 not."""
    from .health import report

    status, body = report()
    return JsonResponse(body, status=status)


def permission_denied(request, exception=None):
    # Views refuse with a sentence written for the person (a locked record, an ended relationship):
    # show it rather than a generic guess at the reason.
    reason = str(exception) if isinstance(exception, Exception) and exception.args else ""
    return render(request, "403.html", {"reason": reason}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The service's own error page, even when the database is what failed (PostgreSQL restarting).

    Then the page is drawn without the request (its user, session and navigation need the
    database) and answers 503 with Retry-After, so the person is told to try again shortly and a
    load balancer or client knows the failure is temporary."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        body = loader.render_to_string("500.html", {"database_unavailable": True})
        return HttpResponse(body, status=503, headers={"Retry-After": "30"})
    try:
        return render(request, "500.html", status=500)
    except Exception:  # noqa: BLE001 - whatever failed also breaks the full page: the plain one
        return HttpResponse(loader.render_to_string("500.html"), status=500)
