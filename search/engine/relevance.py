"""The relevance check: queries a social worker might type, with the services expected near the top."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from django.test.utils import override_settings

from . import PostcodeNotFound, ServiceQuery, search_services

RELEVANCE_FILE = Path(__file__).resolve().parent.parent / "demo_data" / "relevance.json"


@dataclass
class Outcome:
    query: str
    passed: bool
    found_at: int | None  # 1-based rank of the best-placed expected service
    expected: int
    found_in_top: int
    top: list[str]


def load_cases(path=RELEVANCE_FILE) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def run_case(case: dict) -> Outcome:
    top_n = int(case.get("expect_any_in_top", 5))
    age = case.get("age")
    query = ServiceQuery(
        text=case["query"],
        postcode=case.get("postcode", ""),
        radius_miles=case.get("radius_miles"),
        min_age=age,
        max_age=age,
        per_page=top_n,
        read_age_from_text=age is None,  # as the search page does
    )
    try:
        results = search_services(query)
    except PostcodeNotFound:
        return Outcome(case["query"], False, None, len(case["expected_ids"]), 0, [])
    ids = [h.service_id for h in results.hits[:top_n]]
    expected = set(case["expected_ids"])
    ranks = [i + 1 for i, sid in enumerate(ids) if sid in expected]
    return Outcome(case["query"], bool(ranks), ranks[0] if ranks else None, len(expected), len(ranks), ids)


def run(cases, backend: str) -> list[Outcome]:
    """Run every case on one backend ("elasticsearch" or "database")."""
    if backend == "database":
        with override_settings(ELASTICSEARCH_URL=""):
            return [run_case(c) for c in cases]
    return [run_case(c) for c in cases]


def pass_rate(outcomes) -> float:
    return sum(o.passed for o in outcomes) / len(outcomes) if outcomes else 0.0
