import copy
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import models as m
from search.changes import services_changed
from search.importing import export_file, import_file, import_records
from search.oruk import schema_errors

from .conftest import new_ids

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            m.Service, m.Organization, m.Location, m.Address, m.Accessibility, m.Schedule, m.ServiceArea,
            m.ServiceAtLocation, m.Language, m.Funding, m.CostOption, m.Contact, m.ServiceAttribute,
            m.TaxonomyTerm, m.Taxonomy, m.OrganizationIdentifier,
        )
    }


def test_a_valid_file_creates_the_fully_nested_service(example_service, write_json):
    report = import_file(write_json([example_service]))

    assert (report.created, report.updated, report.unchanged, report.rejected) == (1, 0, 0, [])
    service = m.Service.objects.get(pk=example_service["id"])
    assert service.name == "Community Counselling"
    assert (service.minimum_age, service.maximum_age) == (12, 100)
    assert service.assured_date.isoformat() == "2005-01-01"
    assert service.organization.name == "Example Organization Inc."
    assert service.organization.organization_identifiers.get().identifier == "1234567"
    location = service.service_at_locations.get().location
    assert (location.latitude, location.longitude) == (52.3052, -1.9431)
    assert location.addresses.get().postal_code == "B97 4DN"
    assert "induction loops" in location.accessibility.get().description
    schedule = service.schedules.get()
    assert (schedule.byday, schedule.opens_at.isoformat(), schedule.closes_at.isoformat()) == ("TH,FR", "10:00:00", "18:00:00")
    assert service.cost_options.get().amount == 35
    assert service.contacts.get().name == "Ann Persona"
    term = service.attributes.get().taxonomy_term
    assert term.taxonomy.name == "taxonomy"
    # Each import that writes leaves a revision an editor can compare or roll back to.
    assert service.revisions.count() == 1


def test_importing_the_same_file_twice_changes_nothing(example_service, write_json):
    path = write_json([example_service])
    import_file(path)
    before = counts()
    stamp = m.Service.objects.get().updated_at

    report = import_file(path)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert counts() == before
    service = m.Service.objects.get()
    assert service.updated_at == stamp
    assert service.revisions.count() == 1


def test_a_changed_record_updates_and_removes_what_the_file_no_longer_has(example_service, write_json):
    import_file(write_json([example_service]))
    changed = copy.deepcopy(example_service)
    changed["name"] = "Community Counselling (evenings)"
    changed["schedules"] = []
    changed["cost_options"][0]["amount"] = 20
    del changed["last_modified"]

    report = import_file(write_json([changed]))

    assert (report.created, report.updated) == (0, 1)
    service = m.Service.objects.get()
    assert service.name == "Community Counselling (evenings)"
    assert not m.Schedule.objects.exists()
    assert service.cost_options.get().amount == 20
    assert service.revisions.count() == 2
    # Without a last_modified in the file, a real change stamps the time of the import.
    assert service.last_modified.year >= 2026


def test_json_lines_with_some_bad_records_imports_the_good_ones_and_reports_the_rest(example_service, tmp_path):
    good = example_service
    other = new_ids(example_service)
    other["name"] = "Second service"
    bad_status = new_ids(example_service)
    bad_status["status"] = "open"
    bad_status["name"] = "Bad status service"
    bad_age = new_ids(example_service)
    bad_age["name"] = "Backwards ages"
    bad_age["minimum_age"], bad_age["maximum_age"] = 30, 18
    bad_date = new_ids(example_service)
    bad_date["name"] = "Bad date"
    bad_date["schedules"][0]["valid_from"] = "next Tuesday"
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(r) for r in (good, bad_status)] + ["{not json"] + [json.dumps(r) for r in (bad_age, other, bad_date)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = import_file(path)

    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    assert set(m.Service.objects.values_list("name", flat=True)) == {"Community Counselling", "Second service"}
    rejected = {r.index: r for r in report.rejected}
    assert set(rejected) == {2, 3, 4, 6}
    assert rejected[2].name == "Bad status service" and rejected[2].id == bad_status["id"]
    assert rejected[2].reasons == [("/status", "'open' is not one of ['active', 'inactive', 'defunct', 'temporarily closed']")]
    assert "not valid JSON" in rejected[3].reasons[0][1]
    assert rejected[4].reasons == [("/maximum_age", "is below minimum_age (30.00 > 18.00)")]
    assert rejected[6].reasons[0][0] == "/schedules/0/valid_from"
    text = "\n".join(report.lines())
    assert "6 records: 2 created, 0 updated, 0 unchanged, 4 rejected" in text
    assert "record 2 “Bad status service”" in text and "/status:" in text


def test_a_wholly_invalid_file_writes_nothing(example_service, write_json):
    broken = [{"id": "not-a-uuid", "name": "No status"}, "just a string", {**example_service, "id": 42}]
    report = import_file(write_json(broken))

    assert report.created == 0 and len(report.rejected) == 3
    assert not m.Service.objects.exists() and not m.Organization.objects.exists()
    first = dict(report.rejected[0].reasons)
    assert "'status' is a required property" in first["/"]
    assert "is not a 'uuid'" in first["/id"]
    assert report.rejected[1].reasons == [("/", "a service must be a JSON object")]


def test_a_record_that_fails_while_writing_leaves_no_trace(example_service, write_json):
    record = copy.deepcopy(example_service)
    # A service at location that points at a location nobody has described.
    record["service_at_locations"].append({"id": "7d7bd3a3-6a4c-4d0e-9a3e-0e4d2b7b9f10", "location_id": "0c9b9a0e-1111-4c1e-8d6f-8f8d1f1e2a3b"})

    report = import_file(write_json([record]))

    assert report.rejected and "is not in the file or the directory" in report.rejected[0].reasons[0][1]
    assert counts() == dict.fromkeys(counts(), 0)


def test_an_id_already_used_by_another_service_is_refused(example_service, write_json):
    import_file(write_json([example_service]))
    thief = new_ids(example_service)
    thief["contacts"][0]["id"] = example_service["contacts"][0]["id"]

    report = import_file(write_json([thief]))

    assert report.rejected[0].reasons[0][0] == "/contacts"
    assert m.Service.objects.count() == 1
    assert m.Contact.objects.get().service_id.hex == example_service["id"].replace("-", "")


def test_dry_run_counts_but_writes_nothing(example_service, write_json):
    report = import_file(write_json([example_service, new_ids(example_service)]), dry_run=True)

    assert (report.created, report.dry_run) == (2, True)
    assert counts() == dict.fromkeys(counts(), 0)


def test_coordinates_off_the_globe_are_dropped_with_a_warning(write_json):
    from .conftest import load_example

    record = load_example()  # latitude 100, longitude 101 as the standard's example has them
    report = import_file(write_json([record]))

    assert report.created == 1
    assert m.Location.objects.get().latitude is None
    assert "not a valid latitude" in report.warnings[0][2]


def test_the_command_prints_the_report(example_service, write_json):
    bad = new_ids(example_service)
    bad["name"] = "Needs a status"
    del bad["status"]
    out = StringIO()

    with pytest.raises(CommandError, match="1 records were rejected") as failure:
        call_command("import_oruk", str(write_json([example_service, bad])), stdout=out)

    text = out.getvalue()
    assert "2 records: 1 created, 0 updated, 0 unchanged, 1 rejected" in text
    assert "record 2 “Needs a status”" in text and "'status' is a required property" in text
    assert failure.value.returncode == 1  # a scheduler sees the failure; the good record is in
    assert m.Service.objects.filter(name=example_service["name"]).exists()

    out = StringIO()
    call_command("import_oruk", str(write_json([example_service])), "--dry-run", stdout=out)
    assert "Dry run: nothing was written. 1 records: 0 would be created, 0 would be updated, 1 unchanged" in out.getvalue()


def test_export_writes_what_import_reads(example_service, tmp_path, write_json):
    second = new_ids(example_service)
    second["name"] = "Another service"
    import_file(write_json([example_service, second]))
    exported = tmp_path / "export.json"

    call_command("export_oruk", str(exported), stdout=StringIO())

    records = json.loads(exported.read_text(encoding="utf-8"))
    assert [r["name"] for r in records] == ["Another service", "Community Counselling"]
    for record in records:
        assert schema_errors(record, "compiled/service.json") == []
    # Re-importing the export changes nothing...
    assert import_file(exported).unchanged == 2
    # ...and into an empty directory it rebuilds the same records.
    m.Service.objects.all().delete()
    m.Location.objects.all().delete()
    m.Organization.objects.all().delete()
    assert import_file(exported).created == 2
    lines = tmp_path / "export.jsonl"
    export_file(lines)
    assert [json.loads(line) for line in lines.read_text().splitlines()] == records


def test_the_service_changed_signal_fires_once_per_committed_record(example_service, django_capture_on_commit_callbacks):
    received = []

    def listener(sender, service_ids, **kwargs):
        received.append(set(service_ids))

    services_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            import_records([(1, example_service)])
    finally:
        services_changed.disconnect(listener)
    assert any(str(i) == example_service["id"] for ids in received for i in ids)


def test_an_unchanged_record_is_recognised_in_a_fixed_number_of_queries(example_service):
    import_records([(1, example_service)])
    with CaptureQueriesContext(connection) as one:
        import_records([(1, example_service)])
    assert len(one.captured_queries) < 80
