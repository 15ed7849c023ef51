"""The site's background tasks (run by `manage.py db_worker`) and their schedule (core.worker).

Every task does no harm when it runs twice: a worker killed mid-task has its task run again.
"""

from django.core.mail import EmailMessage
from django_tasks import task

from . import reminders, retention


@task()
def send_email(subject, body, to, attachments=()):
    """Send one email; attachments are (file name, text, MIME type)."""
    message = EmailMessage(subject=subject, body=body, to=list(to))
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send(fail_silently=False)
    return len(to)


@task()
def send_due_reminders():
    """Every reminder that is due: each (recipient, kind, key) is recorded with its email, so a rerun skips it."""
    return len(reminders.send_due())


@task()
def apply_retention():
    """Delete what has passed its retention period (a second run finds nothing left to delete)."""
    return retention.apply_retention().total


HOUR = 60 * 60
SCHEDULE = {
    "send reminders": (HOUR, send_due_reminders),
    "apply retention": (24 * HOUR, apply_retention),
}
