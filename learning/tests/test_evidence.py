"""Evidence files on logs and learning added by hand: private like the log, type and size checked,
in download my data, and gone with the log."""

import io
import json
import zipfile

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from learning import services
from learning.models import Evidence
from learning.tests.factories import make_log

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n certificate of attendance \n%%EOF"


def upload(client, log, name="certificate.pdf", content=PDF):
    return client.post(reverse("learning:log-evidence-add", args=[log.pk]), {"file": SimpleUploadedFile(name, content)})


def test_the_owner_attaches_a_certificate_and_whoever_may_read_the_log_downloads_it(people, client_for):
    log = make_log(people["worker"], title="Court skills")
    worker = client_for(people["worker"])
    assert upload(worker, log).status_code == 302
    evidence = Evidence.objects.get()
    assert "certificate.pdf" in worker.get(reverse("learning:log-detail", args=[log.pk])).content.decode()
    response = worker.get(reverse("learning:evidence-download", args=[evidence.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    url = reverse("learning:evidence-download", args=[evidence.pk])
    # Not shared yet: the supervisor, colleagues and the lead get nothing, not even that it exists.
    for name in ["supervisor", "other_worker", "practice_lead"]:
        assert client_for(people[name]).get(url).status_code == 404, name
    services.share_log(log, user=people["worker"], audience="all_supervisors")
    shared = client_for(people["supervisor"]).get(url)
    assert shared.status_code == 200 and b"".join(shared.streaming_content) == PDF
    assert client_for(people["other_worker"]).get(url).status_code == 404


def test_the_file_has_no_public_address(people, client_for):
    log = make_log(people["worker"])
    upload(client_for(people["worker"]), log)
    evidence = Evidence.objects.get()
    assert evidence.file.name.startswith("evidence/") and "certificate" not in evidence.file.name
    with pytest.raises(ValueError):
        evidence.file.url  # noqa: B018 (private storage: no base URL)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("virus.exe", b"MZ\x90\x00", "must be a PDF, Word"),
    ("renamed.pdf", b"MZ\x90\x00 not a pdf", "not a real PDF file"),
    ("empty.pdf", b"", "The selected file is empty"),
    ("notes.txt", b"\x00\x01\x02binary", "not a text file"),
])
def test_wrong_files_are_refused_beside_the_field(people, client_for, name, content, message):
    log = make_log(people["worker"])
    response = upload(client_for(people["worker"]), log, name, content)
    html = response.content.decode()
    assert response.status_code == 400 and message in html and "govuk-error-message" in html
    assert not Evidence.objects.exists()


def test_too_big_a_file_is_refused(people, client_for, settings):
    settings.EVIDENCE_MAX_BYTES = 1000
    log = make_log(people["worker"])
    response = upload(client_for(people["worker"]), log, content=PDF + b"x" * 2000)
    assert response.status_code == 400 and "must be smaller than" in response.content.decode()


def test_no_upload_to_another_persons_log(people, client_for):
    log = make_log(people["worker"])
    assert upload(client_for(people["supervisor"]), log).status_code == 404
    assert not Evidence.objects.exists()


def test_evidence_on_learning_added_by_hand_goes_to_the_records_audience(people, client_for):
    entry = services.add_manual_entry(people["worker"], kind="course", title="MCA course",
                                      occurred_on=timezone.localdate(), hours=2)
    worker = client_for(people["worker"])
    response = worker.post(reverse("learning:entry-evidence-add", args=[entry.pk]),
                           {"file": SimpleUploadedFile("slides.pdf", PDF)})
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    url = reverse("learning:evidence-download", args=[evidence.pk])
    assert client_for(people["supervisor"]).get(url).status_code == 200  # a current supervisor reads the record
    for name in ["other_worker", "other_supervisor", "ended_supervisor", "practice_lead"]:
        assert client_for(people[name]).get(url).status_code == 404, name


def test_evidence_is_in_download_my_data_and_goes_with_the_log(people, client_for):
    from core.downloads import build_my_data
    from core.subject_access import files_for

    log = make_log(people["worker"])
    upload(client_for(people["worker"]), log)
    evidence = Evidence.objects.get()
    stored = evidence.file.name
    _name, _type, data = build_my_data(people["worker"], {}, lambda *args: None)  # what "Download my data" builds
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in archive.namelist() if n.startswith("files/learning/evidence/")]
    assert len(names) == 1 and archive.read(names[0]) == PDF
    document = json.loads(archive.read("my-data.json"))
    learning = next(s for s in document["sections"] if s["app"] == "learning")
    assert [i["name"] for p in learning["parts"] if p["key"] == "evidence" for i in p["items"]] == ["certificate.pdf"]
    # Nobody else's download carries it.
    assert not list(files_for(people["supervisor"]))
    services.delete_log(log)
    assert not Evidence.objects.exists() and not storages["private"].exists(stored)
