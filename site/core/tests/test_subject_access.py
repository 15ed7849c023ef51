"""Download my data: everything the person owns, and nothing private of anyone else's."""

import io
import json
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from core import subject_access
from core.models import PrivacyEvent, PrivacyEventKind
from learning.models import Framework, SelfAssessment
from learning.tests.factories import make_log
from supervision.models import CaseDiscussion, PeerReflection
from supervision.tests.factories import (
    AgreementFactory,
    PeerGroupFactory,
    PeerSessionFactory,
    SessionFactory,
)


@pytest.fixture
def records(people):
    worker, colleague = people["worker"], people["other_worker"]
    make_log(worker, title="My home visit", answers={"description": "OWN-LOG-TEXT about a visit"})
    make_log(colleague, title="Colleague's private log", answers={"description": "COLLEAGUE-SECRET reflection"})
    own = SessionFactory(supervisor=people["supervisor"], supervisees=[worker])
    CaseDiscussion.objects.create(
        session=own, case_reference="AB1", presenting_situation="OWN-CASE situation",
        decision="Refer", rationale="Because", added_by=people["supervisor"],
    )
    other = SessionFactory(supervisor=people["other_supervisor"], supervisees=[colleague])
    CaseDiscussion.objects.create(
        session=other, case_reference="ZZ9", presenting_situation="OTHER-SESSION-SECRET",
        decision="Refer", rationale="Because", added_by=people["other_supervisor"],
    )
    group = PeerGroupFactory(members=[worker, colleague])
    peer = PeerSessionFactory(group=group, attendees=[worker, colleague], learning_points="PEER-LEARNING")
    PeerReflection.objects.create(session=peer, author=worker, text="OWN-PEER-REFLECTION")
    PeerReflection.objects.create(session=peer, author=colleague, text="COLLEAGUE-PEER-REFLECTION")
    return people


def unpack(data):
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert sorted(archive.namelist()) == ["README.txt", "my-data.json", "my-data.pdf"]
    document = json.loads(archive.read("my-data.json"))
    pdf = PdfReader(io.BytesIO(archive.read("my-data.pdf")))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    return document, text, pdf


def prepared(client, capture):
    """Press "Download my data", let the worker prepare it (at once here), fetch the linked file."""
    with capture(execute=True):
        started = client.post(reverse("my-data"))
    assert started.status_code == 302
    return client.get(started["Location"] + "file")


def test_worker_downloads_their_own_data_and_nothing_private_of_others(records, client_for, django_capture_on_commit_callbacks):
    worker = records["worker"]
    page = client_for(worker).get(reverse("my-data"))
    assert page.status_code == 200 and b"Download my data" in page.content

    response = prepared(client_for(worker), django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    document, text, _ = unpack(response.content)
    raw = json.dumps(document)

    for own in ["OWN-LOG-TEXT", "OWN-CASE situation", "OWN-PEER-REFLECTION", "PEER-LEARNING", "worker@example.org"]:
        assert own in raw, own
        assert own in text, own
    for private in ["COLLEAGUE-SECRET", "OTHER-SESSION-SECRET", "COLLEAGUE-PEER-REFLECTION", "Colleague's private log"]:
        assert private not in raw, private
        assert private not in text, private

    parts = {part["key"]: part for section in document["sections"] for part in section["parts"]}
    log = parts["reflective_logs"]["items"][0]
    assert log["title"] == "My home visit" and log["revision_dates"]
    assert len(parts["sessions"]["items"]) == 1
    assert {"account", "memberships", "development_record", "shortlists", "access_log"} <= parts.keys()


def test_the_pdf_is_tagged_with_a_title_and_language(records):
    _, _, pdf = unpack(subject_access.build_archive(subject_access.collect(records["worker"])))
    catalog = pdf.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    assert pdf.metadata.title.startswith("Your data from Practice Commons")


def test_each_download_is_audited_with_counts(records, client_for, django_capture_on_commit_callbacks):
    prepared(client_for(records["worker"]), django_capture_on_commit_callbacks)
    event = PrivacyEvent.objects.get(kind=PrivacyEventKind.SUBJECT_ACCESS)
    assert event.user == records["worker"] and event.actor == "worker@example.org"
    assert event.counts["Reflective logs"] == 1 and event.counts["Supervision sessions"] == 1


def test_an_ended_supervisor_gets_the_date_of_a_session_but_not_its_content(records):
    AgreementFactory(supervisor=records["ended_supervisor"], supervisee=records["worker"], place="AGREED-ROOM-7")
    session = SessionFactory(supervisor=records["ended_supervisor"], supervisees=[records["worker"]])
    CaseDiscussion.objects.create(
        session=session, case_reference="CD2", presenting_situation="AFTER-THE-END",
        decision="Refer", rationale="Because", added_by=records["ended_supervisor"],
    )
    raw = subject_access.as_json(subject_access.collect(records["ended_supervisor"]))
    assert "AFTER-THE-END" not in raw and "AGREED-ROOM-7" not in raw
    assert "AGREED-ROOM-7" in subject_access.as_json(subject_access.collect(records["worker"]))
    assert "Not included" in raw


def _queries_for(user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        subject_access.collect(user)
    return len(queries)


@pytest.mark.parametrize("who", ["worker", "supervisor"])
def test_query_count_does_not_grow_with_the_number_of_records(records, who):
    worker = records["worker"]
    make_log(records[who], title="First log")  # so that every kind of record has one row
    SelfAssessment.objects.create(owner=records[who], framework=Framework.objects.first())
    small = _queries_for(records[who])
    for i in range(4):
        make_log(records[who], title=f"Log {i}")
        session = SessionFactory(supervisor=records["supervisor"], supervisees=[worker])
        CaseDiscussion.objects.create(
            session=session, case_reference=f"C{i}", presenting_situation="Situation",
            decision="Refer", rationale="Because", added_by=records["supervisor"],
        )
    assert _queries_for(records[who]) == small


def test_an_administrator_can_export_a_persons_data_to_a_file(records, tmp_path):
    from django.core.management import call_command

    target = tmp_path / "export.zip"
    call_command("export_personal_data", "WORKER@example.org", str(target), "--requested-by", "DPO")
    document, text, _ = unpack(target.read_bytes())
    assert "OWN-LOG-TEXT" in text and "COLLEAGUE-SECRET" not in json.dumps(document)
    event = PrivacyEvent.objects.get(kind=PrivacyEventKind.SUBJECT_ACCESS)
    assert event.user == records["worker"] and "requested by DPO" in event.actor
