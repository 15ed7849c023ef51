"""Measuring search quality on graded queries: nDCG@10, recall@10 and MRR, per kind of query.

Two sets: the demo directory's queries (search/demo_data/relevance.json, binary: the expected
services count as grade 1), which the ranking may be tuned on, and a held-apart Norfolk directory
(search/evaluation/), which is only ever measured. The Norfolk queries are asked through the
Open Referral UK API (`/api/oruk/services?search=...`), as another council's client would.
"""

from __future__ import annotations

import json
import math
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.test.utils import override_settings

ROOT = Path(__file__).resolve().parent.parent
DATASETS = {
    "demo": {
        "queries": ROOT / "demo_data" / "relevance.json",
        "directory": ROOT / "demo_data" / "directory.json",
        "postcodes": ROOT / "demo_data" / "postcodes.csv",
    },
    "norfolk": {
        "queries": ROOT / "evaluation" / "norfolk_queries.json",
        "directory": ROOT / "evaluation" / "norfolk_directory.json",
        "postcodes": ROOT / "evaluation" / "norfolk_postcodes.csv",
    },
}
K = 10
BACKENDS = ("elasticsearch", "database")


@dataclass
class Case:
    kind: str
    search: str
    grades: dict[str, int]
    minimum_age: float | None = None
    maximum_age: float | None = None
    postcode: str = ""
    radius_miles: float | None = None


@dataclass
class Measured:
    case: Case
    ranked: list[str]
    ndcg: float
    recall: float
    reciprocal_rank: float
    seconds: float
    # Measuring Elasticsearch, the database answered instead (a timeout on a busy machine): the
    # query is asked once more, and the figures say how many were still not Elasticsearch's.
    fell_back: bool = False


@dataclass
class Summary:
    kind: str
    queries: int
    ndcg: float
    recall: float
    mrr: float
    median_ms: float
    worst: list[Measured] = field(default_factory=list)


def load_cases(path) -> list[Case]:
    """Graded cases from a file: the held-apart format (grades) or the demo's (expected_ids)."""
    cases = []
    for item in json.loads(Path(path).read_text(encoding="utf-8")):
        if "grades" in item:
            cases.append(
                Case(item["kind"], item["search"], {k: int(v) for k, v in item["grades"].items()},
                     item.get("minimum_age"), item.get("maximum_age"))
            )
        else:
            age = item.get("age")
            cases.append(
                Case(demo_kind(item), item["query"], dict.fromkeys(item["expected_ids"], 1), age, age,
                     item.get("postcode", ""), item.get("radius_miles"))
            )
    return cases


def demo_kind(item) -> str:
    """The demo's cases are not graded by kind; group them by what they ask, to see where tuning helps."""
    if item.get("kind"):
        return item["kind"]
    return "demo age" if item.get("age") is not None else "demo place" if item.get("postcode") else "demo words"


# ---- Measures -----------------------------------------------------------------------------------


def dcg(grades) -> float:
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades))


def ndcg_at(ranked, grades, k=K) -> float:
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg([grades.get(sid, 0) for sid in ranked[:k]]) / ideal if ideal else 0.0


def recall_at(ranked, grades, k=K) -> float:
    """Share of the relevant services that could fit in the top k which are there."""
    relevant = {sid for sid, g in grades.items() if g > 0}
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:k])) / min(len(relevant), k)


def reciprocal_rank(ranked, grades) -> float:
    for rank, sid in enumerate(ranked, 1):
        if grades.get(sid, 0) > 0:
            return 1 / rank
    return 0.0


# ---- Asking ---------------------------------------------------------------------------------------


def ask_api(case: Case) -> list[str]:
    """The ids the ORUK API's /services lists first for this case (as an outside client asks)."""
    from search import api

    params = {"search": case.search, "per_page": str(K)}
    if case.minimum_age is not None:
        params["minimum_age"] = str(case.minimum_age)
    if case.maximum_age is not None:
        params["maximum_age"] = str(case.maximum_age)
    request = RequestFactory().get("/api/oruk/services", params)
    request.user = AnonymousUser()
    with override_settings(ORUK_API_PUBLIC=True):
        response = api.service_list(request)
    if response.status_code != 200:
        return []
    return [item["id"] for item in json.loads(response.content)["contents"]]


def ask_engine(case: Case) -> list[str]:
    """The ids the search page's engine ranks first (for cases with a postcode and radius)."""
    from . import PostcodeNotFound, ServiceQuery, search_services

    query = ServiceQuery(
        text=case.search, postcode=case.postcode, radius_miles=case.radius_miles,
        min_age=case.minimum_age, max_age=case.maximum_age, per_page=K, read_age_from_text=True,
    )
    try:
        return [h.service_id for h in search_services(query).hits]
    except PostcodeNotFound:
        return []


def measure(cases, backend: str) -> list[Measured]:
    from . import es

    def one(case):
        for _attempt in range(2):
            started = time.perf_counter()
            ranked = ask_engine(case) if case.postcode else ask_api(case)
            seconds = time.perf_counter() - started
            fell_back = backend == "elasticsearch" and es.breaker.is_open()
            if not fell_back:
                break
            es.breaker.reset()
        return Measured(case, ranked, ndcg_at(ranked, case.grades), recall_at(ranked, case.grades),
                        reciprocal_rank(ranked, case.grades), seconds, fell_back)

    if backend == "database":
        with override_settings(ELASTICSEARCH_URL=""):
            return [one(c) for c in cases]
    es.breaker.reset()
    return [one(c) for c in cases]


def summarise(measured: list[Measured], worst=3) -> list[Summary]:
    kinds = sorted({m.case.kind for m in measured})
    rows = []
    for kind in [*kinds, "all"]:
        group = [m for m in measured if kind in ("all", m.case.kind)]
        if not group:
            continue
        rows.append(Summary(
            kind, len(group),
            statistics.fmean(m.ndcg for m in group),
            statistics.fmean(m.recall for m in group),
            statistics.fmean(m.reciprocal_rank for m in group),
            statistics.median(m.seconds for m in group) * 1000,
            sorted(group, key=lambda m: m.ndcg)[:worst] if kind != "all" else [],
        ))
    return rows


# ---- Loading a dataset -----------------------------------------------------------------------------


def load_dataset(name: str, log=print) -> None:
    """Import a dataset's postcodes and directory into this database, then rebuild the search index."""
    from search.importing import import_file
    from search.postcodes import import_postcodes

    from . import indexing

    files = DATASETS[name]
    log(import_postcodes(files["postcodes"]).summary())
    report = import_file(files["directory"])
    for line in report.lines():
        log(line)
    indexing.rebuild(log=log)
