"""Learning: reflective templates and logs, frameworks, self-assessment and the development record."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from .blocks import PromptBlock

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def _confidence_scale():
    with open(CONTENT_DIR / "frameworks.json", encoding="utf-8") as fh:
        return json.load(fh)["confidence_scale"]


# The self-assessment scale (1-5 with descriptors), from the content data.
CONFIDENCE_SCALE = _confidence_scale()
CONFIDENCE_LABELS = {level["value"]: level["label"] for level in CONFIDENCE_SCALE}


# ---- Frameworks -----------------------------------------------------------------------------


class Framework(ClusterableModel):
    slug = models.SlugField(unique=True, max_length=80)
    name = models.CharField(max_length=255)
    short_name = models.CharField(max_length=60)
    publisher = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    is_local = models.BooleanField(
        default=False, help_text="A framework written by this organisation rather than a national one."
    )
    is_active = models.BooleanField(default=True, help_text="Inactive frameworks are hidden from workers.")

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("publisher"),
        FieldPanel("description"),
        FieldPanel("is_local"),
        FieldPanel("is_active"),
        InlinePanel("domains", heading="Domains", label="Domain"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name


class FrameworkDomain(Orderable):
    framework = ParentalKey(Framework, related_name="domains", on_delete=models.CASCADE)
    code = models.CharField(max_length=20)
    title = models.CharField(max_length=255)

    panels = [FieldPanel("code"), FieldPanel("title")]

    def __str__(self):
        return f"{self.framework} {self.code}. {self.title}"


class FrameworkStatement(index.Indexed, models.Model):
    domain = models.ForeignKey(FrameworkDomain, related_name="statements", on_delete=models.CASCADE)
    code = models.CharField(max_length=20)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    descriptors = models.TextField(blank=True, help_text="One descriptor a line.")
    sort_order = models.IntegerField(default=0)

    panels = [
        FieldPanel("domain"),
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("descriptors"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("summary"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["domain__framework__name", "domain__sort_order", "sort_order", "id"]

    def __str__(self):
        return f"{self.domain.framework.short_name} {self.code}: {self.title}"

    @property
    def descriptor_list(self):
        return [line.strip() for line in self.descriptors.splitlines() if line.strip()]


# ---- Reflective templates and logs -------------------------------------------------------------


class ReflectiveTemplate(models.Model):
    slug = models.SlugField(unique=True, max_length=80)
    name = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    is_cpd_record = models.BooleanField(
        default=False,
        help_text="Logs written with this template are laid out as Social Work England CPD records.",
    )
    is_active = models.BooleanField(default=True)
    sort_order = models.IntegerField(default=0)
    prompts = StreamField([("prompt", PromptBlock())], use_json_field=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("is_cpd_record"),
        FieldPanel("is_active"),
        FieldPanel("sort_order"),
        FieldPanel("prompts"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def snapshot(self):
        """The prompts as plain data, stored on each log so later edits never change it."""
        out = []
        for block in self.prompts:
            value = block.value
            out.append(
                {
                    "key": value["key"],
                    "heading": value["heading"],
                    "guidance": value.get("guidance") or "",
                    "answer_type": value["answer_type"],
                    "required": bool(value.get("required")),
                    "choices": [str(c) for c in (value.get("choices") or [])],
                }
            )
        return out


class ActivityType(models.TextChoices):
    DIRECT_WORK = "direct_work", "Direct work"
    TRAINING = "training", "Training"
    READING = "reading", "Reading"
    SHADOWING = "shadowing", "Shadowing"
    SUPERVISION = "supervision", "Supervision"
    PEER_DISCUSSION = "peer_discussion", "Peer discussion"
    OTHER = "other", "Other"


class LogStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    COMPLETE = "complete", "Complete"


class ReflectiveLog(RevisionMixin, models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="reflective_logs", on_delete=models.CASCADE)
    template = models.ForeignKey(ReflectiveTemplate, null=True, blank=True, on_delete=models.SET_NULL)
    template_name = models.CharField(max_length=255)
    is_cpd_record = models.BooleanField(default=False)
    prompts = models.JSONField(default=list)  # snapshot of the template's prompts
    answers = models.JSONField(default=dict, blank=True)
    title = models.CharField(max_length=200)
    occurred_on = models.DateField("Date of the practice or learning event", default=timezone.localdate)
    hours = models.DecimalField("Time spent (hours)", max_digits=6, decimal_places=2, null=True, blank=True)
    activity_type = models.CharField(max_length=30, choices=ActivityType.choices, default=ActivityType.DIRECT_WORK)
    person_reference = models.CharField(
        "Person supported (initials or case reference)", max_length=20, blank=True
    )
    statements = models.ManyToManyField(FrameworkStatement, blank=True, related_name="logs")
    status = models.CharField(max_length=10, choices=LogStatus.choices, default=LogStatus.DRAFT)
    completed_at = models.DateTimeField(null=True, blank=True)
    # Sharing: private unless one of these is set.
    share_with_all_supervisors = models.BooleanField(default=False)
    shared_supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="logs_shared_with_me"
    )
    shared_teams = models.ManyToManyField("people.Team", blank=True, related_name="shared_logs")
    # Title and answers flattened, for portable icontains search.
    search_text = models.TextField(blank=True, editable=False)
    # The draft revision autosave keeps updating, so typing leaves one revision, not one per pause.
    autosave_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    # The owner's own labels ("court", "mental capacity"); suggestions come from their own logs only.
    tags = TaggableManager(through="LogTag", blank=True, help_text="")
    # Counts saves: a save based on an older version (another tab) is refused, not applied over it.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["owner", "-occurred_on"])]

    def __str__(self):
        return self.title or "Untitled reflection"

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    @property
    def is_complete(self):
        return self.status == LogStatus.COMPLETE

    @property
    def is_shared(self):
        return (
            self.share_with_all_supervisors
            or self.shared_supervisors.exists()
            or self.shared_teams.exists()
            or self.peer_group_shares.exists()
        )

    def answer_items(self):
        """(prompt, answer) pairs in the snapshot's order."""
        return [(p, (self.answers or {}).get(p["key"], "")) for p in self.prompts]

    def build_search_text(self):
        parts = [self.title, self.person_reference]
        parts += [str(v) for v in (self.answers or {}).values() if v not in (None, "")]
        return "\n".join(p for p in parts if p)


def _private_storage():
    from django.core.files.storage import storages

    return storages["private"]


def _evidence_path(evidence, filename):
    # A random name: the person's own file name (which may name someone) stays in the database only.
    import uuid

    return f"evidence/{evidence.owner_id}/{uuid.uuid4().hex}"


class Evidence(models.Model):
    """A file backing a log or learning added by hand: seen by exactly those who may see what it backs."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="evidence", on_delete=models.CASCADE)
    log = models.ForeignKey(ReflectiveLog, null=True, blank=True, related_name="evidence", on_delete=models.CASCADE)
    entry = models.ForeignKey("RecordEntry", null=True, blank=True, related_name="evidence", on_delete=models.CASCADE)
    file = models.FileField(upload_to=_evidence_path, storage=_private_storage, max_length=200)
    name = models.CharField("File name", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(log__isnull=False, entry__isnull=True) | models.Q(log__isnull=True, entry__isnull=False),
                name="evidence_backs_one_thing",
            )
        ]
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.name


@receiver(post_delete, sender=Evidence)
def _delete_the_file(sender, instance, **kwargs):
    """The file goes with its row, however the row goes (the log deleted, retention, the person leaving)."""
    if instance.file:
        instance.file.delete(save=False)


class LogTag(TaggedItemBase):
    content_object = models.ForeignKey(ReflectiveLog, on_delete=models.CASCADE, related_name="tagged_items")


def tags_of(owner):
    """The tag names the owner has used on their own logs: never another person's."""
    from taggit.models import Tag

    return list(
        Tag.objects.filter(learning_logtag_items__content_object__owner=owner).distinct().order_by("name")
        .values_list("name", flat=True)
    )


# ---- Self-assessment ------------------------------------------------------------------------


class SelfAssessment(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="self_assessments", on_delete=models.CASCADE)
    framework = models.ForeignKey(Framework, related_name="assessments", on_delete=models.CASCADE)
    assessed_on = models.DateField(default=timezone.localdate)
    note = models.TextField("Your note", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]

    def __str__(self):
        return f"{self.framework} self-assessment, {self.assessed_on:%d %B %Y}"


class AssessmentComment(models.Model):
    """A supervisor's comment on a self-assessment: kept as a dated history, never overwritten."""

    assessment = models.ForeignKey(SelfAssessment, related_name="comments", on_delete=models.CASCADE)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+",
                               on_delete=models.SET_NULL)
    # The name as it was, so the history still says who wrote it after the account goes.
    author_name = models.CharField(max_length=255)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Comment by {self.author_name}, {self.created_at:%d %B %Y}"


class Rating(models.Model):
    assessment = models.ForeignKey(SelfAssessment, related_name="ratings", on_delete=models.CASCADE)
    statement = models.ForeignKey(FrameworkStatement, related_name="+", on_delete=models.CASCADE)
    value = models.PositiveSmallIntegerField(choices=[(k, v) for k, v in CONFIDENCE_LABELS.items()])

    class Meta:
        unique_together = [("assessment", "statement")]

    def __str__(self):
        return f"{self.statement_id}: {self.value}"


# ---- Development record ---------------------------------------------------------------------


class EntryKind(models.TextChoices):
    REFLECTIVE_LOG = "reflective_log", "Reflective log"
    SELF_ASSESSMENT = "self_assessment", "Self-assessment"
    COURSE = "course", "Course or training"
    READING = "reading", "Reading or research"
    CONFERENCE = "conference", "Conference or seminar"
    OTHER_CPD = "other_cpd", "Other learning"
    SUPERVISION = "supervision", "Supervision session"
    PEER_SESSION = "peer_session", "Peer learning session"
    RISK_ENABLEMENT_PANEL = "risk_enablement_panel", "Risk enablement panel"


def registration_year_start(day: datetime.date) -> int:
    """Social Work England's registration year runs 1 December to 30 November; return its first year."""
    return day.year if day.month == 12 else day.year - 1


def registration_year_bounds(start_year: int):
    return datetime.date(start_year, 12, 1), datetime.date(start_year + 1, 11, 30)


def registration_year_label(start_year: int) -> str:
    return f"1 December {start_year} to 30 November {start_year + 1}"


class RecordEntry(models.Model):
    """One item on a worker's development record, contributed through learning.record."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="record_entries", on_delete=models.CASCADE)
    source = models.CharField(max_length=50)
    source_key = models.CharField(max_length=100)
    kind = models.CharField(max_length=30)
    title = models.CharField(max_length=255)
    occurred_on = models.DateField()
    hours = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    url = models.CharField(max_length=500, blank=True)
    summary = models.TextField(blank=True)
    # Copy-ready CPD text in Social Work England's order: list of {"heading", "text"}.
    cpd_details = models.JSONField(default=list, blank=True)
    statements = models.ManyToManyField(FrameworkStatement, blank=True, related_name="record_entries")
    counts_as_cpd = models.BooleanField(default=False)
    includes_peer_reflection = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "source", "source_key"], name="learning_record_entry_unique")
        ]
        indexes = [models.Index(fields=["owner", "-occurred_on"]), models.Index(fields=["source", "source_key"])]
        verbose_name_plural = "record entries"

    def __str__(self):
        return f"{self.title} ({self.occurred_on})"

    @property
    def kind_label(self):
        return dict(EntryKind.choices).get(self.kind, self.kind.replace("_", " ").capitalize())

    @property
    def registration_year(self):
        return registration_year_start(self.occurred_on)


def as_decimal(value):
    if value is None or value == "":
        return None
    return Decimal(str(value)).quantize(Decimal("0.01"))


class LogPeerGroupShare(models.Model):
    """A log shared with a peer group. Peer groups belong to another app: we keep the group's id and
    name (as it was when shared) and ask learning.record.peer_groups_of who belongs, never its tables."""

    log = models.ForeignKey(ReflectiveLog, on_delete=models.CASCADE, related_name="peer_group_shares")
    peer_group_id = models.PositiveIntegerField()
    group_name = models.CharField(max_length=150)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["log", "peer_group_id"], name="unique_log_peer_group_share")]

    def __str__(self):
        return f"{self.log} shared with {self.group_name}"
