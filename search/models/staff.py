"""Staff's own additions: team notes, out-of-date reports, shortlists."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from .services import Service


class ServiceNote(models.Model):
    """'Tried and tested': a member of staff's experience of a service. Staff only."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="team_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="directory_notes")
    # Every member of staff reads these: a few sentences, not a document.
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "team note"

    def __str__(self):
        return f"Note on {self.service} by {self.author}"


class OutOfDateReport(models.Model):
    """Someone said a listing looks wrong; it waits on the editors' review list until resolved."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="out_of_date_reports")
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="directory_reports"
    )
    reason = models.TextField(max_length=2000, help_text="What looks wrong or out of date.")
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.TextField(max_length=2000, blank=True)

    panels = [FieldPanel("reason", read_only=True), FieldPanel("resolution")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "out-of-date report"

    def __str__(self):
        return f"{self.service}: reported {self.created_at:%d %b %Y}"

    @property
    def is_open(self):
        return self.resolved_at is None


class Shortlist(models.Model):
    """Services a worker gathers for one person they support. Private to the worker."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="directory_shortlists")
    label = models.CharField(
        max_length=40,
        blank=True,
        help_text="Initials or a case reference, never a name. It is not printed.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self):
        return self.label or f"Shortlist of {self.created_at:%d %b %Y}"


class ShortlistItem(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="items")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(
        max_length=500, blank=True, help_text="Printed under the service: why it might help, what to ask for."
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["shortlist", "service"], name="directory_shortlist_once")]

    def __str__(self):
        return str(self.service)
