"""Evidence files on logs and on learning added by hand: uploaded by the owner, opened only by
those who may read what they back (permissions.can_view_evidence), never from a public URL."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import permissions, services
from .forms import EvidenceForm
from .models import Evidence, RecordEntry, ReflectiveLog


def _upload(request, *, log=None, entry=None, back):
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        evidence = services.add_evidence(request.user, form.cleaned_data["file"], log=log, entry=entry)
        messages.success(request, f"Added {evidence.name}.")
        return redirect(back)
    return render(request, "learning/evidence_add.html", {
        "form": form, "log": log, "entry": entry, "back": back,
    }, status=400 if form.errors else 200)


def log_evidence_add(request, pk):
    log = get_object_or_404(ReflectiveLog, pk=pk)
    if not permissions.can_edit_log(request.user, log):
        raise Http404
    return _upload(request, log=log, back=reverse("learning:log-detail", args=[log.pk]))


def entry_evidence_add(request, pk):
    entry = get_object_or_404(RecordEntry, pk=pk, owner=request.user, source=services.MANUAL_SOURCE)
    return _upload(request, entry=entry, back=reverse("learning:record") + "?year=all")


def _evidence(request, pk):
    evidence = get_object_or_404(Evidence.objects.select_related("log", "entry"), pk=pk)
    if not permissions.can_view_evidence(request.user, evidence):
        raise Http404  # a file's existence is as private as what it backs
    return evidence


def evidence_download(request, pk):
    evidence = _evidence(request, pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=evidence.name,
                            content_type="application/octet-stream")
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def evidence_remove(request, pk):
    evidence = _evidence(request, pk)
    if evidence.owner_id != request.user.pk:
        raise Http404
    back = (reverse("learning:log-detail", args=[evidence.log_id]) if evidence.log_id
            else reverse("learning:record") + "?year=all")
    name = evidence.name
    services.remove_evidence(evidence, user=request.user)
    messages.success(request, f"Removed {name}.")
    return redirect(back)
