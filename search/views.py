"""The directory's pages (the search page itself lives in search.engine)."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder

from core.pdf import pdf_response, render_pdf
from core.words import count

from . import permissions, shortlists
from .forms import (
    AddToShortlistForm,
    OutOfDateReportForm,
    ResolveReportForm,
    ServiceNoteForm,
    ShortlistForm,
    ShortlistItemForm,
)
from .models import REVIEW_INTERVAL, OutOfDateReport, Service, ServiceNote, Shortlist, ShortlistItem
from .oruk import prefetch_services


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path on this site: redirect() would read a bare word such as "abc" as a view name (a 500).
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def _service_or_404(pk):
    service = prefetch_services(Service.objects.filter(pk=pk)).first()
    if service is None:
        raise Http404("No such service")
    return service


# ---- The service page ---------------------------------------------------------------------------


def _came_from(request):
    """(label, path) of the list the person opened this service from, for the breadcrumb, or None.

    Read from the Referer (same-origin only, by the Referrer-Policy): the search with its words
    and filters, or a shortlist. Anything else gets no crumb of its own.
    """
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc != request.get_host():
        return None
    try:
        name = resolve(referer.path).view_name
    except Resolver404:
        return None
    path = referer.path + (f"?{referer.query}" if referer.query else "")
    return {"search:shortlist": ("Your shortlist", path), "search:shortlist-detail": ("Shortlist", path),
            "search:search": ("Search results", path)}.get(name)



def service_detail(request, pk, note_form=None):
    service = _service_or_404(pk)
    if not permissions.can_view_service(request.user, service):
        raise PermissionDenied
    notes = ServiceNote.objects.filter(service=service).select_related("author")
    open_reports = OutOfDateReport.objects.filter(service=service, resolved_at__isnull=True).count()
    context = {
        "service": service,
        "sites": shortlists.sites_of(service),
        "service_schedules": [s for s in service.schedules.all() if s.service_at_location_id is None],
        "review_overdue": service.review_overdue(),
        "notes": notes if permissions.can_view_team_notes(request.user) else [],
        "note_form": note_form or ServiceNoteForm(),
        "open_reports": open_reports,
        "is_editor": permissions.is_directory_editor(request.user),
        "edit_url": AdminURLFinder(request.user).get_edit_url(service) if permissions.is_directory_editor(request.user) else None,
        "on_shortlist": service.pk in shortlists.current_ids(request),
        "came_from": _came_from(request),
    }
    return render(request, "search/service_detail.html", context, status=400 if note_form else 200)


@require_POST
def note_add(request, pk):
    service = get_object_or_404(Service, pk=pk)
    if not permissions.can_add_team_note(request.user):
        raise PermissionDenied
    form = ServiceNoteForm(request.POST)
    if not form.is_valid():
        return service_detail(request, pk, note_form=form)
    note = form.save(commit=False)
    note.service, note.author = service, request.user
    note.save()
    messages.success(request, "Your team note has been added.")
    return redirect(reverse("search:service-detail", args=[service.pk]) + "#team-notes")


@require_POST
def note_delete(request, note_id):
    note = get_object_or_404(ServiceNote, pk=note_id)
    if not permissions.can_delete_team_note(request.user, note):
        raise PermissionDenied
    service_id = note.service_id
    note.delete()
    messages.success(request, "The team note has been deleted.")
    return redirect(reverse("search:service-detail", args=[service_id]) + "#team-notes")


def report_out_of_date(request, pk):
    service = get_object_or_404(Service, pk=pk)
    if not permissions.can_report_out_of_date(request.user):
        raise PermissionDenied
    form = OutOfDateReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = form.save(commit=False)
        report.service, report.reported_by = service, request.user
        report.save()
        messages.success(request, "Thank you. The directory editors will check this listing.")
        return redirect("search:service-detail", pk=service.pk)
    return render(
        request, "search/report_out_of_date.html", {"service": service, "form": form},
        status=400 if form.is_bound else 200,
    )


# ---- The editors' review list -------------------------------------------------------------------

OVERDUE_SHOWN = 100  # the oldest first; the rest wait their turn


def review_list(request):
    if not permissions.can_view_review_list(request.user):
        raise PermissionDenied
    reports = (
        OutOfDateReport.objects.filter(resolved_at__isnull=True)
        .select_related("service", "reported_by")
        .order_by("created_at")
    )
    cutoff = timezone.localdate() - REVIEW_INTERVAL
    overdue = (
        Service.objects.listed()
        .filter(Q(assured_date__lt=cutoff) | Q(assured_date__isnull=True))
        .select_related("organization")
        .order_by("assured_date", "name")
    )
    overdue_count = overdue.count()
    overdue = overdue[:OVERDUE_SHOWN]
    recently_resolved = (
        OutOfDateReport.objects.filter(resolved_at__isnull=False)
        .select_related("service", "resolved_by")
        .order_by("-resolved_at")[:10]
    )
    return render(
        request,
        "search/review_list.html",
        {
            "reports": reports,
            "overdue": overdue,
            "overdue_count": overdue_count,
            "recently_resolved": recently_resolved,
            "resolve_form": ResolveReportForm(),
        },
    )


@require_POST
def report_resolve(request, report_id):
    report = get_object_or_404(OutOfDateReport, pk=report_id)
    if not permissions.can_resolve_report(request.user, report):
        raise PermissionDenied
    form = ResolveReportForm(request.POST, instance=report)
    if form.is_valid():
        report = form.save(commit=False)
        report.resolved_at, report.resolved_by = timezone.now(), request.user
        report.save()
        messages.success(request, f"The report about {report.service} is resolved.")
    return redirect("search:review-list")


@require_POST
def service_mark_reviewed(request, pk):
    service = get_object_or_404(Service, pk=pk)
    if not permissions.is_directory_editor(request.user):
        raise PermissionDenied
    service.assured_date = timezone.localdate()
    service.assurer_email = request.user.email
    service.save()
    service.save_revision(user=request.user, clean=False, log_action=True)
    messages.success(request, f"{service.name} is marked as reviewed today.")
    return redirect(_safe_next(request, reverse("search:review-list")))


# ---- Shortlists ---------------------------------------------------------------------------------


def _own_shortlist(request, shortlist_id):
    shortlist = Shortlist.objects.filter(pk=shortlist_id).first()
    if shortlist is None or not permissions.can_use_shortlist(request.user, shortlist):
        raise Http404("No such shortlist")  # someone else's shortlist is not theirs to know about
    return shortlist


def shortlist_current(request):
    shortlist = shortlists.current(request)
    if shortlist is None:
        return render(
            request,
            "search/shortlist_empty.html",
            {"others": Shortlist.objects.filter(owner=request.user).annotate(count=Count("items"))[:20], "form": ShortlistForm()},
        )
    return redirect("search:shortlist-detail", shortlist_id=shortlist.pk)


def shortlist_detail(request, shortlist_id, label_form=None, item_form=None):
    """The shortlist; with label_form or item_form, shown again with that form's errors and the text typed."""
    shortlist = _own_shortlist(request, shortlist_id)
    shortlists.make_current(request, shortlist)
    items = shortlists.items_for_print(shortlist)
    others = Shortlist.objects.filter(owner=request.user).exclude(pk=shortlist.pk).annotate(count=Count("items"))[:20]
    return render(
        request,
        "search/shortlist_detail.html",
        {
            "shortlist": shortlist,
            "items": [
                (item, item_form if item_form is not None and item_form.instance.pk == item.pk
                 else ShortlistItemForm(instance=item, prefix=f"item-{item.pk}"))
                for item in items
            ],
            "label_form": label_form or ShortlistForm(instance=shortlist),
            "others": others,
            "has_errors": bool(label_form or item_form),
        },
        status=400 if label_form or item_form else 200,
    )


@require_POST
def shortlist_new(request):
    form = ShortlistForm(request.POST)
    if not form.is_valid():
        return render(
            request, "search/shortlist_empty.html",
            {"others": Shortlist.objects.filter(owner=request.user).annotate(count=Count("items"))[:20], "form": form},
            status=400,
        )
    shortlist = form.save(commit=False)
    shortlist.owner = request.user
    shortlist.save()
    shortlists.make_current(request, shortlist)
    messages.success(request, "A new shortlist is started. Services you add now go on it.")
    return redirect(_safe_next(request, reverse("search:shortlist-detail", args=[shortlist.pk])))


@require_POST
def shortlist_rename(request, shortlist_id):
    shortlist = _own_shortlist(request, shortlist_id)
    form = ShortlistForm(request.POST, instance=shortlist)
    if not form.is_valid():
        return shortlist_detail(request, shortlist_id, label_form=form)
    form.save()
    messages.success(request, "Saved.")
    return redirect("search:shortlist-detail", shortlist_id=shortlist.pk)


@require_POST
def shortlist_delete(request, shortlist_id):
    shortlist = _own_shortlist(request, shortlist_id)
    shortlist.delete()
    shortlists.forget_current(request, shortlist_id)
    messages.success(request, "The shortlist has been deleted.")
    return redirect("search:shortlist")


@require_POST
def shortlist_add(request):
    form = AddToShortlistForm(request.POST)
    if not form.is_valid():
        messages.error(request, "We could not add that service to your shortlist.")
        return redirect(_safe_next(request, reverse("search:shortlist")))
    service = Service.objects.filter(pk=form.cleaned_data["service"]).first()
    if service is None:
        raise Http404("No such service")
    shortlist, added = shortlists.add(request, service)
    if added:
        messages.success(request, f"{service.name} is on your shortlist ({count(shortlist.items.count(), 'service')}).")
    else:
        messages.info(request, f"{service.name} is already on your shortlist.")
    return redirect(_safe_next(request, reverse("search:shortlist-detail", args=[shortlist.pk])))


@require_POST
def shortlist_item_edit(request, item_id):
    item = get_object_or_404(ShortlistItem.objects.select_related("shortlist", "service"), pk=item_id)
    _own_shortlist(request, item.shortlist_id)
    form = ShortlistItemForm(request.POST, instance=item, prefix=f"item-{item.pk}")
    if not form.is_valid():
        # The page again, the error beside the note and the text as typed: nothing is lost.
        return shortlist_detail(request, item.shortlist_id, item_form=form)
    form.save()
    messages.success(request, f"Your note for {item.service.name} is saved.")
    return redirect(reverse("search:shortlist-detail", args=[item.shortlist_id]) + f"#item-{item.pk}")


@require_POST
def shortlist_item_remove(request, item_id):
    item = get_object_or_404(ShortlistItem.objects.select_related("service"), pk=item_id)
    _own_shortlist(request, item.shortlist_id)
    item.delete()
    messages.success(request, f"{item.service.name} is off your shortlist.")
    return redirect(_safe_next(request, reverse("search:shortlist-detail", args=[item.shortlist_id])))


def _print_context(shortlist, large):
    return {"shortlist": shortlist, "items": shortlists.items_for_print(shortlist), "large": large, "today": timezone.localdate()}


def shortlist_print(request, shortlist_id):
    shortlist = _own_shortlist(request, shortlist_id)
    large = request.GET.get("large") == "1"
    return render(request, "search/shortlist_print.html", _print_context(shortlist, large))


def shortlist_pdf(request, shortlist_id):
    shortlist = _own_shortlist(request, shortlist_id)
    large = request.GET.get("large") == "1"
    html = render_to_string("search/shortlist_pdf.html", _print_context(shortlist, large), request=request)
    title = "Services that could help" + (" (large print)" if large else "")
    return pdf_response(render_pdf(html, title=title), shortlists.filename(shortlist, "pdf", large=large))


def shortlist_text(request, shortlist_id):
    shortlist = _own_shortlist(request, shortlist_id)
    text = shortlists.as_text(shortlists.items_for_print(shortlist), timezone.localdate())
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{shortlists.filename(shortlist, "txt")}"'
    return response
