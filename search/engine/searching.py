"""Running a search: understand the query once, then ask Elasticsearch or the database."""

from __future__ import annotations

import logging
import math
import re
import threading
import time as clock
from dataclasses import dataclass, field
from datetime import time

from django.db.models import Count, Max

from . import PostcodeNotFound, SearchResults, ServiceQuery, es, everyday, places, text
from .documents import DAYS, MINUTES_PER_DAY

log = logging.getLogger(__name__)

METRES_PER_MILE = 1609.344
MAX_PER_PAGE = 100
MAX_RESULT_WINDOW = 10_000
# Facets whose values are alternatives (any of them); the others must all hold.
ANY_OF_FACETS = ("taxonomy_term", "taxonomy", "service_area")
DAY_NAMES = {name[:2].upper(): name[:2].upper() for name in DAYS}
DAY_NAMES.update(
    {n: c for c, names in {
        "MO": ("monday", "mon"), "TU": ("tuesday", "tue", "tues"), "WE": ("wednesday", "wed"),
        "TH": ("thursday", "thu", "thur", "thurs"), "FR": ("friday", "fri"), "SA": ("saturday", "sat"),
        "SU": ("sunday", "sun"),
    }.items() for n in (*names, c.lower())}
)


@dataclass
class Criteria:
    """A query, understood: what both backends search with."""

    query: ServiceQuery
    prepared: text.PreparedQuery
    glossary: text.Glossary = field(default_factory=text.Glossary)
    place: object | None = None  # search.postcodes.Place
    place_from_text: bool = False
    age_words: str | None = None
    radius_m: float | None = None
    min_age: float | None = None
    max_age: float | None = None
    week_ranges: list[tuple[int, int]] | None = None
    facet_filters: dict[str, set] = field(default_factory=dict)
    free_only: bool = False
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    @property
    def offset(self):
        return (self.page - 1) * self.per_page

    @property
    def decay_scale_m(self):
        """Distance at which a nearby service's relevance counts for half as much again as a far one's."""
        return self.radius_m or 5 * METRES_PER_MILE


# ---- The glossary, cached until it changes ------------------------------------------------------

_glossary_lock = threading.Lock()
_glossary_cache: dict = {"key": None, "glossary": text.Glossary()}


def current_glossary() -> text.Glossary:
    from .models import GlossaryTerm

    in_use = GlossaryTerm.objects.filter(in_use=True)
    key = tuple(in_use.aggregate(n=Count("pk"), changed=Max("updated_at")).values())
    with _glossary_lock:
        if _glossary_cache["key"] != key:
            entries = [(g.term, g.expansion_list()) for g in in_use]
            _glossary_cache["glossary"] = text.build_glossary(entries)
            _glossary_cache["key"] = key
        return _glossary_cache["glossary"]


# ---- Understanding a query ---------------------------------------------------------------------


def parse_day(value) -> str | None:
    if not value:
        return None
    code = DAY_NAMES.get(str(value).strip().lower()) or DAY_NAMES.get(str(value).strip().upper())
    if code is None:
        raise ValueError(f"Unknown day: {value!r} (use MO, TU, WE, TH, FR, SA or SU)")
    return code


def parse_time(value) -> int | None:
    """Minutes after midnight of a time or "HH:MM[:SS]" text."""
    if value in (None, ""):
        return None
    if isinstance(value, time):
        return value.hour * 60 + value.minute
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*", str(value))
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueError(f"Unknown time: {value!r} (use HH:MM)")
    return int(match.group(1)) * 60 + int(match.group(2))


def week_ranges(day, start_time, end_time) -> list[tuple[int, int]] | None:
    """The stretches of the week a service must be open in, or None for no opening filter."""
    code = parse_day(day)
    start, end = parse_time(start_time), parse_time(end_time)
    if code is None and start is None and end is None:
        return None
    start = 0 if start is None else start
    end = MINUTES_PER_DAY - 1 if end is None else end
    if end < start:
        start, end = end, start
    days = [code] if code else DAYS
    return [(DAYS.index(d) * MINUTES_PER_DAY + start, DAYS.index(d) * MINUTES_PER_DAY + end) for d in days]


def _number(value):
    if value in (None, ""):
        return None
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise ValueError("not a number")
    return number


def understand(query: ServiceQuery) -> Criteria:
    """Turn a ServiceQuery into Criteria. Raises PostcodeNotFound or ValueError for bad input."""
    glossary = current_glossary()
    words = query.text or ""
    found_place = None
    if query.read_place_from_text and not (query.postcode or "").strip() and words.strip():
        found_place = places.read_place(words, places.current_gazetteer())
        if found_place is not None:
            words = found_place.rest
    prepared = text.prepare_query(words, glossary, read_age=query.read_age_from_text)
    everyday.with_everyday_words(prepared, everyday.current())
    min_age, max_age = _number(query.min_age), _number(query.max_age)
    age_words = None
    if prepared.age is not None and min_age is None and max_age is None:
        min_age = max_age = float(prepared.age)
    else:
        prepared.age = None
        if query.read_age_from_text and min_age is None and max_age is None:
            age_words = places.read_age_words(words)
            if age_words:
                min_age, max_age = (None if v is None else float(v) for v in age_words[:2])
    place = None
    if (query.postcode or "").strip():
        from search.postcodes import resolve

        place = resolve(query.postcode)
        if place is None:
            raise PostcodeNotFound(f"We could not find the postcode {query.postcode.strip()!r}")
    radius = _number(query.radius_miles)
    if found_place is not None:
        place = found_place.place
        radius = radius if (radius and radius > 0) else found_place.radius_miles
    radius_m = radius * METRES_PER_MILE if (radius and radius > 0 and place) else None
    sort = query.sort if query.sort in ("relevance", "distance", "name") else "relevance"
    if sort == "distance" and place is None:
        sort = "relevance"
    if sort == "relevance" and prepared.is_empty:
        sort = "distance" if place else "name"
    facet_filters = {
        "taxonomy_term": {str(v) for v in query.taxonomy_term_ids if v},
        "taxonomy": {str(v) for v in query.taxonomy_ids if v},
        "service_area": {str(v) for v in query.service_areas if v},
        "accessibility": {str(v) for v in query.accessibility if v},
    }
    per_page = max(1, min(int(query.per_page or 20), MAX_PER_PAGE))
    # Elasticsearch pages no deeper than 10,000 results; nobody reads that far.
    page = max(1, min(int(query.page or 1), MAX_RESULT_WINDOW // per_page))
    return Criteria(
        query=query,
        prepared=prepared,
        place_from_text=found_place is not None,
        age_words=age_words[2] if age_words else None,
        glossary=glossary,
        place=place,
        radius_m=radius_m,
        min_age=min_age,
        max_age=max_age,
        week_ranges=week_ranges(query.day, query.start_time, query.end_time),
        facet_filters={k: v for k, v in facet_filters.items() if v},
        free_only=bool(query.free_only),
        sort=sort,
        page=page,
        per_page=per_page,
    )


# ---- Shared helpers ------------------------------------------------------------------------------


def haversine_m(lat1, lon1, lat2, lon2) -> float:
    radius = 6_371_008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(min(1.0, math.sqrt(a)))


def nearest_m(place, points) -> float | None:
    if place is None or not points:
        return None
    return min(haversine_m(place.latitude, place.longitude, lat, lon) for lat, lon in points)


def decay(distance_m, scale_m) -> float:
    """Elasticsearch's gauss decay (decay 0.5 at `scale`): 1 at the origin, 0.5 at scale. Missing: 1."""
    if distance_m is None:
        return 1.0
    return 0.5 ** ((distance_m / scale_m) ** 2)


def matched_terms(prepared: text.PreparedQuery, doc_terms: set[str]) -> set[str]:
    """The document's words the query matched: exactly, or (for typed words) within the typo allowance."""
    found = set()
    for clause in prepared.clauses:
        for number, alternative in enumerate(clause.alternatives):
            if all(w in doc_terms for w in alternative):
                found.update(alternative)
            if number == 0 and clause.fuzzy:
                found.update(w for w, _d in text.fuzzy_matches(alternative[0], doc_terms))
    return found


def highlights_for(name: str, description: str, terms: set[str]) -> dict[str, list[str]]:
    found = {}
    marked = text.highlight(name, terms)
    if marked:
        found["name"] = [marked]
    fragment = text.highlight(description, terms, fragment=220)
    if fragment:
        found["description"] = [fragment]
    return found


def expansion_labels(prepared: text.PreparedQuery, glossary: text.Glossary) -> list[str]:
    """Human words for the glossary expansions used ("LD: learning disability, ...")."""
    index = glossary.index()
    labels = []
    for clause in prepared.clauses:
        if clause.from_everyday:
            labels.append(f"{clause.original}: {', '.join(clause.labels)}")
        elif clause.from_glossary and clause.typed in index:
            human = glossary.labels[index[clause.typed]]
            labels.append(f"{clause.original}: {', '.join(h for h in human if text.analyse(h) != list(clause.typed))}")
    return labels


# ---- Running it --------------------------------------------------------------------------------


def search_services(query: ServiceQuery) -> SearchResults:
    started = clock.perf_counter()
    criteria = understand(query)
    # Reading never writes: the worker applies waiting index updates (search.engine.tasks).
    reason = None
    if es.configured():
        if es.breaker.is_open():
            reason = f"Elasticsearch is unavailable ({es.breaker.reason})"
        else:
            from . import es_backend

            try:
                results = es_backend.search(criteria)
            except (es.IndexMissing, *es.UNAVAILABLE) as error:
                if es.is_outage(error):
                    es.breaker.trip(error)
                    reason = f"Elasticsearch is unavailable ({es.describe(error)})"
                else:  # a query it refused: answer from the database, but it is not an outage
                    log.exception("Elasticsearch refused a search")
                    reason = f"Elasticsearch could not run this search ({es.describe(error)})"
            else:
                return _finish(results, criteria)
    from . import db_backend

    results = db_backend.search(criteria)
    results.fallback_reason = reason
    results.took_ms = (clock.perf_counter() - started) * 1000
    return _finish(results, criteria)


def _finish(results: SearchResults, criteria: Criteria) -> SearchResults:
    results.place_label = criteria.place.label if criteria.place else None
    results.age_from_text = criteria.prepared.age
    results.ages_from_text = criteria.age_words
    results.place_from_text = criteria.place_from_text
    results.radius_miles = round(criteria.radius_m / METRES_PER_MILE, 1) if criteria.radius_m else None
    results.expansions = expansion_labels(criteria.prepared, criteria.glossary)
    return results


def suggest(prefix: str, limit: int = 8) -> list[str]:
    prefix = (prefix or "").strip()[:100]
    if len(text.fold(prefix).strip()) < 2:
        return []
    limit = max(1, min(int(limit), 20))
    found: list[str] = []
    if es.configured() and not es.breaker.is_open():
        from . import es_backend

        try:
            found = es_backend.suggest(prefix, limit)
        except (es.IndexMissing, *es.UNAVAILABLE) as error:
            if es.is_outage(error):
                es.breaker.trip(error)
            found = []
        else:
            return _with_glossary(prefix, found, limit)
    from . import db_backend

    return _with_glossary(prefix, db_backend.suggest(prefix, limit), limit)


def _with_glossary(prefix: str, found: list[str], limit: int) -> list[str]:
    """Add glossary terms that start with what was typed ("cam" -> "CAMHS")."""
    from .models import GlossaryTerm

    folded = text.fold(prefix)
    extra = []
    for term in GlossaryTerm.objects.filter(in_use=True):
        for form in [term.term, *term.expansion_list()]:
            if text.fold(form).startswith(folded):
                extra.append(form)
    seen, result = set(), []
    for item in [*found[: max(1, limit - 2)], *extra, *found]:
        key = text.fold(item)
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result[:limit]
