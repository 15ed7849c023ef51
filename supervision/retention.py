"""Retention in supervision (found by name by core.retention).

Signed-off records are deleted whole (notes, case discussions, actions, addenda, signatures)
once their period after sign-off has passed, with the development record entries they gave
each supervisee. Access-log entries have their own period. Leavers' peer reflections go with
the rest of their own records; sessions they were in stay under the supervision period.
"""

from django.db.models import Q

from core import access_log
from learning import record as development_record

from . import services
from .models import AccessLogEntry, PeerReflection, SessionStatus, SupervisionSession


def expire(policy, *, dry_run):
    report = {}
    if policy.supervision_signed_off_before is not None:
        sessions = SupervisionSession.objects.filter(status=SessionStatus.SIGNED_OFF).filter(
            Q(locked_at__lt=policy.supervision_signed_off_before)
            | Q(locked_at__isnull=True, starts_at__lt=policy.supervision_signed_off_before)
        )
        ids = list(sessions.values_list("pk", flat=True))
        report["Signed-off supervision records"] = len(ids)
        if not dry_run and ids:
            for pk in ids:
                development_record.withdraw(source=services.RECORD_SOURCE_SUPERVISION, source_key=str(pk))
            SupervisionSession.objects.filter(pk__in=ids).delete()
    if policy.access_log_before is not None:
        report["Supervision access-log entries"] = access_log.expire(AccessLogEntry, policy.access_log_before, dry_run=dry_run)
    if policy.leaver_ids:
        reflections = PeerReflection.objects.filter(author__in=policy.leaver_ids)
        report["Leavers' peer reflections"] = reflections.count()
        if not dry_run:
            reflections.delete()
    return report
