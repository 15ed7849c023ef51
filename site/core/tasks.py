"""The site's background tasks (run by `manage.py db_worker`) and their schedule (core.worker).

Every task does no harm when it runs twice: a worker killed mid-task has its task run again.
"""

from django.core.mail import EmailMessage
from django_tasks import task

from . import downloads, reminders, retention


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


@task()
def prepare_download(download_id):
    """Build a person's download (their data); a ready one is left alone."""
    return downloads.prepare(download_id)


@task()
def remove_expired_downloads():
    return downloads.remove_expired()


HOUR = 60 * 60
SCHEDULE = {
    "send reminders": (HOUR, send_due_reminders),
    "apply retention": (24 * HOUR, apply_retention),
    "remove expired downloads": (HOUR, remove_expired_downloads),
}
