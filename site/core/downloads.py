"""Files prepared in the background for their owner: "download my data" (and any app's own).

    start(owner, builder, title, params) -> Download   # queued for the worker; the page shows progress
    prepare(download_id)                                # the worker's task: build, store, mark ready
    for_owner(user, download_id) -> Download | None     # only ever the owner's own

Builders are found by name: `<app>/downloads.py` declares `BUILDERS = {"name": build}` where
`build(owner, params, progress) -> (file name, content type, bytes)` and `progress(text)` tells the
person what is happening. A builder must do no harm run twice (a killed worker's task runs again);
its writes are committed with the file, so a build cut short leaves nothing behind.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .app_hooks import app_modules
from .models import Download, PrivacyEvent, PrivacyEventKind

log = logging.getLogger(__name__)


def builders():
    found = {}
    for _config, module in app_modules("downloads"):
        found.update(getattr(module, "BUILDERS", {}))
    return found


def start(owner, builder, *, title, params=None):
    """Queue a file for this person; the worker prepares it (at once where tasks run inline)."""
    from .tasks import prepare_download

    if builder not in builders():
        raise ValueError(f"No download builder called {builder!r}")
    download = Download.objects.create(owner=owner, builder=builder, title=title, params=params or {},
                                       progress="Waiting for its turn")
    transaction.on_commit(lambda: prepare_download.enqueue(str(download.pk)))
    return download


def prepare(download_id):
    """Build the file and store it with its owner's download; a second run of a ready one does nothing."""
    download = Download.objects.select_related("owner").filter(pk=download_id).first()
    if download is None or download.status == Download.Status.READY:
        return "nothing to do"

    def progress(text):
        Download.objects.filter(pk=download.pk).update(progress=text[:200])

    try:
        with transaction.atomic():
            file_name, content_type, data = builders()[download.builder](download.owner, download.params, progress)
            now = timezone.now()
            Download.objects.filter(pk=download.pk).update(
                status=Download.Status.READY, progress="", file_name=file_name, content_type=content_type,
                content=data, size=len(data), ready_at=now,
                expires_at=now + datetime.timedelta(hours=settings.DOWNLOAD_HOURS),
            )
    except Exception:
        log.exception("Download %s (%s) could not be prepared", download.pk, download.builder)
        Download.objects.filter(pk=download.pk).update(status=Download.Status.FAILED, progress="")
        return "failed"
    return "ready"


def for_owner(user, download_id):
    """The person's own download, unless it has expired; None for anyone else's."""
    download = Download.objects.filter(pk=download_id, owner=user).defer("content").first()
    if download is None or (download.expires_at and download.expires_at <= timezone.now()):
        return None
    return download


def content_of(download):
    return bytes(Download.objects.values_list("content", flat=True).get(pk=download.pk))


def remove_expired(now=None):
    """Delete files past their time (the worker's hourly job); and failed or stuck ones after a day."""
    now = now or timezone.now()
    gone = Download.objects.filter(expires_at__lte=now).delete()[0]
    gone += Download.objects.exclude(status=Download.Status.READY).filter(
        created_at__lte=now - datetime.timedelta(days=1)).delete()[0]
    return gone


# ---- The site's own: download my data ---------------------------------------------------------------


def build_my_data(owner, params, progress):
    from . import subject_access

    progress("Gathering your records")
    document = subject_access.collect(owner)
    progress("Writing the PDF and the data file")
    data = subject_access.build_archive(document, subject_access.files_for(owner))
    PrivacyEvent.objects.create(
        kind=PrivacyEventKind.SUBJECT_ACCESS, user=owner, actor=owner.email, counts=subject_access.counts_of(document)
    )
    return subject_access.archive_name(), "application/zip", data


BUILDERS = {"my_data": build_my_data}
