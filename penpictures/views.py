"""My pen picture and the conversation guide. Everything here is the signed-in worker's own: a
version of someone else's pen picture is not found (404), whoever asks."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.inputs import id_from
from core.pdf import pdf_response

from . import pdf, services
from .forms import PenPictureForm
from .models import PenPictureLayout, PenPictureVersion


def _large(request):
    return request.GET.get("large") == "1"


def _own_version(request, pk):
    return get_object_or_404(PenPictureVersion.objects.select_related("pen_picture"), pk=pk, pen_picture__owner=request.user)


def _chosen_version(request):
    """?version=N picks one of the worker's own versions; otherwise the current one (404 if none yet)."""
    version_id = id_from(request.GET.get("version", ""))
    if version_id:
        return _own_version(request, version_id)
    version = services.current_version(request.user)
    if version is None:
        raise Http404("No pen picture yet")
    return version


def mine(request):
    current = services.current_version(request.user)
    layout = PenPictureLayout.load()
    return render(request, "penpictures/mine.html", {
        "current": current, "sections": current.sections(layout) if current else [], "layout": layout,
        "versions": services.versions_of(request.user).defer("photo"),
    })


def edit(request):
    current = services.current_version(request.user)
    if request.method == "POST":
        form = PenPictureForm(request.POST, request.FILES, writer=request.user)
        if form.is_valid() and form.warnings_accepted():
            version = services.save_version(
                request.user, texts=form.texts(), photo=form.cleaned_data["photo"],
                photo_description=form.cleaned_data["photo_description"], remove_photo=form.cleaned_data["remove_photo"],
            )
            messages.success(request, f"Your pen picture is saved as version {version.number}, and it is the current one.")
            return redirect("penpictures:mine")
    else:
        initial = {}
        if current:
            initial = {key: getattr(current, key) for key in ("who_i_am", "what_i_do", "what_i_enjoy", "how_to_reach_me",
                                                              "photo_description")}
        form = PenPictureForm(initial=initial, writer=request.user)
    return render(request, "penpictures/edit.html", {"form": form, "current": current})


@require_POST
def make_current(request, pk):
    version = _own_version(request, pk)
    services.make_current(request.user, version)
    messages.success(request, f"Version {version.number} is now your current pen picture.")
    return redirect("penpictures:mine")


def version_detail(request, pk):
    version = _own_version(request, pk)
    layout = PenPictureLayout.load()
    return render(request, "penpictures/version.html", {
        "version": version, "sections": version.sections(layout), "layout": layout,
        "is_current": version.pen_picture.current_id == version.pk,
    })


def photo(request, pk):
    version = _own_version(request, pk)
    if not version.photo:
        raise Http404("No photo")
    response = HttpResponse(bytes(version.photo), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


def print_view(request):
    version = _chosen_version(request)
    context = pdf.pen_picture_context(version, _large(request))
    context["photo_url"] = ""  # the page shows the photo through its own address, not a data: URL
    return render(request, "penpictures/print.html", context)


def download(request):
    version = _chosen_version(request)
    large = _large(request)
    return pdf_response(pdf.pen_picture_pdf(version, large), pdf.filename("my-pen-picture", large))


def guide(request):
    return render(request, "penpictures/guide.html", {
        "prompts": services.prompts(), "large": _large(request), "title": pdf.GUIDE_TITLE,
    })


def guide_download(request):
    large = _large(request)
    return pdf_response(pdf.guide_pdf(large), pdf.filename("pen-picture-conversation-guide", large))
