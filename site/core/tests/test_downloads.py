"""Prepared downloads: the worker builds "download my data", the person sees progress then a link,
only they can fetch it, and it is deleted when it expires."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from core import downloads
from core.models import Download, PrivacyEvent

pytestmark = pytest.mark.django_db


def test_my_data_is_prepared_then_linked_for_its_owner_only(people, client_for, django_capture_on_commit_callbacks):
    worker = people["worker"]
    with django_capture_on_commit_callbacks(execute=True):
        started = client_for(worker).post(reverse("my-data"))
    download = Download.objects.get(owner=worker)
    assert started["Location"] == download.get_absolute_url()
    page = client_for(worker).get(download.get_absolute_url()).content.decode()
    assert "Your file is ready" in page and reverse("download-file", args=[download.pk]) in page
    response = client_for(worker).get(reverse("download-file", args=[download.pk]))
    assert response["Content-Type"] == "application/zip" and "private" in response["Cache-Control"]
    assert "my-data.json" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert PrivacyEvent.objects.filter(user=worker).count() == 1  # the download is audited once
    # Anyone else, even their supervisor or a practice lead, is told it does not exist.
    for other in ("supervisor", "other_worker", "practice_lead"):
        assert client_for(people[other]).get(download.get_absolute_url()).status_code == 404
        assert client_for(people[other]).get(reverse("download-file", args=[download.pk])).status_code == 404
    # Running the task again (a worker killed after the commit) changes nothing.
    assert downloads.prepare(str(download.pk)) == "nothing to do"
    assert PrivacyEvent.objects.filter(user=worker).count() == 1


def test_while_preparing_the_page_says_so_and_refreshes(people, client_for):
    download = Download.objects.create(owner=people["worker"], builder="my_data", title="Your data",
                                       progress="Gathering your records")
    page = client_for(people["worker"]).get(download.get_absolute_url()).content.decode()
    assert "Preparing your file" in page and "Gathering your records." in page
    assert '<meta http-equiv="refresh" content="3">' in page
    assert client_for(people["worker"]).get(reverse("download-file", args=[download.pk])).status_code == 404


def test_an_expired_download_is_gone(people, client_for):
    now = timezone.now()
    download = Download.objects.create(owner=people["worker"], builder="my_data", title="Your data",
                                       status=Download.Status.READY, content=b"x", size=1,
                                       expires_at=now - datetime.timedelta(minutes=1))
    assert client_for(people["worker"]).get(reverse("download-file", args=[download.pk])).status_code == 404
    assert downloads.remove_expired() == 1 and not Download.objects.exists()


def test_a_build_that_fails_says_so_and_leaves_nothing_half_done(people, client_for, monkeypatch):
    def broken(owner, params, progress):
        PrivacyEvent.objects.create(kind="subject_access", user=owner, actor=owner.email)
        raise RuntimeError("PDF renderer crashed")

    monkeypatch.setitem(downloads.BUILDERS, "my_data", broken)
    download = Download.objects.create(owner=people["worker"], builder="my_data", title="Your data")
    assert downloads.prepare(str(download.pk)) == "failed"
    assert not PrivacyEvent.objects.exists()  # rolled back with the build
    page = client_for(people["worker"]).get(download.get_absolute_url()).content.decode()
    assert "could not be prepared" in page and "Try again" in page
