"""The CPD portfolio as a PDF (WeasyPrint), for a registration year or for everything."""

from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import render_pdf

from . import record, services
from .models import RecordEntry, registration_year_bounds, registration_year_label


def render_portfolio(owner, year=None, viewer=None):
    """The portfolio as `viewer` (default: the owner) may see it (record.visible_content): text only where its rule allows."""
    entries = RecordEntry.objects.filter(owner=owner).prefetch_related("statements__domain__framework")
    if year is not None:
        entries = entries.filter(occurred_on__range=registration_year_bounds(year))
    entries = record.visible_content(viewer or owner, entries.order_by("occurred_on", "id"))
    html = render_to_string("learning/portfolio_pdf.html", {
        "owner": owner,
        "not_shared": record.NOT_SHARED,
        "entries": entries,
        "cpd_entries": [e for e in entries if e.counts_as_cpd],
        "period": registration_year_label(year) if year is not None else "All entries",
        "readiness": services.readiness(owner, registration_year_bounds(year)[1]) if year is not None else None,
        "generated": timezone.localtime(),
        "total_hours": sum((e.hours or 0) for e in entries),
    })
    return render_pdf(html, title=f"CPD portfolio – {owner.get_full_name() or owner.email}")
