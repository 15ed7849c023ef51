"""The relevance measures and the held-apart evaluation set."""

import json

import pytest
from django.core.management import call_command

from search.engine import evaluation
from search.engine.indexing import apply_pending


def test_ndcg_rewards_the_best_services_first():
    grades = {"a": 3, "b": 2, "c": 1}
    assert evaluation.ndcg_at(["a", "b", "c"], grades) == pytest.approx(1.0)
    assert evaluation.ndcg_at(["c", "b", "a"], grades) < evaluation.ndcg_at(["a", "c", "b"], grades) < 1.0
    assert evaluation.ndcg_at(["x", "y"], grades) == 0.0


def test_recall_and_reciprocal_rank():
    grades = {"a": 3, "b": 1}
    assert evaluation.recall_at(["x", "a", "y"], grades) == 0.5
    assert evaluation.reciprocal_rank(["x", "y", "b"], grades) == pytest.approx(1 / 3)


def test_the_held_apart_set_is_big_enough_and_graded_several_ways():
    files = evaluation.DATASETS["norfolk"]
    services = json.loads(files["directory"].read_text(encoding="utf-8"))
    queries = evaluation.load_cases(files["queries"])
    assert len(services) >= 300
    assert {s["status"] for s in services} >= {"active", "inactive", "defunct"}
    assert len(queries) >= 120
    kinds = {q.kind for q in queries}
    assert kinds == {"everyday", "abbreviation", "misspelling", "age", "place", "taxonomy"}
    active = {s["id"] for s in services if s["status"] == "active"}
    for query in queries:
        assert set(query.grades) <= active  # a stopped service is never "relevant"
        assert all(0 < g <= 3 for g in query.grades.values())


@pytest.mark.django_db
def test_the_command_prints_figures_per_kind_not_a_pass_rate(settings, tmp_path, capsys):
    from search.tests.factories import ServiceFactory

    settings.ELASTICSEARCH_URL = ""
    wanted = ServiceFactory(name="Carers' cafe", description="A monthly cafe for unpaid carers.")
    ServiceFactory(name="Allotment club", description="Grow vegetables.")
    apply_pending()  # the worker's job after each change
    path = tmp_path / "queries.json"
    path.write_text(json.dumps([{"kind": "everyday", "search": "carers cafe", "grades": {str(wanted.pk): 3}}]))
    call_command("directory_relevance", "--dataset", str(path), "--json")
    out = capsys.readouterr().out
    assert "nDCG@10" in out and "pass" not in out
    figures = json.loads(out.strip().splitlines()[-1])
    assert figures["database"]["everyday"]["ndcg10"] == 1.0
