"""Views of the learning app: thin, calling services and permissions."""

from collections import OrderedDict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core import autosave
from core import downloads as core_downloads
from core.inputs import id_from
from core.pdf import pdf_response
from core.privacy import KIND_LABELS, mask
from people import roles
from people.models import User

from . import downloads, exports, permissions, services
from . import record as record_contract
from . import statements as framework_statements
from .forms import LogForm, LogSearchForm, ManualEntryForm, ShareForm
from .models import (
    ActivityType,
    RecordEntry,
    ReflectiveLog,
    ReflectiveTemplate,
    registration_year_bounds,
    registration_year_label,
    registration_year_start,
    tags_of,
)


def _own_log(request, pk):
    """The log if the user owns it; 404 otherwise (a log's existence is private)."""
    log = get_object_or_404(ReflectiveLog, pk=pk)
    if not permissions.can_edit_log(request.user, log):
        raise Http404
    return log


# ---- Logs -----------------------------------------------------------------------------------


def log_list(request):
    # The list shows neither the answers nor the prompts: not read, nor decoded from JSON.
    logs = ReflectiveLog.objects.filter(owner=request.user).defer("prompts", "answers", "search_text")
    form = LogSearchForm(request.GET or None, tags=tags_of(request.user))
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data.get("q"):
            for word in data["q"].split()[:10]:
                logs = logs.filter(search_text__icontains=word)
        if data.get("date_from"):
            logs = logs.filter(occurred_on__gte=data["date_from"])
        if data.get("date_to"):
            logs = logs.filter(occurred_on__lte=data["date_to"])
        if data.get("activity_type"):
            logs = logs.filter(activity_type=data["activity_type"])
        if data.get("statement"):
            logs = logs.filter(statements=data["statement"])
        if data.get("tag"):
            logs = logs.filter(tags__name=data["tag"])
    page = Paginator(logs, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "learning/log_list.html", {
        "form": form, "page": page, "logs": services.with_statements_and_tags(page.object_list), "query": query.urlencode(),
        "filtered": form.is_bound,
    })


def log_create(request):
    """Choose a reflective model. Nothing is stored until the first save or autosave (log_start)."""
    templates = ReflectiveTemplate.objects.filter(is_active=True)
    if request.method == "POST":
        template = templates.filter(pk=id_from(request.POST.get("template"))).first()
        if template is None:
            return render(request, "learning/log_create.html", {
                "templates": templates, "error": "Choose a reflective model to start your log",
            }, status=400)
        return redirect("learning:log-start", template=template.slug)
    return render(request, "learning/log_create.html", {"templates": templates})


def _findings(form):
    """The form's identifier warnings as rows for the log page's buttons."""
    return [
        {"field": field, "kind": KIND_LABELS[f.kind], "text": f.text}
        for field, found in form.findings.items() for f in found
    ]


def _based_on(request):
    """The version of the log the page was showing when this save was typed (None: not sent)."""
    return id_from(request.POST.get("based_on"))


def _edit_page(request, log):
    findings, conflict = [], None
    action = "save"
    if request.method == "POST":
        action = request.POST.get("action", "save")
        keep = action.endswith("-keep")
        action = action.removesuffix("-keep")
        if action not in ("save", "complete"):
            action = "save"
        complete = action == "complete" or (log.is_complete and action == "save")
        form = LogForm(request.POST, log=log, complete=complete)
        if form.is_valid():
            findings = _findings(form)
            if not findings or keep:
                try:
                    services.update_log(
                        log, user=request.user, changes=form.changes(), statements=form.cleaned_data["statements"],
                        complete=True if action == "complete" else None, based_on=_based_on(request),
                        tags=form.cleaned_data["tags"],
                    )
                except services.StaleLog as stale:
                    # Saved in another tab since this page opened: keep what was typed here and ask.
                    conflict = stale.current
                else:
                    messages.success(
                        request, "Your log is complete and on your development record." if log.is_complete
                        else "Draft saved."
                    )
                    return redirect("learning:log-detail", pk=log.pk)
    else:
        form = LogForm(initial=LogForm.initial_for(log), log=log)
    return render(request, "learning/log_edit.html", {
        "log": log, "form": form, "findings": findings, "lingering": _lingering(log) if log.pk else [],
        "action": action, "conflict": conflict,
        "version": conflict.version if conflict else (_based_on(request) or log.version),
        "autosave_url": reverse("learning:log-autosave", args=[log.pk]) if log.pk
        else reverse("learning:log-start-autosave", args=[log.template.slug]),
    }, status=409 if conflict else 200)


def _template_to_start(slug):
    return get_object_or_404(ReflectiveTemplate, slug=slug, is_active=True)


def log_start(request, template):
    """A new log on the chosen model: stored on its first save (here) or autosave (log_start_autosave)."""
    return _edit_page(request, services.new_log(request.user, _template_to_start(template)))


def log_edit(request, pk):
    return _edit_page(request, _own_log(request, pk))


def _autosave(request, log):
    """Save the draft typed so far, all or nothing.

    Any field that fails validation (too long, a NUL character...) means nothing is stored and the
    answer is HTTP 400 with saved: false, naming each field and why; the page then keeps the text
    on the device and says it was not saved. saved: true means every field sent was stored. A save
    based on an older version than the stored one (another tab saved since) is refused with 409.
    """
    form = LogForm(request.POST, log=log, shown=False)
    if not form.is_valid():
        return autosave.not_saved(form)
    statements = form.cleaned_data["statements"] if "statements" in request.POST else None
    try:
        services.autosave_log(
            log, user=request.user, changes=form.changes(), statements=statements, based_on=_based_on(request),
            tags=form.cleaned_data["tags"] if "tags" in request.POST else None,
        )
    except services.StaleLog as stale:
        return JsonResponse({
            "saved": False,
            "conflict": True,
            "version": stale.current.version,
            "saved_at": timezone.localtime(stale.current.updated_at).strftime("%H:%M:%S"),
            "errors": {},
            "not_saved": [],
        }, status=409)
    return JsonResponse({
        "saved": True,
        "saved_at": timezone.localtime(log.updated_at).strftime("%H:%M:%S"),
        "revision": log.latest_revision_id,
        "version": log.version,
        "log": log.pk,
        "edit_url": reverse("learning:log-edit", args=[log.pk]),
        "autosave_url": reverse("learning:log-autosave", args=[log.pk]),
        "errors": {},
    })


@require_POST
def log_autosave(request, pk):
    return _autosave(request, _own_log(request, pk))


@require_POST
def log_start_autosave(request, template):
    """The first autosave of a new log stores it; the page then carries on with log_autosave."""
    return _autosave(request, services.new_log(request.user, _template_to_start(template)))


def _lingering(log):
    """What earlier versions still hold that the worker edited out, masked for the page."""
    return [mask(f) for f in services.lingering_identifiers(log)]


def log_forget(request, pk):
    """Remove from every earlier version what the worker has edited out of their log."""
    log = _own_log(request, pk)
    if request.method == "POST":
        removed = services.forget_identifiers(log, request.user)
        if removed:
            messages.success(request, f"Removed {len(removed)} thing{'s' if len(removed) != 1 else ''} from the earlier versions of this log.")
        else:
            messages.success(request, "The earlier versions hold nothing you have edited out.")
        return redirect("learning:log-detail", pk=log.pk)
    return render(request, "learning/log_forget.html", {"log": log, "lingering": _lingering(log)})


def log_detail(request, pk):
    log = get_object_or_404(
        ReflectiveLog.objects.select_related("owner").prefetch_related("shared_supervisors", "shared_teams", "peer_group_shares"),
        pk=pk,
    )
    if not permissions.can_view_log(request.user, log):
        raise Http404
    services.with_statements_and_tags([log])
    return render(request, "learning/log_detail.html", {
        "log": log,
        "is_owner": log.owner_id == request.user.pk,
        "shared_supervisors": log.shared_supervisors.all(),
        "shared_teams": log.shared_teams.all(),
        "shared_groups": log.peer_group_shares.all(),
        "evidence": log.evidence.all(),
        "cpd_details": services.cpd_details(log) if log.is_complete else [],
        "lingering": _lingering(log) if log.owner_id == request.user.pk else [],
    })


def log_share(request, pk):
    log = _own_log(request, pk)
    supervisors = roles.current_supervisors(request.user)
    teams = roles.teams_of(request.user)
    peer_groups = record_contract.peer_groups_of(request.user)
    if request.method == "POST":
        form = ShareForm(request.POST, supervisors=supervisors, teams=teams, peer_groups=peer_groups)
        if form.is_valid():
            audience = form.cleaned_data["audience"]
            chosen_groups = dict(peer_groups)
            services.share_log(
                log, user=request.user, audience=audience, supervisors=form.cleaned_data["supervisors"],
                teams=form.cleaned_data["teams"],
                peer_groups={pk: chosen_groups[pk] for pk in form.cleaned_data.get("peer_groups", [])},
            )
            if audience == "private" and not form.cleaned_data["teams"] and not form.cleaned_data.get("peer_groups"):
                messages.success(request, "Sharing withdrawn: only you can read this log.")
            else:
                messages.success(request, "Sharing updated.")
            return redirect("learning:log-detail", pk=log.pk)
    else:
        audience = (
            "all_supervisors" if log.share_with_all_supervisors
            else "chosen" if log.shared_supervisors.exists() else "private"
        )
        form = ShareForm(
            initial={
                "audience": audience,
                "supervisors": log.shared_supervisors.all(),
                "teams": log.shared_teams.all(),
                "peer_groups": list(log.peer_group_shares.values_list("peer_group_id", flat=True)),
            },
            supervisors=supervisors, teams=teams, peer_groups=peer_groups,
        )
    return render(request, "learning/log_share.html", {"log": log, "form": form, "has_supervisors": supervisors.exists()})


def log_delete(request, pk):
    log = _own_log(request, pk)
    if request.method == "POST":
        services.delete_log(log)
        messages.success(request, "Log deleted.")
        return redirect("learning:log-list")
    return render(request, "learning/log_delete.html", {"log": log})


def log_revisions(request, pk):
    log = _own_log(request, pk)
    revisions = log.revisions.order_by("-created_at", "-id")
    return render(request, "learning/log_revisions.html", {"log": log, "revisions": revisions})


def _revision(log, revision_id):
    revision = log.revisions.filter(pk=revision_id).first()
    if revision is None:
        raise Http404
    return revision


def log_revision(request, pk, revision_id):
    log = _own_log(request, pk)
    revision = _revision(log, revision_id)
    return render(request, "learning/log_revision.html", {"log": log, "revision": revision, "old": revision.as_object()})


@require_POST
def log_revision_restore(request, pk, revision_id):
    log = _own_log(request, pk)
    revision = _revision(log, revision_id)
    services.restore_revision(log, revision, user=request.user)
    messages.success(request, f"Restored the version saved at {timezone.localtime(revision.created_at):%H:%M on %d %B %Y}.")
    return redirect("learning:log-edit", pk=log.pk)


def shared_with_me(request):
    logs = services.logs_shared_with(request.user).select_related("owner")
    page = Paginator(logs, 25).get_page(request.GET.get("page"))
    return render(request, "learning/shared_with_me.html", {"page": page, "logs": page.object_list})


# ---- Development record ---------------------------------------------------------------------


def _record_owner(request, user_id=None):
    owner = request.user if user_id is None else get_object_or_404(User, pk=user_id)
    if not permissions.can_view_record(request.user, owner):
        raise PermissionDenied
    return owner


def _year_filter(request, default_current=True):
    raw = request.GET.get("year", "")
    if raw == "all":
        return None
    year = id_from(raw)
    if year and 1990 <= year <= 2100:
        return year
    return registration_year_start(timezone.localdate()) if default_current else None


def _entries(owner, year=None, statement=None):
    entries = RecordEntry.objects.filter(owner=owner)
    if year is not None:
        entries = entries.filter(occurred_on__range=registration_year_bounds(year))
    if statement is not None:
        entries = entries.filter(statements=statement)
    return entries


def record(request, user_id=None):
    owner = _record_owner(request, user_id)
    year = _year_filter(request)
    statements = framework_statements.by_pk()
    statement = statements.get(id_from(request.GET.get("statement")))
    entries = _entries(owner, year, statement).prefetch_related("statements", "evidence")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    this_year = registration_year_start(timezone.localdate())
    years = list(range(this_year, this_year - 6, -1))
    query = request.GET.copy()
    query.pop("page", None)
    is_owner = owner.pk == request.user.pk
    shown = record_contract.visible_content(request.user, page.object_list)
    rows = []
    for entry in shown:
        entry_statements = [statements[s.pk] for s in entry.statements.all() if s.pk in statements]
        if is_owner and entry.counts_as_cpd:
            entry.swe_sections = exports.cpd_sections(entry, entry_statements)
            entry.copy_id = f"cpd-{entry.pk}"
        rows.append((entry, entry_statements))
    return render(request, "learning/record.html", {
        "owner": owner,
        "is_owner": is_owner,
        "page": page,
        "entries": rows,
        "year": year,
        "year_label": registration_year_label(year) if year is not None else "All years",
        "years": [(y, registration_year_label(y)) for y in years],
        "statement": statement,
        "statement_choices": statements.values(),
        "readiness": services.readiness(owner),
        "query": query.urlencode(),
        "export_base": reverse("learning:record-export", kwargs={"fmt": "pdf"}) if is_owner
        else reverse("learning:record-export-for", kwargs={"user_id": owner.pk, "fmt": "pdf"}),
    })


def coverage(request, user_id=None):
    owner = _record_owner(request, user_id)
    year = _year_filter(request, default_current=False)
    counts = dict(
        _entries(owner, year).values("statements").annotate(n=Count("id", distinct=True)).values_list("statements", "n")
    )
    frameworks = OrderedDict()
    for s in framework_statements.all_statements():
        if not s.domain.framework.is_active:
            continue
        frameworks.setdefault(s.domain.framework, []).append((s, counts.get(s.pk, 0)))
    summary = [(f, sum(1 for _, n in rows if n), len(rows), rows) for f, rows in frameworks.items()]
    return render(request, "learning/coverage.html", {
        "owner": owner, "is_owner": owner.pk == request.user.pk, "frameworks": summary, "year": year,
        "year_label": registration_year_label(year) if year is not None else "All years",
        "years": [(y, registration_year_label(y)) for y in range(registration_year_start(timezone.localdate()), registration_year_start(timezone.localdate()) - 6, -1)],
    })


def record_add(request):
    form = ManualEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and form.warnings_accepted():
        data = form.cleaned_data
        services.add_manual_entry(
            request.user, kind=data["kind"], title=data["title"], occurred_on=data["occurred_on"],
            hours=data["hours"], summary=data["summary"], statement_ids=[s.pk for s in data["statements"]],
            includes_peer_reflection=data["peer_reflection"],
        )
        messages.success(request, "Added to your development record.")
        return redirect("learning:record")
    return render(request, "learning/record_add.html", {"form": form})


def record_entry_delete(request, pk):
    entry = get_object_or_404(RecordEntry, pk=pk, owner=request.user, source=services.MANUAL_SOURCE)
    if request.method == "POST":
        services.remove_manual_entry(entry, user=request.user)
        messages.success(request, "Removed from your development record.")
        return redirect("learning:record")
    return render(request, "learning/record_entry_delete.html", {"entry": entry})


def record_export(request, fmt, user_id=None):
    owner = _record_owner(request, user_id)
    year = _year_filter(request)
    if fmt == "csv":
        return exports.record_csv(request.user, owner, year)
    if fmt == "json":
        return exports.record_json(request.user, owner, year)
    if fmt == "pdf":
        from .pdf import render_portfolio

        label = year if year is not None else "all"
        entries = RecordEntry.objects.filter(owner=owner)
        if year is not None:
            entries = entries.filter(occurred_on__range=registration_year_bounds(year))
        if entries.count() > downloads.BACKGROUND_ENTRIES:
            job = core_downloads.start(request.user, "portfolio_pdf", title="CPD portfolio",
                                       params={"owner_id": owner.pk, "year": year})
            return redirect(job)
        return pdf_response(render_portfolio(owner, year, viewer=request.user), f"cpd-portfolio-{label}.pdf")
    raise Http404


ACTIVITY_LABELS = dict(ActivityType.choices)
