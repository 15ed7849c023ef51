"""Retention (UK GDPR storage limitation): delete what has been kept for longer than its period.

Administrators set the periods in Settings > Retention (core.models.RetentionSettings). This
module turns them into cut-off dates, a `RetentionPolicy`, and hands it to each app's module
`<app>/retention.py`, found by name, which deletes through its own services:

    expire(policy, *, dry_run) -> dict[str, int]    # {"what, in words": how many}

With dry_run an app only counts. A period left blank keeps that kind of record; its cut-off is
None and the apps skip it. Leavers are worked out once, here, so every app acts on the same people.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from people.retention import leavers

from .app_hooks import app_modules
from .models import PrivacyEvent, PrivacyEventKind, RetentionSettings


def months_before(day, months):
    """The same day `months` calendar months earlier (the month's last day when it has fewer)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class RetentionPolicy:
    """Cut-offs for one run; None means keep that kind of record."""

    now: datetime.datetime
    drafts_untouched_since: datetime.datetime | None = None
    supervision_signed_off_before: datetime.datetime | None = None
    access_log_before: datetime.datetime | None = None
    leavers_left_before: datetime.date | None = None
    leaver_ids: frozenset = field(default_factory=frozenset)


def policy_from(settings, now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)

    def moment(months):
        return None if months is None else now - (today - months_before(today, months))

    leavers_before = None if settings.leaver_months is None else months_before(today, settings.leaver_months)
    return RetentionPolicy(
        now=now,
        drafts_untouched_since=moment(settings.draft_log_months),
        supervision_signed_off_before=moment(None if settings.supervision_years is None else settings.supervision_years * 12),
        access_log_before=moment(None if settings.access_log_years is None else settings.access_log_years * 12),
        leavers_left_before=leavers_before,
        leaver_ids=frozenset(leavers(leavers_before)) if leavers_before else frozenset(),
    )


@dataclass
class RetentionReport:
    dry_run: bool
    policy: RetentionPolicy
    counts: dict = field(default_factory=dict)  # {app verbose name: {what: how many}}

    @property
    def total(self):
        return sum(n for per_app in self.counts.values() for n in per_app.values())

    def flat_counts(self):
        return {what: n for per_app in self.counts.values() for what, n in per_app.items()}


def apply_retention(*, dry_run=False, now=None):
    """Delete (or with dry_run, count) everything past its period; audit the run; return the report."""
    policy = policy_from(RetentionSettings.load(), now=now)
    report = RetentionReport(dry_run=dry_run, policy=policy)
    for config, module in app_modules("retention"):
        expire = getattr(module, "expire", None)
        if expire is None:
            continue
        with transaction.atomic():
            report.counts[str(config.verbose_name)] = expire(policy, dry_run=dry_run)
    PrivacyEvent.objects.create(
        kind=PrivacyEventKind.RETENTION_DRY_RUN if dry_run else PrivacyEventKind.RETENTION,
        actor="apply_retention (scheduled command)",
        counts=report.flat_counts(),
    )
    return report
