"""Subject access: what a person owns in learning (found by name by core.subject_access).

Only the person's own logs, self-assessments and development record: a colleague's log shared
with them is the colleague's, and stays out.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Revision

from .models import Evidence, RecordEntry, ReflectiveLog, SelfAssessment


def _statement(statement):
    return f"{statement.domain.framework.short_name} {statement.code}: {statement.title}"


def _log_revision_dates(logs):
    """{log pk: [revision dates]} in one query for all the logs."""
    dates = {}
    if not logs:
        return dates
    content_type = ContentType.objects.get_for_model(ReflectiveLog)
    revisions = Revision.objects.filter(
        content_type=content_type, object_id__in=[str(log.pk) for log in logs]
    ).order_by("created_at", "pk").values_list("object_id", "created_at")
    for object_id, created_at in revisions:
        dates.setdefault(int(object_id), []).append(created_at)
    return dates


def _logs(user):
    logs = list(
        ReflectiveLog.objects.filter(owner=user)
        .prefetch_related("statements__domain__framework", "shared_supervisors", "shared_teams", "peer_group_shares",
                          "tags")
        .order_by("occurred_on", "pk")
    )
    revision_dates = _log_revision_dates(logs)
    return [
        {
            "id": log.pk,
            "title": log.title,
            "template": log.template_name,
            "status": log.get_status_display(),
            "occurred_on": log.occurred_on,
            "hours": log.hours,
            "activity_type": log.get_activity_type_display(),
            "person_reference": log.person_reference,
            "answers": [{"question": prompt["heading"], "answer": answer} for prompt, answer in log.answer_items()],
            "statements": [_statement(s) for s in log.statements.all()],
            "tags": [t.name for t in log.tags.all()],
            "shared_with": {
                "all_your_supervisors": log.share_with_all_supervisors,
                "supervisors": [str(p) for p in log.shared_supervisors.all()],
                "teams": [t.name for t in log.shared_teams.all()],
                "peer_groups": [s.group_name for s in log.peer_group_shares.all()],
            },
            "created_at": log.created_at,
            "updated_at": log.updated_at,
            "completed_at": log.completed_at,
            "revision_dates": revision_dates.get(log.pk, []),
        }
        for log in logs
    ]


def _assessments(user):
    assessments = (
        SelfAssessment.objects.filter(owner=user)
        .select_related("framework")
        .prefetch_related("ratings__statement__domain__framework", "comments")
        .order_by("assessed_on", "pk")
    )
    return [
        {
            "framework": str(a.framework),
            "assessed_on": a.assessed_on,
            "note": a.note,
            "ratings": [{"statement": _statement(r.statement), "confidence": r.get_value_display()} for r in a.ratings.all()],
            "supervisor_comments": [
                {"by": c.author_name, "at": c.created_at, "text": c.text} for c in a.comments.all()
            ],
        }
        for a in assessments
    ]


def _record(user):
    entries = RecordEntry.objects.filter(owner=user).prefetch_related("statements__domain__framework").order_by(
        "occurred_on", "pk"
    )
    return [
        {
            "title": e.title,
            "kind": e.kind_label,
            "occurred_on": e.occurred_on,
            "hours": e.hours,
            "summary": e.summary,
            "cpd_details": [{"heading": d.get("heading", ""), "text": d.get("text", "")} for d in e.cpd_details or []],
            "counts_as_cpd": e.counts_as_cpd,
            "includes_peer_reflection": e.includes_peer_reflection,
            "statements": [_statement(s) for s in e.statements.all()],
        }
        for e in entries
    ]


def _archive_name(evidence):
    safe = "".join(c if c.isalnum() or c in ".-_ " else "_" for c in evidence.name).strip() or "file"
    return f"evidence/{evidence.pk}-{safe}"


def _evidence(user):
    return [
        {
            "file": _archive_name(e),
            "name": e.name,
            "size": e.size,
            "uploaded_at": e.uploaded_at,
            "backs": f"log {e.log_id}: {e.log}" if e.log_id else f"record entry: {e.entry}",
        }
        for e in Evidence.objects.filter(owner=user).select_related("log", "entry").order_by("uploaded_at", "pk")
    ]


def files(user):
    """The person's evidence files, for the ZIP (core.subject_access)."""
    for evidence in Evidence.objects.filter(owner=user).order_by("pk"):
        yield _archive_name(evidence), evidence.file


def export(user):
    return {
        "title": "Learning",
        "parts": [
            {
                "key": "reflective_logs",
                "title": "Reflective logs",
                "description": "Every log you wrote, drafts included, with all answers and the dates of its saved versions.",
                "items": _logs(user),
            },
            {"key": "self_assessments", "title": "Self-assessments", "items": _assessments(user)},
            {
                "key": "evidence",
                "title": "Evidence files",
                "description": "Files you added to your logs and learning; each is in the files/ folder of this download.",
                "items": _evidence(user),
            },
            {
                "key": "development_record",
                "title": "Development record",
                "description": "Entries on your development (CPD) record, including those from supervision and peer sessions.",
                "items": _record(user),
            },
        ],
    }
