"""The content access log: who opened which record, when, through which page, and why they could.

Each app that holds private records (supervision, panels) keeps its own log table, a subclass of
AccessLogEntryBase, so retention and the subject access export stay with the app; writing to it,
reading it in the admin (core.viewsets.AccessLogViewSet) and exporting it work the same way for all.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst


class AccessLogEntryBase(models.Model):
    """One opening of a record. Kept as text too (email, label) so it outlives the user and the record."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    user_email = models.CharField(max_length=254)
    object_kind = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    object_label = models.CharField(max_length=200)
    view_name = models.CharField(max_length=80)
    reason = models.CharField(max_length=40, help_text="Why access was allowed: participant, auditor…")
    at = models.DateTimeField(default=timezone.now, db_index=True)

    # Nothing refers to an entry, and one is written on every opening of a record: Wagtail's
    # reference index would queue a task for each.
    wagtail_reference_index_ignore = True

    class Meta:
        abstract = True
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_kind", "object_id"])]

    def __str__(self):
        return f"{self.user_email} opened {self.object_label} ({self.view_name})"


def log_access(log, user, obj, view_name, reason):
    """Write to `log` (an app's access-log model) that `user` opened `obj` through `view_name`, and why."""
    return log.objects.create(
        user=user, user_email=user.email, object_kind=obj._meta.model_name, object_id=obj.pk,
        object_label=str(obj)[:200], view_name=view_name, reason=reason,
    )


def log_access_log_read(log, user, view_name, entry=None, query=""):
    """Reading the access log is itself written to it: who looked, at which entry or with which filters."""
    meta = log._meta
    label = f"{capfirst(meta.verbose_name)} {entry.pk}" if entry else capfirst(meta.verbose_name_plural)
    if query:
        label += f" ({query})"
    return log.objects.create(
        user=user, user_email=user.email, object_kind=meta.model_name, object_id=entry.pk if entry else 0,
        object_label=label[:200], view_name=view_name, reason="administrator",
    )


def export_rows(entries):
    """The entries as rows of a person's subject access export."""
    return [
        {"at": e.at, "who": e.user_email, "record": e.object_label, "page": e.view_name, "reason": e.reason}
        for e in entries
    ]


def expire(log, before, *, dry_run=False):
    """Delete the entries written before `before` (on a dry run, only count them); how many."""
    entries = log.objects.filter(at__lt=before)
    count = entries.count()
    if not dry_run:
        entries.delete()
    return count
