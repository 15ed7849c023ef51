"""Learning's prepared downloads (core.downloads): a large CPD portfolio PDF, built by the worker."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from . import permissions

# Above this many record entries the portfolio PDF is prepared in the background (about 6-8 s at
# 2,000 entries inside a request); smaller ones still download at once.
BACKGROUND_ENTRIES = 300


def build_portfolio(viewer, params, progress):
    from .pdf import render_portfolio

    owner = get_user_model().objects.get(pk=params["owner_id"])
    if not permissions.can_view_record(viewer, owner):  # asked again: a supervision may have ended since
        raise PermissionDenied
    progress("Writing the portfolio PDF")
    year = params.get("year")
    label = year if year is not None else "all"
    return f"cpd-portfolio-{label}.pdf", "application/pdf", render_portfolio(owner, year, viewer=viewer)


BUILDERS = {"portfolio_pdf": build_portfolio}
