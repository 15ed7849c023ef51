import datetime

import pytest
from django.urls import reverse

from learning import record, services
from learning.models import ReflectiveTemplate
from learning.tests.factories import add_entries, load_content, make_log


def cpd(owner, key, day, peer=False):
    record.contribute(owner=owner, source="t", source_key=key, kind="course", title=key, occurred_on=day,
                      counts_as_cpd=True, includes_peer_reflection=peer)


def test_readiness_at_the_registration_year_boundary(people):
    worker = people["worker"]
    cpd(worker, "a", datetime.date(2024, 11, 30), peer=True)  # last day of 2023-24
    cpd(worker, "b", datetime.date(2024, 12, 1))  # first day of 2024-25
    r = services.readiness(worker, on=datetime.date(2025, 6, 1))
    assert (r["cpd_count"], r["peer_count"], r["ready"]) == (1, 0, False)
    assert any("1 more CPD record" in m for m in r["missing"]) and any("peer" in m for m in r["missing"])
    cpd(worker, "c", datetime.date(2025, 11, 30), peer=True)
    assert services.readiness(worker, on=datetime.date(2025, 12, 1))["cpd_count"] == 0
    assert services.readiness(worker, on=datetime.date(2025, 11, 30))["ready"]


def test_peer_reflection_rule(people):
    load_content()
    log = make_log(people["worker"], slug="cpd-record", answers={"description": "x", "peer_reflection": "Talked it over"})
    assert services.includes_peer_reflection(log)
    log = make_log(people["worker"], activity_type="peer_discussion")
    assert services.includes_peer_reflection(log)
    assert not services.includes_peer_reflection(make_log(people["worker"]))


def test_template_edits_do_not_change_existing_logs(people):
    log = make_log(people["worker"])
    template = ReflectiveTemplate.objects.get(slug="gibbs-reflective-cycle")
    template.prompts = [("prompt", {"key": "new", "heading": "Changed", "guidance": "", "answer_type": "long_text",
                                    "required": True, "choices": []})]
    template.save()
    log.refresh_from_db()
    assert log.prompts[0]["heading"] == "Description" and len(log.prompts) == 7


def test_autosave_keeps_revisions_and_restore(people, client_for):
    worker = client_for(people["worker"])
    log = make_log(people["worker"], complete=False)
    url = reverse("learning:log-autosave", args=[log.pk])
    assert worker.post(url, {"title": "First", "answer_description": "one"}).json()["saved"]
    log.refresh_from_db()
    services.save_log(log, user=people["worker"])  # "Save draft": a revision autosave will not overwrite
    first = log.revisions.order_by("-id").first()
    worker.post(url, {"title": "Second", "answer_description": "two"})
    log.refresh_from_db()
    assert log.answers["description"] == "two"
    assert client_for(people["supervisor"]).post(url, {"title": "x"}).status_code == 404
    assert worker.get(reverse("learning:log-revision", args=[log.pk, first.pk])).status_code == 200
    worker.post(reverse("learning:log-revision-restore", args=[log.pk, first.pk]))
    log.refresh_from_db()
    assert (log.title, log.answers["description"]) == ("First", "one")


def test_record_permissions(people, client_for):
    worker = people["worker"]
    url = reverse("learning:record-for", args=[worker.pk])
    assert client_for(worker).get(reverse("learning:record")).status_code == 200
    assert client_for(people["supervisor"]).get(url).status_code == 200
    for name in ["other_worker", "other_supervisor", "ended_supervisor", "practice_lead"]:
        assert client_for(people[name]).get(url).status_code == 403, name
        assert client_for(people[name]).get(reverse("learning:record-export-for", args=[worker.pk, "csv"])).status_code == 403
    assert client_for(None).get(url).status_code == 302


def test_exports(people, client_for):
    add_entries(people["worker"], 3)
    c = client_for(people["worker"])
    every_year = "?year=all"  # the entries are spread over earlier registration years
    assert c.get(reverse("learning:record-export", args=["csv"]) + every_year).content.decode().count("\n") == 4
    assert len(c.get(reverse("learning:record-export", args=["json"]) + every_year).json()["entries"]) == 3
    assert c.get(reverse("learning:record-export", args=["csv"])).content.decode().count("\n") == 1  # this year


def _record_queries_constant(people, client_for, django_assert_num_queries, n):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from learning.models import FrameworkStatement

    load_content()
    ids = list(FrameworkStatement.objects.values_list("pk", flat=True)[:2])
    c = client_for(people["worker"])
    url = reverse("learning:record") + "?year=all"
    add_entries(people["worker"], 10, start=datetime.date.today(), statement_ids=ids)
    c.get(url)  # the first request of a session does one-off work
    with CaptureQueriesContext(connection) as small:
        assert c.get(url).status_code == 200
    add_entries(people["worker"], n, start=datetime.date.today(), statement_ids=ids)
    with django_assert_num_queries(len(small)):
        response = c.get(url)
    assert response.status_code == 200 and response.context["page"].paginator.count == n


def test_record_query_count_10_vs_200(people, client_for, django_assert_num_queries):
    _record_queries_constant(people, client_for, django_assert_num_queries, 200)


@pytest.mark.slow
def test_record_query_count_10_vs_2000(people, client_for, django_assert_num_queries):
    _record_queries_constant(people, client_for, django_assert_num_queries, 2000)
