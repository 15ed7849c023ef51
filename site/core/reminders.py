"""Reminder emails: what each app says is due, sent once each, to people who want them.

Each app that reminds people has a module `<app>/reminders.py`, found by name (core.app_hooks):

    KINDS = {"session_tomorrow": "A supervision session tomorrow", ...}   # kind -> label
    def due(today) -> Iterable[Reminder]

`KINDS` labels the checkboxes of the email preferences page; kinds are plain words unique across
the site. `due(today)` answers from the database alone and may offer the same reminder every day:
`send` records each (recipient, kind, key) it sends and never sends that triple again, so the key
says what makes a reminder new ("session-12", or "cpd-2026-30" for a yearly nudge). A person who
unticked a kind gets none of it.

Subjects and bodies carry titles, dates and links only: never the words of a reflection, a
session's notes, an action or a case. The sender adds the link (built on settings.SITE_URL) and a
line saying how to change which emails you get.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from .app_hooks import app_modules
from .models import EmailOptOut, SentReminder

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reminder:
    """One email to one person: sent at most once for its (recipient, kind, key)."""

    recipient: object  # a user
    kind: str
    key: str
    subject: str
    body: str
    path: str  # the page to open, a path on this site ("/supervision/sessions/12/")


def absolute_url(path):
    """The full address of a path on this site, from settings.SITE_URL (emails, calendar files)."""
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def kinds():
    """Every kind of reminder email, {kind: label}, in the order the apps are installed."""
    labels = {}
    for config, module in app_modules("reminders"):
        for kind, label in getattr(module, "KINDS", {}).items():
            if kind in labels:
                raise ValueError(f"Two apps declare the reminder kind {kind!r} ({config.label} is the second).")
            labels[kind] = label
    return labels


def due_reminders(today=None) -> list[Reminder]:
    """What every app says is due today (not yet filtered by what was sent or preferences)."""
    today = today or timezone.localdate()
    found = []
    for config, module in app_modules("reminders"):
        if not hasattr(module, "due"):
            continue  # this module itself: core is an app too
        declared = getattr(module, "KINDS", {})
        for reminder in module.due(today):
            if reminder.kind not in declared:
                raise ValueError(f"{config.label}.reminders offered kind {reminder.kind!r} missing from its KINDS.")
            found.append(reminder)
    return found


def opted_out(user) -> set[str]:
    """The kinds of email this person chose not to get."""
    return set(EmailOptOut.objects.filter(user=user).values_list("kind", flat=True))


def set_preferences(user, wanted: Iterable[str]):
    """Keep exactly `wanted` of the declared kinds switched on for this person."""
    wanted = set(wanted)
    declared = set(kinds())
    with transaction.atomic():
        EmailOptOut.objects.filter(user=user, kind__in=wanted).delete()
        existing = opted_out(user)
        EmailOptOut.objects.bulk_create(
            [EmailOptOut(user=user, kind=kind) for kind in sorted(declared - wanted - existing)]
        )


def _message(reminder):
    preferences = absolute_url(reverse("email-preferences"))
    body = (
        f"{reminder.body.rstrip()}\n\n{absolute_url(reminder.path)}\n\n"
        f"You get this email from Practice Commons. Choose which emails you get: {preferences}\n"
    )
    return EmailMessage(subject=reminder.subject, body=body, to=[reminder.recipient.email])


def send(reminders: Iterable[Reminder], *, dry_run=False) -> list[Reminder]:
    """Send each reminder not sent before to someone who wants its kind; return those sent.

    Each one is recorded and mailed in its own transaction: a second sender running at the same
    moment waits on the record and then skips it, and a failed send leaves no record, so the next
    run tries again."""
    sent = []
    opt_outs = {}
    for reminder in reminders:
        recipient = reminder.recipient
        if not recipient.is_active or not recipient.email:
            continue
        if recipient.pk not in opt_outs:
            opt_outs[recipient.pk] = opted_out(recipient)
        if reminder.kind in opt_outs[recipient.pk]:
            continue
        already = SentReminder.objects.filter(recipient=recipient, kind=reminder.kind, key=reminder.key).exists()
        if already:
            continue
        if dry_run:
            sent.append(reminder)
            continue
        try:
            with transaction.atomic():
                SentReminder.objects.create(recipient=recipient, kind=reminder.kind, key=reminder.key)
                _message(reminder).send(fail_silently=False)
        except IntegrityError:
            continue  # another sender got there first
        except Exception:
            logger.exception("Reminder %s %s not sent; it will be tried again", reminder.kind, reminder.key)
            continue
        sent.append(reminder)
    return sent


def send_due(today=None, *, dry_run=False) -> list[Reminder]:
    """Gather what is due from every app and send it (the scheduled job)."""
    return send(due_reminders(today), dry_run=dry_run)
