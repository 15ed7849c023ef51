"""Each user action is one service: the log saved once and its record entry in step, the record's
exports in Social Work England's order, sharing, assessments and manual entries owner-checked."""

import csv
import io
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from learning import exports, record, services
from learning.models import (
    Framework,
    FrameworkStatement,
    RecordEntry,
    ReflectiveLog,
    ReflectiveTemplate,
)
from learning.tests.factories import load_content, make_log

# The people (and pages) are only read (each test runs in its own savepoint): made once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_site")]


@pytest.fixture(scope="module")
def content(shared_site, django_db_blocker):
    """The shipped frameworks and templates, loaded once inside the module's shared transaction."""
    with django_db_blocker.unblock():
        load_content()


def autosave(client, url, version=None, **fields):
    data = {"title": "A visit", "occurred_on": timezone.localdate().isoformat(), "activity_type": "direct_work"}
    data.update({f"answer_{k}" if k not in ("title", "statements") else k: v for k, v in fields.items()})
    if version is not None:
        data["based_on"] = version
    return client.post(url, data)


def test_autosave_of_a_complete_log_keeps_its_record_entry_in_step(people, client_for, content):
    log = make_log(people["worker"], complete=True)
    statement = FrameworkStatement.objects.first()
    response = autosave(client_for(people["worker"]), reverse("learning:log-autosave", args=[log.pk]),
                        version=log.version, title="Renamed while typing", description="Rewritten.",
                        statements=[statement.pk])
    assert response.json()["saved"] is True
    entry = RecordEntry.objects.get(source=services.LOG_SOURCE, source_key=str(log.pk))
    assert entry.title == "Renamed while typing"
    assert list(entry.statements.all()) == [statement]  # statements set before the one sync
    assert "Rewritten." in {section["text"] for section in entry.cpd_details}


def test_update_log_sets_statements_before_syncing_once(people, content):
    log = services.new_log(people["worker"], ReflectiveTemplate.objects.get(slug="gibbs-reflective-cycle"))
    statement = FrameworkStatement.objects.filter(domain__framework__slug=exports.STANDARD_4).first()
    services.update_log(log, user=people["worker"], changes={"title": "Course day"}, statements=[statement],
                        complete=True)
    entry = RecordEntry.objects.get(source_key=str(log.pk))
    assert list(entry.statements.all()) == [statement]
    standard_4 = next(s for s in entry.cpd_details if s["key"] == "standard_4")
    assert standard_4["text"].startswith(statement.code)


def test_only_the_owner_saves_or_shares_a_log(people, content):
    log = make_log(people["worker"], complete=True)
    with pytest.raises(PermissionDenied):
        services.update_log(log, user=people["supervisor"], changes={"title": "Mine now"})
    with pytest.raises(PermissionDenied):
        services.share_log(log, user=people["supervisor"], audience="all_supervisors")
    log.refresh_from_db()
    assert log.title != "Mine now" and not log.share_with_all_supervisors


def test_choosing_a_model_stores_nothing_until_the_first_autosave(people, client_for, content):
    worker = client_for(people["worker"])
    gibbs = ReflectiveTemplate.objects.get(slug="gibbs-reflective-cycle")
    response = worker.post(reverse("learning:log-create"), {"template": gibbs.pk})
    assert worker.get(response.url).status_code == 200
    assert not ReflectiveLog.objects.exists()
    body = autosave(worker, reverse("learning:log-start-autosave", args=[gibbs.slug]), description="First words").json()
    log = ReflectiveLog.objects.get()
    assert body["saved"] is True and body["edit_url"] == reverse("learning:log-edit", args=[log.pk])
    assert log.answers["description"] == "First words" and log.owner == people["worker"]
    # Later autosaves go to the log's own address: still one log.
    autosave(worker, body["autosave_url"], version=body["version"], description="More words")
    assert ReflectiveLog.objects.get().answers["description"] == "More words"


def test_a_save_from_an_older_tab_is_refused_and_stores_nothing(people, client_for, content):
    worker = client_for(people["worker"])
    log = make_log(people["worker"], complete=False)
    url = reverse("learning:log-autosave", args=[log.pk])
    opened = log.version  # both tabs opened this version
    first = autosave(worker, url, version=opened, description="Typed in tab one")
    assert first.json()["saved"] is True
    second = autosave(worker, url, version=opened, description="Typed in tab two")
    assert second.status_code == 409 and second.json()["conflict"] is True and second.json()["saved"] is False
    log.refresh_from_db()
    assert log.answers["description"] == "Typed in tab one"
    # "Keep mine": tab two saves again on the version it was told about.
    third = autosave(worker, url, version=second.json()["version"], description="Typed in tab two")
    assert third.json()["saved"] is True
    log.refresh_from_db()
    assert log.answers["description"] == "Typed in tab two"


def test_a_stale_full_save_keeps_the_typed_text_and_asks(people, client_for, content):
    worker = client_for(people["worker"])
    log = make_log(people["worker"], complete=False)
    opened = log.version
    autosave(worker, reverse("learning:log-autosave", args=[log.pk]), version=opened, description="Other tab")
    response = worker.post(reverse("learning:log-edit", args=[log.pk]), {
        "title": "Mine", "occurred_on": timezone.localdate().isoformat(), "activity_type": "direct_work",
        "answer_description": "Typed here", "based_on": opened, "action": "save",
    })
    html = response.content.decode()
    assert response.status_code == 409
    assert "changed somewhere else" in html and "Typed here" in html and "Save mine over the other version" in html
    log.refresh_from_db()
    assert log.answers["description"] == "Other tab"


def _csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_exports_follow_the_swe_form_and_the_chosen_year(people, client_for, content):
    worker = people["worker"]
    cpd = ReflectiveTemplate.objects.get(slug="cpd-record")
    this_year = timezone.localdate()
    log = services.new_log(worker, cpd)
    services.update_log(log, user=worker, complete=True, changes={
        "title": "Court skills course", "occurred_on": this_year, "activity_type": "training",
        "answers": {"cpd_type": "Course", "description": "A day on giving evidence.", "learning": "Plain words.",
                    "impact": "Clearer statements for families.", "peer_reflection": "Talked it over with Sam."},
    })
    record.contribute(owner=worker, source="test", source_key="old", kind="course", title="Long ago course",
                      occurred_on=this_year.replace(year=this_year.year - 3), counts_as_cpd=True)
    client = client_for(worker)
    rows = _csv_rows(client.get(reverse("learning:record-export", args=["csv"])))
    assert rows[0][:8] == [heading for _key, heading in exports.SWE_FORM]
    assert [row[0] for row in rows[1:]] == ["Court skills course"]  # this registration year only
    assert rows[1][2:7] == ["Course", "A day on giving evidence.", "Plain words.", "Clearer statements for families.",
                            "Talked it over with Sam."]
    body = json.loads(client.get(reverse("learning:record-export", args=["json"]) + "?year=all").content)
    assert [f["key"] for f in body["fields"]][:8] == [key for key, _heading in exports.SWE_FORM]
    assert list(body["entries"][0])[:8] == [key for key, _heading in exports.SWE_FORM]
    assert {e["title"] for e in body["entries"]} == {"Court skills course", "Long ago course"}


def test_assessment_and_comment_through_services(people, content):
    framework = Framework.objects.filter(is_active=True).first()
    statement = FrameworkStatement.objects.filter(domain__framework=framework).first()
    assessment = services.record_assessment(people["worker"], framework, ratings={statement: "3"}, note="n")
    assert assessment.ratings.get().value == 3
    assert RecordEntry.objects.filter(source=services.ASSESSMENT_SOURCE, source_key=str(assessment.pk)).exists()
    with pytest.raises(PermissionDenied):
        services.comment_on_assessment(assessment, user=people["other_supervisor"], text="Not yours")


def test_only_the_owner_removes_learning_they_added(people, content):
    entry = services.add_manual_entry(people["worker"], kind="course", title="A course",
                                      occurred_on=timezone.localdate(), hours=1)
    with pytest.raises(PermissionDenied):
        services.remove_manual_entry(entry, user=people["supervisor"])
    assert services.remove_manual_entry(entry, user=people["worker"]) == 1
