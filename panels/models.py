"""Risk enablement panels: a panel, the requests workers bring to it, its meetings and shared decisions.

A worker brings a support option others think too risky ("why can't we try this?"); the panel
shares the decision, with conditions, actions and a review date, and at review records what
happened. The person is named only by a case reference.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField

from core.access_log import AccessLogEntryBase
from core.actions import ActionBase, ActionStatus  # noqa: F401 (ActionStatus: the panel's own name for it too)
from core.addenda import AddendumBase

User = settings.AUTH_USER_MODEL


class Panel(ClusterableModel):
    """A standing panel run by a team, with members from several agencies and a chair."""

    name = models.CharField(max_length=150)
    team = models.ForeignKey("people.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="enablement_panels",
                             help_text="The team that runs the panel, for example the Mental Capacity Act team.")
    chair = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="panels_chaired")
    members = models.ManyToManyField(User, related_name="enablement_panels", blank=True,
                                     help_text="Standing members with an account. The chair is a member too.")
    meeting_rhythm = models.CharField(max_length=200, blank=True, help_text="For example: monthly, on the second Tuesday afternoon.")
    is_active = models.BooleanField(default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("team"),
        FieldPanel("chair"),
        FieldPanel("members"),
        InlinePanel("external_members", label="Standing members without an account"),
        FieldPanel("meeting_rhythm"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("panels:panel-detail", args=[self.pk])


class ExternalMember(models.Model):
    """A standing member without an account, by role and organisation only."""

    panel = ParentalKey(Panel, on_delete=models.CASCADE, related_name="external_members")
    role = models.CharField(max_length=100)
    organisation = models.CharField(max_length=150)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.role}, {self.organisation}"


class TermsOfReference(models.Model):
    """A panel's terms of reference, edited by practice leads (membership is not theirs to change)."""

    panel = models.OneToOneField(Panel, on_delete=models.CASCADE, related_name="terms")
    body = RichTextField(features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("panel"), FieldPanel("body")]

    class Meta:
        verbose_name = "terms of reference"
        verbose_name_plural = "terms of reference"

    def __str__(self):
        return f"Terms of reference: {self.panel}"


class RequestStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Waiting to be scheduled"
    SCHEDULED = "scheduled", "On a meeting's agenda"
    DECIDED = "decided", "Decided"
    REVIEWED = "reviewed", "Reviewed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class PanelRequest(models.Model):
    """A worker's request to the panel, about one person known only by a case reference."""

    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="requests")
    worker = models.ForeignKey(User, on_delete=models.PROTECT, related_name="panel_requests")
    case_reference = models.CharField(max_length=30)
    what_person_wants = models.TextField("What the person wants", blank=True)
    option_proposed = models.TextField("The option proposed", blank=True)
    benefits_to_person = models.TextField("Benefits to the person", blank=True)
    benefits_to_others = models.TextField("Benefits to others", blank=True)
    risks_to_person = models.TextField("Risks to the person", blank=True)
    risks_to_others = models.TextField("Risks to others", blank=True)
    what_has_been_tried = models.TextField("What has been tried", blank=True)
    persons_view = models.TextField("The person's own view", blank=True)
    capacity_considerations = models.TextField("Capacity considerations", blank=True)
    status = models.CharField(max_length=20, choices=RequestStatus.choices, default=RequestStatus.DRAFT)
    supervisor_agreed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    supervisor_agreed_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    meeting = models.ForeignKey("PanelMeeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda",
                                help_text="The meeting whose agenda it is on now.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["panel", "status"]), models.Index(fields=["worker", "status"])]

    def __str__(self):
        return f"Request for {self.case_reference}"

    def get_absolute_url(self):
        return reverse("panels:request-detail", args=[self.pk])

    @property
    def supervisor_agreed(self):
        return self.supervisor_agreed_at is not None

    @property
    def latest_decision(self):
        decisions = list(self.decisions.all())
        return decisions[-1] if decisions else None


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    SIGNED_OFF = "signed_off", "Signed off"
    CANCELLED = "cancelled", "Cancelled"


class PanelMeeting(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="meetings")
    meets_on = models.DateField()
    length_minutes = models.PositiveSmallIntegerField(default=120)
    place = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED)
    attendees = models.ManyToManyField(User, related_name="panel_meetings_attended", blank=True)
    guests = models.JSONField(default=list, blank=True,
                              help_text="People without accounts (the person, family, advocates, guests): role and organisation.")
    signed_off_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    locked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-meets_on", "-pk"]
        indexes = [models.Index(fields=["panel", "meets_on"])]

    def __str__(self):
        return f"{self.panel} on {self.meets_on:%d %B %Y}"

    def get_absolute_url(self):
        return reverse("panels:meeting-detail", args=[self.pk])

    @property
    def is_locked(self):
        return self.locked_at is not None

    @property
    def hours(self):
        return round(self.length_minutes / 60, 2)


class Outcome(models.TextChoices):
    AGREED = "agreed", "Agreed"
    AGREED_WITH_CONDITIONS = "agreed_with_conditions", "Agreed with conditions"
    NOT_AGREED = "not_agreed", "Not agreed"
    MORE_INFORMATION = "more_information", "More information needed"


class Decision(models.Model):
    """The panel's shared decision on one request at one meeting."""

    meeting = models.ForeignKey(PanelMeeting, on_delete=models.CASCADE, related_name="decisions")
    request = models.ForeignKey(PanelRequest, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    rationale = models.TextField()
    conditions = models.TextField(blank=True)
    shared_by = models.ManyToManyField(User, related_name="panel_decisions_shared", blank=True,
                                       help_text="Members who share responsibility for the decision.")
    review_on = models.DateField("Review date", null=True, blank=True)
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["decided_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "request"], name="one_decision_per_request_per_meeting")]
        indexes = [models.Index(fields=["review_on"])]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.request}"


class PanelAction(ActionBase):
    """An action from a decision; open actions come back to each meeting of the panel until closed."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="actions")
    owner = models.ForeignKey(User, on_delete=models.PROTECT, related_name="panel_actions")
    closed_in = models.ForeignKey(PanelMeeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="closed_actions")


class RiskManaged(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


class Review(models.Model):
    """At the review date: what happened for the person, whether the risk was managed, what was learnt."""

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="review")
    what_happened = models.TextField()
    risk_managed = models.CharField("Was the risk managed?", max_length=10, choices=RiskManaged.choices)
    what_was_learnt = models.TextField()
    reviewed_on = models.DateField(default=timezone.localdate)
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self):
        return f"Review of {self.decision.request} on {self.reviewed_on:%d %B %Y}"


class Addendum(AddendumBase):
    """A dated correction to a signed-off meeting record, naming its author."""

    record_field = "meeting"

    meeting = models.ForeignKey(PanelMeeting, on_delete=models.CASCADE, related_name="addenda")


class PanelReflection(models.Model):
    """A presenting worker's or attending member's own note of what they learnt at the meeting."""

    meeting = models.ForeignKey(PanelMeeting, on_delete=models.CASCADE, related_name="reflections")
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="panel_reflections")
    text = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "author"], name="one_panel_reflection_per_person")]

    def __str__(self):
        return f"Reflection by {self.author}"


class AccessLogEntry(AccessLogEntryBase):
    """Who opened which panel content, when, through which view, and why they could. Administrators read it."""

    class Meta(AccessLogEntryBase.Meta):
        verbose_name = "panel access log entry"
        verbose_name_plural = "panel access log"
