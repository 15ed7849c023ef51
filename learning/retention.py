"""Retention in learning (found by name by core.retention): untouched drafts and leavers' records.

Logs are deleted through services.delete_log, which withdraws their development record entry;
deleting a log deletes its Wagtail revisions with it (RevisionMixin's generic relation), and
here also any admin history lines naming it. Logs are not in a search index: their search text
is a column of the log row, so it goes with the row.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry, Revision

from . import services
from .models import LogStatus, RecordEntry, ReflectiveLog, SelfAssessment


def _revisions_of(log_ids):
    content_type = ContentType.objects.get_for_model(ReflectiveLog)
    object_ids = [str(pk) for pk in log_ids]
    return (
        Revision.objects.filter(content_type=content_type, object_id__in=object_ids),
        ModelLogEntry.objects.filter(content_type=content_type, object_id__in=object_ids),
    )


def _delete_logs(logs, *, dry_run):
    """(logs, revisions, record entries) deleted, or that would be."""
    logs = list(logs.select_related("owner"))
    ids = [log.pk for log in logs]
    revisions, history = _revisions_of(ids)
    counts = (
        len(logs),
        revisions.count(),
        RecordEntry.objects.filter(source=services.LOG_SOURCE, source_key__in=[str(pk) for pk in ids]).count(),
    )
    if not dry_run:
        history.delete()
        for log in logs:
            services.delete_log(log)
        revisions.delete()  # none should be left; this makes sure
    return counts


def expire(policy, *, dry_run):
    report = {}
    if policy.drafts_untouched_since is not None:
        drafts = ReflectiveLog.objects.filter(status=LogStatus.DRAFT, updated_at__lt=policy.drafts_untouched_since)
        logs, revisions, _ = _delete_logs(drafts, dry_run=dry_run)
        report["Untouched draft reflective logs"] = logs
        report["Revisions of those drafts"] = revisions
    if policy.leaver_ids:
        assessments = SelfAssessment.objects.filter(owner__in=policy.leaver_ids)
        entries = RecordEntry.objects.filter(owner__in=policy.leaver_ids)
        report["Leavers' development record entries"] = entries.count()
        report["Leavers' self-assessments"] = assessments.count()
        logs, revisions, _ = _delete_logs(ReflectiveLog.objects.filter(owner__in=policy.leaver_ids), dry_run=dry_run)
        report["Leavers' reflective logs"] = logs
        report["Revisions of leavers' logs"] = revisions
        if not dry_run:
            assessments.delete()
            entries.delete()  # the rest: supervision, peer sessions, manual entries
    return report
