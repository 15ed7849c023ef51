"""The development record as CSV and JSON, one registration year (or all) at a time.

Both use Social Work England's CPD form: the same fields, in the same order, as the PDF portfolio
and the copy buttons on the record page (SWE_FORM), then a few columns about the record itself.
Everything goes through record.visible_content, so a viewer gets only the text its rule allows.
"""

import json

from django.http import HttpResponse
from django.utils import timezone

from core.exports import csv_response

from . import record
from .models import RecordEntry, registration_year_bounds, registration_year_label

STANDARD_4 = "swe-standard-4-cpd"

# Social Work England's CPD form, in its order: (key, heading).
SWE_FORM = [
    ("title", "Title"),
    ("date", "Date of the activity"),
    ("cpd_type", "Type of CPD activity"),
    ("description", "Description of the activity and why it was relevant to your practice"),
    ("learning", "What you learnt"),
    ("impact", "The impact on your practice and on the people you work with"),
    ("peer_reflection", "Peer reflection"),
    ("standard_4", "Professional standard 4: the parts this relates to"),
]
SWE_HEADINGS = dict(SWE_FORM)
# What the record adds after the form's fields.
RECORD_COLUMNS = [
    ("kind", "Kind of entry"),
    ("hours", "Hours"),
    ("counts_as_cpd", "Counts as CPD"),
    ("includes_peer_reflection", "Includes peer reflection"),
    ("statements", "Framework statements"),
]


def standard_4_parts(statements):
    """'4.1 Learning from feedback; 4.3 ...' for the statements of SWE standard 4 among these."""
    return "; ".join(
        f"{s.code} {s.title}" for s in statements if s.domain.framework.slug == STANDARD_4
    )


def cpd_fields(entry, statements=None):
    """{key: text} of an entry in SWE_FORM order, from its copy-ready CPD text where it has some
    (logs), else from its summary (learning added by hand, supervision, peer sessions).
    statements: the entry's statements with domain and framework loaded (default: entry.statements)."""
    statements = list(entry.statements.all()) if statements is None else statements
    fields = {key: "" for key, _heading in SWE_FORM}
    fields.update({
        "title": entry.title,
        "date": f"{entry.occurred_on:%d %B %Y}",
        "cpd_type": entry.kind_label,
        "standard_4": standard_4_parts(statements),
    })
    if not getattr(entry, "content_shown", True):
        for key in ("description", "learning", "impact", "peer_reflection"):
            fields[key] = record.NOT_SHARED
        return fields
    sections = entry.cpd_details or []
    if sections and all("key" in section for section in sections):
        for section in sections:
            if section["key"] in fields and section["key"] not in ("title", "date", "standard_4"):
                fields[section["key"]] = section.get("text", "")
    else:
        # Learning added by hand says what was learnt; older log entries kept headings only.
        fields["learning"] = entry.summary or "\n\n".join(
            f"{s.get('heading', '')}: {s.get('text', '')}" for s in sections if s.get("text")
        )
    return fields


def cpd_sections(entry, statements=None):
    """[{key, heading, text}] in SWE_FORM order: the copy buttons of the record page."""
    fields = cpd_fields(entry, statements)
    return [{"key": key, "heading": heading, "text": fields[key]} for key, heading in SWE_FORM]


def _rows(viewer, owner, year):
    entries = RecordEntry.objects.filter(owner=owner)
    if year is not None:
        entries = entries.filter(occurred_on__range=registration_year_bounds(year))
    entries = entries.prefetch_related("statements__domain__framework").order_by("occurred_on", "id")
    for entry in record.visible_content(viewer, entries):
        row = cpd_fields(entry)
        row.update({
            "kind": entry.kind_label,
            "hours": str(entry.hours) if entry.hours is not None else "",
            "counts_as_cpd": entry.counts_as_cpd,
            "includes_peer_reflection": entry.includes_peer_reflection,
            "statements": [f"{s.domain.framework.short_name} {s.code}" for s in entry.statements.all()],
            "content_shared": entry.content_shown,
        })
        yield row


def _name(owner, year, ext):
    label = year if year is not None else "all-years"
    return f"cpd-record-{label}.{ext}"


def record_csv(viewer, owner, year):
    """The record for a registration year (None: every year) as CSV, in SWE's order."""
    response, writer = csv_response(_name(owner, year, "csv"))
    columns = SWE_FORM + RECORD_COLUMNS
    writer.writerow([heading for _key, heading in columns])
    for row in _rows(viewer, owner, year):
        row["statements"] = "; ".join(row["statements"])
        row["counts_as_cpd"] = "Yes" if row["counts_as_cpd"] else "No"
        row["includes_peer_reflection"] = "Yes" if row["includes_peer_reflection"] else "No"
        writer.writerow([row[key] for key, _heading in columns])
    return response


def record_json(viewer, owner, year):
    """The same as JSON: entries hold the same keys, in the same order, as the CSV's columns."""
    body = {
        "owner": owner.get_full_name() or owner.email,
        "registration_year": registration_year_label(year) if year is not None else "All years",
        "exported_on": timezone.localdate().isoformat(),
        "fields": [{"key": key, "heading": heading} for key, heading in SWE_FORM + RECORD_COLUMNS],
        "entries": list(_rows(viewer, owner, year)),
    }
    response = HttpResponse(json.dumps(body, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{_name(owner, year, "json")}"'
    return response
