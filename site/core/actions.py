"""Actions that carry forward: agreed at one meeting of a record, they come back to each later one
until their owner (or whoever runs the meeting) marks them done or no longer needed.

Each app keeps its own table (a subclass of ActionBase adding the record it came from, its `owner`
and `closed_in`, the meeting it was closed at); the statuses and how one changes are shared.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .inputs import DateWindow

# How far from today an action's typed due date may be: back to record old ones, not into year 9999.
ACTION_DUE_DATES = DateWindow(years_back=10, years_ahead=5)


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    DROPPED = "dropped", "No longer needed"


class ActionBase(models.Model):
    description = models.CharField(max_length=300)
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["owner", "status"])]

    def __str__(self):
        return self.description


def set_status(action, status, closed_in=None):
    """Open again, done or no longer needed; a closed action keeps when, and at which meeting, it closed.
    The app's service checks who may, before calling this."""
    if status not in ActionStatus.values:
        raise ValidationError("Choose a status for the action.")
    closing = status != ActionStatus.OPEN
    action.status = status
    action.closed_at = timezone.now() if closing else None
    action.closed_in = closed_in if closing else None
    action.save(update_fields=["status", "closed_at", "closed_in"])
    return action
