"""Dated addenda: once a record is signed off it is locked, and corrections are added beside it.

Each app keeps its own addenda table (a subclass of AddendumBase naming its record in
`record_field`); adding one, its form and how addenda show (template core/_addenda.html) are shared.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models

from .forms import GovUKForm


class AddendumBase(models.Model):
    """A dated correction to a signed-off record, naming its author."""

    record_field = None  # the subclass's foreign key to the record it corrects

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]
        verbose_name_plural = "addenda"

    def __str__(self):
        return f"Addendum by {self.author} on {self.created_at:%d %B %Y}"


class LockedError(PermissionDenied):
    """A change to a signed-off record: refused (403), whoever asks."""


def assert_editable(record):
    """A guard for any code path that would change a signed-off record."""
    if record.is_locked:
        raise LockedError("This record is signed off and locked. Add an addendum instead.")


def add_addendum(addendum_model, record, author, text):
    """Add a dated addendum to `record`. The app's service checks who may, before calling this."""
    return addendum_model.objects.create(**{addendum_model.record_field: record}, author=author, text=text.strip())


class AddendumForm(GovUKForm):
    prefix = "addendum"
    identifier_fields = ["text"]

    text = forms.CharField(label="Addendum", widget=forms.Textarea(attrs={"rows": 4}),
                           help_text="A correction or addition. It is dated and shows your name; the signed record does not change.",
                           error_messages={"required": "Enter the addendum."})
