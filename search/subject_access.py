"""Subject access: a person's shortlists, team notes and reports in the directory (see core.subject_access)."""

from .models import OutOfDateReport, ServiceNote, Shortlist


def export(user):
    shortlists = Shortlist.objects.filter(owner=user).prefetch_related("items__service").order_by("created_at", "pk")
    notes = ServiceNote.objects.filter(author=user).select_related("service").order_by("created_at", "pk")
    reports = OutOfDateReport.objects.filter(reported_by=user).select_related("service").order_by("created_at", "pk")
    return {
        "title": "Directory",
        "parts": [
            {
                "key": "shortlists",
                "title": "Shortlists",
                "items": [
                    {
                        "label": s.label,
                        "created_at": s.created_at,
                        "services": [{"service": i.service.name, "note": i.note, "added_at": i.added_at} for i in s.items.all()],
                    }
                    for s in shortlists
                ],
            },
            {
                "key": "team_notes",
                "title": "Team notes you wrote",
                "items": [{"service": n.service.name, "note": n.text, "written_at": n.created_at} for n in notes],
            },
            {
                "key": "out_of_date_reports",
                "title": "Out-of-date reports you made",
                "items": [
                    {"service": r.service.name, "reason": r.reason, "reported_at": r.created_at, "resolved_at": r.resolved_at}
                    for r in reports
                ],
            },
        ],
    }
