"""Finding 1: a log shared with nobody keeps its text from the worker's supervisor on every copy.

The supervisor may open the worker's development record (title, date, hours, statements) but not
the log itself, so the record page and its CSV, JSON and PDF exports must not carry the log's answers.
"""

import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from learning import record
from learning.tests.factories import load_content, make_log

# The people (and pages) are only read (each test runs in its own savepoint): made once for the module.
pytestmark = pytest.mark.usefixtures("shared_site")

SECRET = "Felt out of my depth with the family"


@pytest.fixture
def unshared_log(people):
    load_content()
    answers = {"description": f"{SECRET} on the first visit.", "feelings": "Anxious about the next one."}
    return make_log(people["worker"], title="Home visit reflection", answers=answers, hours=2)


def record_page(client, owner):
    return client.get(reverse("learning:record-for", args=[owner.pk]) + "?year=all").content.decode()


def export(client, owner, fmt):
    return client.get(reverse("learning:record-export-for", args=[owner.pk, fmt]) + "?year=all")


def pdf_text(response):
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_supervisor_cannot_open_the_unshared_log(people, client_for, unshared_log):
    response = client_for(people["supervisor"]).get(reverse("learning:log-detail", args=[unshared_log.pk]))
    assert response.status_code == 404


def test_record_page_shows_the_facts_not_the_text(people, client_for, unshared_log):
    page = record_page(client_for(people["supervisor"]), people["worker"])
    assert "Home visit reflection" in page and "2 hours" in page
    assert "Not shared with you" in page
    assert SECRET not in page


def test_csv_export_carries_no_text(people, client_for, unshared_log):
    body = export(client_for(people["supervisor"]), people["worker"], "csv").content.decode()
    assert "Home visit reflection" in body
    assert SECRET not in body and "Anxious" not in body
    assert "Not shared with you" in body


def test_json_export_carries_no_text(people, client_for, unshared_log):
    body = export(client_for(people["supervisor"]), people["worker"], "json").content.decode()
    entry = json.loads(body)["entries"][0]
    assert entry["title"] == "Home visit reflection" and entry["hours"] == "2.00"
    assert entry["content_shared"] is False and entry["learning"] == entry["description"] == "Not shared with you"
    assert SECRET not in body and "Anxious" not in body


def test_pdf_export_carries_no_answer(people, client_for, unshared_log):
    text = pdf_text(export(client_for(people["supervisor"]), people["worker"], "pdf"))
    assert "Home visit reflection" in text and "Not shared with you" in text
    assert "out of my depth" not in text and "Anxious" not in text


def test_the_owner_still_reads_everything(people, client_for, unshared_log):
    worker = client_for(people["worker"])
    assert SECRET in record_page(worker, people["worker"])
    assert SECRET in export(worker, people["worker"], "csv").content.decode()
    assert SECRET in export(worker, people["worker"], "json").content.decode()
    assert "Anxious" in pdf_text(export(worker, people["worker"], "pdf"))


def test_sharing_with_supervisors_shows_the_text_and_withdrawing_hides_it(people, client_for, unshared_log):
    supervisor = client_for(people["supervisor"])
    unshared_log.share_with_all_supervisors = True
    unshared_log.save()
    assert SECRET in record_page(supervisor, people["worker"])
    assert "Anxious" in pdf_text(export(supervisor, people["worker"], "pdf"))
    unshared_log.share_with_all_supervisors = False
    unshared_log.save()
    assert SECRET not in record_page(supervisor, people["worker"])


def test_an_unknown_source_shows_its_content_to_the_owner_only(people):
    record.contribute(owner=people["worker"], source="somewhere.else", source_key="1", kind="course",
                      title="Course", occurred_on="2025-01-01", summary="Private words")
    entries = list(people["worker"].record_entries.all())
    shown = record.visible_content(people["supervisor"], entries)
    assert [(e.title, e.summary, e.content_shown) for e in shown] == [("Course", "", False)]
    mine = record.visible_content(people["worker"], people["worker"].record_entries.all())
    assert [e.summary for e in mine] == ["Private words"]


def test_record_queries_stay_constant_for_a_supervisor(people, client_for, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    load_content()
    supervisor = client_for(people["supervisor"])
    make_log(people["worker"], title="One")
    record_page(supervisor, people["worker"])
    with CaptureQueriesContext(connection) as small:
        record_page(supervisor, people["worker"])
    for i in range(15):
        make_log(people["worker"], title=f"Log {i}", share_with_all_supervisors=i % 2 == 0)
    with django_assert_max_num_queries(len(small)):
        page = record_page(supervisor, people["worker"])
    assert page.count("Not shared with you") == 8


def test_learning_does_not_import_supervision():
    """Learning learns about peer groups through its audiences contract, not supervision's modules."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    offenders = [
        str(path.relative_to(root)) for path in root.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
        and any(line.lstrip().startswith(("from supervision", "import supervision"))
                for line in path.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []


def test_supervisor_dashboard_lists_the_logs_they_can_open(people):
    from django.test import RequestFactory

    from learning import dashboard

    load_content()
    shared = make_log(people["worker"], title="Shared with supervisors", share_with_all_supervisors=True)
    make_log(people["worker"], title="Kept private")
    request = RequestFactory().get("/")
    request.user = people["supervisor"]
    panel = next(p for p in dashboard.dashboard_panels(request) if p.template == "learning/panel_supervisor.html")
    assert [log.pk for log in panel.context["logs"]] == [shared.pk]
    request.user = people["ended_supervisor"]
    assert all(p.template != "learning/panel_supervisor.html" for p in dashboard.dashboard_panels(request))
