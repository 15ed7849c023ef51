"""The site's pages (the home dashboard, editable guidance), retention settings and the privacy audit."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from people.permission_policies import AdministratorRolePolicy

from .blocks import GuidanceStreamBlock
from .dashboard import panels_for


class HomePage(Page):
    """Each signed-in person's "My practice" dashboard; the panels come from the apps."""

    welcome = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("welcome")]
    subpage_types = ["core.GuidanceIndexPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["panels"] = panels_for(request)
        return context


class GuidanceIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["core.GuidancePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guidance_pages"] = self.get_children().live().specific().order_by("title")
        return context


class GuidancePage(Page):
    summary = models.CharField(max_length=250, blank=True)
    intro = RichTextField(blank=True)
    body = StreamField(GuidanceStreamBlock(), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["core.GuidanceIndexPage", "core.GuidancePage"]


# ---- Individual rights: retention periods and their audit ------------------------------------


@register_setting(icon="time")
class RetentionSettings(BaseGenericSetting):
    """How long records are kept (UK GDPR storage limitation). Blank keeps that kind for ever.

    Applied by `manage.py apply_retention`; edited by administrators in Settings > Retention.
    """

    draft_log_months = models.PositiveSmallIntegerField(
        "Delete reflective log drafts not edited for (months)",
        null=True, blank=True, default=12,
        help_text="Drafts never completed and untouched for this long, with all their earlier versions.",
    )
    supervision_years = models.PositiveSmallIntegerField(
        "Delete signed-off supervision records after (years)",
        null=True, blank=True, default=6,
        help_text="Counted from sign-off: notes, case discussions, actions, addenda and record entries.",
    )
    access_log_years = models.PositiveSmallIntegerField(
        "Delete supervision access-log entries after (years)", null=True, blank=True, default=3,
    )
    leaver_months = models.PositiveSmallIntegerField(
        "Close leavers' accounts after (months)",
        null=True, blank=True, default=12,
        help_text=(
            "Counted from the end of a person's last team membership. Their account is anonymised and "
            "closed; their reflective logs, self-assessments, development record and shortlists are deleted. "
            "Supervision records they were in stay, under their own period."
        ),
    )

    panels = [
        FieldPanel("draft_log_months"),
        FieldPanel("supervision_years"),
        FieldPanel("access_log_years"),
        FieldPanel("leaver_months"),
    ]

    class Meta:
        verbose_name = "Retention"

    @classmethod
    def get_permission_policy(cls):
        return AdministratorRolePolicy(cls, actions=("change",))


class PrivacyEventKind(models.TextChoices):
    SUBJECT_ACCESS = "subject_access", "Downloaded their data"
    RETENTION = "retention", "Retention run"
    RETENTION_DRY_RUN = "retention_dry_run", "Retention dry run"


class PrivacyEvent(models.Model):
    """An audit line: someone downloaded their data, or retention ran (who, when, how many)."""

    kind = models.CharField(max_length=30, choices=PrivacyEventKind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Kept as text so the line still says who after the account is anonymised or removed.
    actor = models.CharField(max_length=254, help_text="Who: an email address, or the scheduled command.")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    counts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "privacy audit entry"
        verbose_name_plural = "privacy audit"

    def __str__(self):
        return f"{self.get_kind_display()} by {self.actor} on {timezone.localtime(self.at):%d %B %Y %H:%M}"

    @property
    def counts_text(self):
        return ", ".join(f"{label}: {n}" for label, n in (self.counts or {}).items()) or "nothing"


class IdentifierName(models.Model):
    """A name the identifier check flags wherever it appears (with settings.IDENTIFIER_NAMES_FILE)."""

    name = models.CharField(max_length=100, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "name to flag"
        verbose_name_plural = "names to flag"

    def __str__(self):
        return self.name


class SentReminder(models.Model):
    """A reminder email that went out: each (recipient, kind, key) goes once (core.reminders)."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=60)
    # What the reminder is about and, where it recurs, when: "session-12-2026-12-02".
    key = models.CharField(max_length=200)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recipient", "kind", "key"], name="reminder_sent_once")]
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return f"{self.kind} {self.key} to user {self.recipient_id}"


class EmailOptOut(models.Model):
    """A kind of reminder email someone chose not to get; every kind is on until they say so."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="email_opt_out_once")]

    def __str__(self):
        return f"user {self.user_id} opted out of {self.kind}"


class WorkerHeartbeat(models.Model):
    """A running worker says it is alive every few seconds (core.worker): health checks read it,
    and tasks held by a worker that went silent are put back in the queue."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    started_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return f"worker {self.worker_id}"


class ScheduledRun(models.Model):
    """A scheduled job queued for one period: the unique row is what keeps two schedulers from
    queueing the same run twice."""

    job = models.CharField(max_length=100)
    period = models.CharField(max_length=40)
    queued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="scheduled_run_once")]

    def __str__(self):
        return f"{self.job} for {self.period}"


class Download(models.Model):
    """A file prepared for one person by the worker (core.downloads): their data, a portfolio PDF.

    The file is kept in the database, not on a served path, so it reaches only its owner through
    the download view, on whichever process or machine answers, and it goes with the backups. It is
    deleted DOWNLOAD_HOURS after it was ready."""

    class Status(models.TextChoices):
        PREPARING = "preparing", "Preparing"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    builder = models.CharField(max_length=60)
    params = models.JSONField(default=dict, blank=True)
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PREPARING)
    progress = models.CharField(max_length=200, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    content = models.BinaryField(null=True, blank=True, editable=False)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.title} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("download-detail", args=[self.pk])
