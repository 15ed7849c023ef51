"""Supervision: templates, agreements, sessions with their record, and peer learning groups."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.access_log import AccessLogEntryBase
from core.actions import ActionBase, ActionStatus  # noqa: F401 (ActionStatus: supervision's own name for it too)
from core.addenda import AddendumBase

from .blocks import TemplateSectionsBlock

User = settings.AUTH_USER_MODEL


class SessionMode(models.TextChoices):
    ONE_TO_ONE = "one_to_one", "One-to-one"
    GROUP = "group", "Group"


class SupervisionTemplate(models.Model):
    """A structure for a session, edited by practice leads in the admin. Sessions keep a snapshot."""

    MODE_CHOICES = [("one_to_one", "One-to-one"), ("group", "Group"), ("any", "One-to-one or group")]

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.TextField(blank=True)
    mode = models.CharField(max_length=20, choices=MODE_CHOICES, default="any")
    sections = StreamField(TemplateSectionsBlock(), use_json_field=True)
    is_active = models.BooleanField(default=True, help_text="Untick to stop offering it for new sessions.")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("mode"),
        FieldPanel("is_active"),
        FieldPanel("sections"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def snapshot(self):
        """The template as plain data, frozen into a session when it is scheduled."""
        sections = []
        for index, block in enumerate(self.sections):
            value = block.value
            prompts = []
            for p_index, prompt in enumerate(value["prompts"]):
                key = prompt["key"] or f"prompt{p_index}"
                prompts.append({
                    "key": f"s{index}-{key}",
                    "heading": prompt["heading"],
                    "guidance": prompt["guidance"] or "",
                })
            sections.append({
                "kind": value["kind"],
                "heading": value["heading"],
                "guidance": value["guidance"] or "",
                "prompts": prompts,
            })
        return {"name": self.name, "slug": self.slug, "mode": self.mode, "sections": sections}


class FrequencyUnit(models.TextChoices):
    DAYS = "days", "days"
    WEEKS = "weeks", "weeks"
    MONTHS = "months", "months"


class SupervisionAgreement(models.Model):
    """What a supervisor and supervisee agree about their supervision. Both must accept each version."""

    supervisor = models.ForeignKey(User, on_delete=models.CASCADE, related_name="supervision_agreements_given")
    supervisee = models.ForeignKey(User, on_delete=models.CASCADE, related_name="supervision_agreements")
    frequency = models.PositiveSmallIntegerField(default=4, help_text="How often, for example 4 for every four weeks.")
    frequency_unit = models.CharField(max_length=10, choices=FrequencyUnit.choices, default=FrequencyUnit.WEEKS)
    length_minutes = models.PositiveSmallIntegerField("Length in minutes", default=90)
    place = models.CharField("Where", max_length=200, blank=True)
    notes_arrangements = models.TextField(
        "How notes are kept and shared", max_length=5000, blank=True
    )
    cover_arrangements = models.TextField(
        "What happens when either of you is away", max_length=5000, blank=True
    )
    starts_on = models.DateField(default=timezone.localdate)
    review_on = models.DateField("Review date", null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    supervisor_accepted_at = models.DateTimeField(null=True, blank=True)
    supervisee_accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self):
        return f"Supervision agreement: {self.supervisor} and {self.supervisee}"

    def get_absolute_url(self):
        return reverse("supervision:agreement-detail", args=[self.pk])

    @property
    def is_accepted(self):
        return bool(self.supervisor_accepted_at and self.supervisee_accepted_at)

    @property
    def frequency_text(self):
        unit = self.get_frequency_unit_display()
        if self.frequency == 1:
            return f"every {unit.rstrip('s')}"
        return f"every {self.frequency} {unit}"


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    IN_PROGRESS = "in_progress", "In progress"
    AWAITING_SIGN_OFF = "awaiting_sign_off", "Awaiting sign-off"
    SIGNED_OFF = "signed_off", "Signed off"
    CANCELLED = "cancelled", "Cancelled"


def new_ical_uid():
    """A calendar UID that stays the same for a session through every reschedule."""
    return f"{uuid.uuid4()}@practice-commons"


HELD_STATUSES = [SessionStatus.IN_PROGRESS, SessionStatus.AWAITING_SIGN_OFF, SessionStatus.SIGNED_OFF]


class SupervisionSession(models.Model):
    mode = models.CharField(max_length=20, choices=SessionMode.choices, default=SessionMode.ONE_TO_ONE)
    supervisor = models.ForeignKey(User, on_delete=models.PROTECT, related_name="supervision_sessions_led")
    supervisees = models.ManyToManyField(User, through="SessionParticipant", related_name="supervision_sessions")
    agreement = models.ForeignKey(SupervisionAgreement, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions")
    template = models.ForeignKey(SupervisionTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions")
    template_snapshot = models.JSONField(default=dict)
    starts_at = models.DateTimeField()
    length_minutes = models.PositiveSmallIntegerField(default=90)
    place = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)
    notes = models.JSONField(default=dict, blank=True)
    supervisor_signed_at = models.DateTimeField(null=True, blank=True)
    locked_at = models.DateTimeField(null=True, blank=True)
    ical_uid = models.CharField(max_length=100, unique=True, default=new_ical_uid, editable=False)
    ical_sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]
        permissions = [("audit_supervision", "Can read every supervision record (audit)")]
        indexes = [models.Index(fields=["supervisor", "status"])]

    def __str__(self):
        return f"{self.get_mode_display()} supervision on {timezone.localtime(self.starts_at):%d %B %Y}"

    def get_absolute_url(self):
        return reverse("supervision:session-detail", args=[self.pk])

    @property
    def ends_at(self):
        try:
            return self.starts_at + timezone.timedelta(minutes=self.length_minutes)
        except OverflowError:  # a row stored before dates were checked, near the year 9999
            return datetime.datetime.max.replace(tzinfo=datetime.UTC)

    @property
    def is_locked(self):
        return self.locked_at is not None

    @property
    def hours(self):
        return round(self.length_minutes / 60, 2)


class SessionParticipant(models.Model):
    """A supervisee in a session, and their signature."""

    session = models.ForeignKey(SupervisionSession, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="supervision_participations")
    signed_at = models.DateTimeField(null=True, blank=True)
    disagreement = models.TextField(blank=True)

    class Meta:
        ordering = ["user__first_name", "user__last_name"]
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="one_participation_per_session")]

    def __str__(self):
        return f"{self.user} in {self.session}"


class AgendaItem(models.Model):
    session = models.ForeignKey(SupervisionSession, on_delete=models.CASCADE, related_name="agenda_items")
    added_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    text = models.CharField(max_length=300)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self):
        return self.text


class CaseDiscussion(models.Model):
    """A case discussed in supervision, by initials or case reference only."""

    session = models.ForeignKey(SupervisionSession, on_delete=models.CASCADE, related_name="case_discussions")
    case_reference = models.CharField(max_length=30)
    # A case discussion is a page or two, not a case file.
    presenting_situation = models.TextField(max_length=10000)
    analysis = models.TextField(max_length=10000, blank=True)
    options = models.TextField(max_length=10000, blank=True)
    decision = models.TextField(max_length=10000)
    rationale = models.TextField(max_length=10000)
    added_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self):
        return self.case_reference


class SupervisionAction(ActionBase):
    session = models.ForeignKey(SupervisionSession, on_delete=models.CASCADE, related_name="actions")
    owner = models.ForeignKey(User, on_delete=models.PROTECT, related_name="supervision_actions")
    closed_in = models.ForeignKey(SupervisionSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="closed_actions")
    last_reminded_on = models.DateField(null=True, blank=True)


class Addendum(AddendumBase):
    """A dated correction to a signed-off record, showing who wrote it."""

    record_field = "session"

    session = models.ForeignKey(SupervisionSession, on_delete=models.CASCADE, related_name="addenda")


class AccessLogEntry(AccessLogEntryBase):
    """Who opened what supervision content, when, through which view. Read by administrators."""

    class Meta(AccessLogEntryBase.Meta):
        verbose_name = "supervision access log entry"
        verbose_name_plural = "supervision access log"


# ---- Peer learning ----------------------------------------------------------------------------


class PeerFormat(models.TextChoices):
    ACTION_LEARNING_SET = "action_learning_set", "Action learning set"
    CASE_CONSULTATION = "case_consultation", "Case consultation"
    REFLECTIVE_TEAM = "reflective_team", "Reflective team"
    TRAINING_SHARE = "training_share", "Training share"
    RISK_ENABLEMENT = "risk_enablement", "Risk enablement discussion"


class PeerGroup(models.Model):
    name = models.CharField(max_length=150)
    description = models.TextField(max_length=2000, blank=True)
    team = models.ForeignKey("people.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="peer_groups")
    facilitator = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="peer_groups_facilitated")
    members = models.ManyToManyField(User, related_name="peer_groups", blank=True)
    default_format = models.CharField(max_length=30, choices=PeerFormat.choices, default=PeerFormat.CASE_CONSULTATION)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("team"),
        FieldPanel("facilitator"),
        FieldPanel("members"),
        FieldPanel("default_format"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("supervision:peer-group-detail", args=[self.pk])


class PeerSession(models.Model):
    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField()
    length_minutes = models.PositiveSmallIntegerField(default=90)
    facilitator = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    attendees = models.ManyToManyField(User, related_name="peer_sessions_attended", blank=True)
    guests = models.JSONField(default=list, blank=True, help_text="Guests without accounts: role and organisation.")
    format = models.CharField(max_length=30, choices=PeerFormat.choices)
    themes = models.TextField(blank=True)
    case_references = models.JSONField(default=list, blank=True)
    learning_points = models.TextField(blank=True)
    actions = models.TextField(blank=True)
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.group}: {self.get_format_display()} on {self.held_on:%d %B %Y}"

    def get_absolute_url(self):
        return reverse("supervision:peer-session-detail", args=[self.pk])

    @property
    def hours(self):
        return round(self.length_minutes / 60, 2)


class PeerReflection(models.Model):
    """An attendee's own note of what they learnt from discussing it with peers."""

    session = models.ForeignKey(PeerSession, on_delete=models.CASCADE, related_name="reflections")
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="peer_reflections")
    text = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "author"], name="one_reflection_per_attendee")]

    def __str__(self):
        return f"Reflection by {self.author}"
