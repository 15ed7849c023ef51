"""Panels' reminder emails (core.reminders): reviews coming due or overdue, and open actions.

Dates and the panel's name only: never a case reference, a request's or an action's words.
"""

import datetime

from core.reminders import Reminder

from .models import ActionStatus, Decision, PanelAction

REVIEW_SOON_DAYS = 7
ACTION_SOON_DAYS = 3

KINDS = {
    "panel_review_due": "A risk enablement review coming due or overdue",
    "panel_action_due": "Risk enablement panel actions coming due and overdue",
}


def _date(day):
    return f"{day:%d %B %Y}"


def reviews_due(today):
    """To the requesting worker and the chair: once a week before the review date, once when it has passed."""
    decisions = (
        Decision.objects.filter(review_on__isnull=False, review__isnull=True,
                                review_on__lte=today + datetime.timedelta(days=REVIEW_SOON_DAYS))
        .exclude(request__status="withdrawn")
        .select_related("request__worker", "meeting__panel__chair")
    )
    for decision in decisions:
        overdue = decision.review_on < today
        key = f"panel-review-{decision.pk}-{decision.review_on:%Y-%m-%d}-{'overdue' if overdue else 'soon'}"
        panel = decision.meeting.panel
        subject = "A risk enablement review is overdue" if overdue else f"A risk enablement review is due on {_date(decision.review_on)}"
        body = (
            f"A decision of the {panel} on {_date(decision.meeting.meets_on)} "
            f"{'was' if overdue else 'is'} due for review on {_date(decision.review_on)}.\n"
            "Record what happened for the person, whether the risk was managed and what was learnt."
        )
        people = {decision.request.worker}
        if panel.chair is not None:
            people.add(panel.chair)
        for person in people:
            yield Reminder(person, "panel_review_due", key, subject, body, decision.request.get_absolute_url())


def actions_due(today):
    actions = PanelAction.objects.filter(
        status=ActionStatus.OPEN, due_on__isnull=False, due_on__lte=today + datetime.timedelta(days=ACTION_SOON_DAYS)
    ).select_related("owner", "decision__request", "decision__meeting__panel")
    for action in actions:
        overdue = action.due_on < today
        key = f"panel-action-{action.pk}-{action.due_on:%Y-%m-%d}-{'overdue' if overdue else 'soon'}"
        subject = "A risk enablement panel action is overdue" if overdue else f"A risk enablement panel action is due on {_date(action.due_on)}"
        body = (
            f"An action you own from the {action.decision.meeting.panel} meeting on {_date(action.decision.meeting.meets_on)} "
            f"{'was' if overdue else 'is'} due on {_date(action.due_on)}. Open it to mark it done or no longer needed."
        )
        yield Reminder(action.owner, "panel_action_due", key, subject, body, action.decision.request.get_absolute_url())


def due(today):
    yield from reviews_due(today)
    yield from actions_due(today)
