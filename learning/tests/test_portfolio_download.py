"""A large portfolio PDF is prepared by the worker and linked for whoever asked, and only them."""

import pytest
from django.urls import reverse

from core.models import Download
from learning import downloads

from .factories import add_entries

pytestmark = pytest.mark.django_db


def test_a_large_portfolio_is_prepared_in_the_background(people, client_for, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(downloads, "BACKGROUND_ENTRIES", 2)
    worker = people["worker"]
    add_entries(worker, 3)
    url = reverse("learning:record-export", args=["pdf"]) + "?year=all"
    with django_capture_on_commit_callbacks(execute=True):
        started = client_for(worker).get(url)
    job = Download.objects.get(owner=worker, builder="portfolio_pdf")
    assert started.status_code == 302 and started["Location"] == job.get_absolute_url()
    assert "Your file is ready" in client_for(worker).get(job.get_absolute_url()).content.decode()
    pdf = client_for(worker).get(reverse("download-file", args=[job.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert 'filename="cpd-portfolio-all.pdf"' in pdf["Content-Disposition"]
    # Someone else cannot fetch it, not even the supervisor who may read the record.
    assert client_for(people["supervisor"]).get(reverse("download-file", args=[job.pk])).status_code == 404


def test_a_small_portfolio_still_downloads_at_once(people, client_for):
    add_entries(people["worker"], 2)
    response = client_for(people["worker"]).get(reverse("learning:record-export", args=["pdf"]) + "?year=all")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert not Download.objects.exists()
