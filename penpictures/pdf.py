"""The pen picture and the conversation guide as tagged PDFs (through core.pdf), standard or large print."""

from django.template.loader import render_to_string

from core.pdf import data_url, render_pdf

from . import services
from .models import PenPictureLayout


def pen_picture_context(version, large):
    layout = PenPictureLayout.load()
    return {
        "version": version, "layout": layout, "sections": version.sections(layout), "large": large,
        "photo_url": data_url(bytes(version.photo), "image/jpeg") if version.photo else "",
    }


def pen_picture_pdf(version, large=False):
    context = pen_picture_context(version, large)
    html = render_to_string("penpictures/pen_picture_pdf.html", context)
    return render_pdf(html, title=context["layout"].title + (" (large print)" if large else ""))


def filename(stem, large):
    return f"{stem}{'-large-print' if large else ''}.pdf"


GUIDE_TITLE = "My pen picture: a conversation guide"


def guide_pdf(large=False):
    html = render_to_string("penpictures/guide_pdf.html", {"prompts": services.prompts(), "large": large, "title": GUIDE_TITLE})
    return render_pdf(html, title=GUIDE_TITLE + (" (large print)" if large else ""))
