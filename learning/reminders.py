"""Learning's reminder emails (core.reminders): the CPD registration-year deadline.

Social Work England's registration year ends on 30 November. Workers whose record for the year is
not ready hear at 90, 30 and 7 days before; each nudge goes once (its key names the year and the
nudge), and a record that becomes ready stops the rest. The email counts records, nothing more.
"""

from django.urls import reverse
from django.utils import timezone

from core.reminders import Reminder
from people import roles

from . import services
from .models import registration_year_bounds, registration_year_start

KINDS = {"cpd_deadline": "Your CPD record before the registration deadline (90, 30 and 7 days before)"}

NUDGE_DAYS = (90, 30, 7)


def deadline_nudge(today):
    """(days before the deadline of the nudge now due, deadline), or None outside the nudge windows."""
    _first, deadline = registration_year_bounds(registration_year_start(today))
    days_left = (deadline - today).days
    for days in sorted(NUDGE_DAYS):  # the nearest nudge whose day has come
        if days_left <= days:
            return days, deadline
    return None


def due(today):
    nudge = deadline_nudge(today)
    if nudge is None:
        return
    days, deadline = nudge
    for worker in roles.current_workers(today):
        state = services.readiness(worker, on=today)
        if state["ready"]:
            continue
        yield Reminder(
            worker, "cpd_deadline", f"cpd-{deadline.year}-{days}",
            f"Your CPD record is due by {deadline:%-d %B %Y}",
            f"Social Work England's registration year ends on {deadline:%-d %B %Y} "
            f"({(deadline - today).days} days from today). Your development record has {state['cpd_count']} of 2 CPD "
            f"records and {state['peer_count']} of 1 with peer reflection for this year.",
            reverse("learning:record"),
        )


def banner(user, today=None, readiness=None):
    """The dashboard's deadline banner for this worker: days left, or None when ready or not yet near.
    `readiness` (services.readiness for today), when the caller has it already, saves reading it again."""
    today = today or timezone.localdate()
    if not roles.has_role(user, "worker"):
        return None
    nudge = deadline_nudge(today)
    if nudge is None or (readiness or services.readiness(user, on=today))["ready"]:
        return None
    return {"deadline": nudge[1], "days_left": (nudge[1] - today).days}
