"""Retention in panels (found by name by core.retention).

Signed-off meeting records follow the supervision period (the record of a shared decision is kept
as long as a supervision record), deleted with the record entries they gave; requests decided only
at deleted meetings go with them. Drafts untouched past the draft period go; the access log has its
own period; leavers' reflections go with the rest of their records.
"""

from django.db.models import Q

from core import access_log
from learning import record as development_record

from .models import (
    AccessLogEntry,
    MeetingStatus,
    PanelMeeting,
    PanelReflection,
    PanelRequest,
    RequestStatus,
)
from .services import RECORD_SOURCE


def expire(policy, *, dry_run):
    report = {}
    if policy.supervision_signed_off_before is not None:
        meetings = PanelMeeting.objects.filter(status=MeetingStatus.SIGNED_OFF, locked_at__lt=policy.supervision_signed_off_before)
        ids = list(meetings.values_list("pk", flat=True))
        # Requests decided at these meetings and nowhere later, and no longer open.
        requests = PanelRequest.objects.filter(decisions__meeting__in=ids).exclude(
            decisions__meeting__in=PanelMeeting.objects.exclude(pk__in=ids)
        ).filter(status__in=[RequestStatus.DECIDED, RequestStatus.REVIEWED, RequestStatus.WITHDRAWN]).distinct()
        request_ids = list(requests.values_list("pk", flat=True))
        report["Signed-off panel meeting records"] = len(ids)
        report["Decided panel requests"] = len(request_ids)
        if not dry_run and ids:
            for pk in ids:
                development_record.withdraw(source=RECORD_SOURCE, source_key=str(pk))
            PanelRequest.objects.filter(pk__in=request_ids).delete()
            PanelMeeting.objects.filter(pk__in=ids).delete()
    if policy.drafts_untouched_since is not None:
        drafts = PanelRequest.objects.filter(status=RequestStatus.DRAFT, updated_at__lt=policy.drafts_untouched_since)
        report["Draft panel requests"] = drafts.count()
        if not dry_run:
            drafts.delete()
    if policy.access_log_before is not None:
        report["Panel access-log entries"] = access_log.expire(AccessLogEntry, policy.access_log_before, dry_run=dry_run)
    if policy.leaver_ids:
        reflections = PanelReflection.objects.filter(author__in=policy.leaver_ids)
        report["Leavers' panel reflections"] = reflections.count()
        if not dry_run:
            reflections.delete()
        drafts = PanelRequest.objects.filter(Q(worker__in=policy.leaver_ids), status=RequestStatus.DRAFT)
        report["Leavers' draft panel requests"] = drafts.count()
        if not dry_run:
            drafts.delete()
    return report
