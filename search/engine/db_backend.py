"""Searching the database: the fallback when Elasticsearch is not configured or not answering.

Search entries hold the same prepared words as the Elasticsearch documents, so both backends
match the same words. The database narrows the candidates (whole-word LIKE on the prepared
words, age, a bounding box around the postcode, opening times); Python then does what SQL
cannot do portably: exact distances (haversine), a BM25-like score with the same field weights
and distance decay as Elasticsearch, facet counts, typo tolerance from a vocabulary of indexed
words (edit distance, like Elasticsearch's `fuzziness: AUTO`) and "did you mean".
"""

from __future__ import annotations

import math
import threading
import time
import uuid
from collections import Counter, defaultdict

from django.db.models import CharField, Q
from django.db.models.functions import Cast

from . import Hit, SearchResults, ranking, text
from .documents import FIELD_WEIGHTS
from .models import SearchEntry, SearchEntryFacet, SearchEntryLocation, SearchEntryOpening
from .query import ANY_OF_FACETS, Criteria
from .scoring import METRES_PER_MILE, decay, highlights_for, nearest_m

FUZZY_FACTOR = 0.6  # a word matched through a typo counts for less than an exact one
FACET_KINDS = ("taxonomy_term", "taxonomy", "service_area", "accessibility")
FACET_LIMITS = {"taxonomy_term": 60, "taxonomy": 20, "service_area": 30, "accessibility": 30}


class Vocabulary:
    """Every prepared word in the entries with how many entries hold it; every plain word for spelling."""

    ttl = 300

    def __init__(self):
        self._lock = threading.Lock()
        self._built = 0.0
        self.document_frequency: Counter = Counter()
        self.spellings: Counter = Counter()
        self.documents = 0

    def invalidate(self):
        self._built = 0.0

    def _ensure(self):
        if time.monotonic() - self._built < self.ttl:
            return
        with self._lock:
            if time.monotonic() - self._built < self.ttl:
                return
            frequency, spellings, documents = Counter(), Counter(), 0
            for all_terms, spelling in SearchEntry.objects.values_list("all_terms", "spelling").iterator(chunk_size=2000):
                documents += 1
                frequency.update(set(all_terms.split()))
                spellings.update(set(spelling.split()))
            self.document_frequency, self.spellings, self.documents = frequency, spellings, documents
            self._built = time.monotonic()

    def idf(self, term: str) -> float:
        self._ensure()
        df = self.document_frequency.get(term, 0)
        return math.log(1 + (self.documents - df + 0.5) / (df + 0.5))

    def fuzzy(self, term: str) -> list[tuple[str, int]]:
        self._ensure()
        return text.fuzzy_matches(term, self.document_frequency)

    def knows(self, term: str) -> bool:
        self._ensure()
        return term in self.document_frequency

    def correct(self, word: str) -> str | None:
        """The most common indexed word within two edits of `word`, for "did you mean"."""
        self._ensure()
        if word in self.spellings or len(word) < 3:
            return None
        options = text.fuzzy_matches(word, self.spellings, same_first_letter=False)
        if not options:
            return None
        best = min(options, key=lambda pair: (pair[1], -self.spellings[pair[0]]))
        return best[0]


vocabulary = Vocabulary()


# ---- Matching and scoring ------------------------------------------------------------------------


def expanded_clauses(criteria: Criteria):
    """For each clause: [(phrase, factor)] of alternatives, adding typo variants of typed words."""
    expanded = []
    for clause in criteria.prepared.clauses:
        options = []
        for number, alternative in enumerate(clause.alternatives):
            options.append((alternative, clause.weight))
            if number == 0 and clause.fuzzy:
                for word, _distance in vocabulary.fuzzy(alternative[0])[:20]:
                    options.append(((word,), FUZZY_FACTOR * clause.weight))
        expanded.append(options)
    return expanded


def _phrase(words) -> str:
    return f" {' '.join(words)} "


def text_filter(clauses) -> Q:
    condition = Q()
    for options in clauses:
        for words, _factor in options:
            every = Q()
            for word in words:
                every &= Q(all_terms__contains=_phrase((word,)))
            condition |= every
    return condition


def contains_all(field_text: str, words) -> bool:
    return all(f" {w} " in field_text for w in words)


def score(row: dict, clauses, typed_words) -> tuple[float, set[str]]:
    """Sum over clauses of the best (field weight x idf x typo factor) among its alternatives."""
    total, matched = 0.0, set()
    for options in clauses:
        best = 0.0
        for phrase, factor in options:
            for field, weight in FIELD_WEIGHTS.items():
                if contains_all(row[field], phrase):
                    idf = sum(vocabulary.idf(w) for w in phrase) / len(phrase)
                    # Shorter fields say more per match (BM25's length normalisation, roughly).
                    length = row[field].count(" ")
                    value = weight * idf * factor * (1.6 / (1 + 0.6 * min(length, 60) / 12))
                    best = max(best, value)
                    matched.update(phrase)
        total += best
    if len(typed_words) > 1 and _phrase(typed_words) in row["name_terms"]:
        total *= 1.25  # the words in order in the name, as Elasticsearch's shingles reward
    if ranking.phrase_applies(typed_words) and any(ranking.near_in_order(row[f], typed_words) for f in ranking.PHRASE_FIELDS):
        total *= ranking.PHRASE_FACTOR
    return total, matched


# ---- The search ---------------------------------------------------------------------------------


def _key(field):
    return Cast(field, output_field=CharField())


def _bounding_box(place, radius_m):
    dlat = radius_m / 111_320.0
    dlon = radius_m / (111_320.0 * max(0.01, math.cos(math.radians(place.latitude))))
    return place.latitude - dlat, place.latitude + dlat, place.longitude - dlon, place.longitude + dlon


def candidates(criteria: Criteria, clauses):
    """The entries the database can pick out; Python finishes the job."""
    from search.models import LISTED_STATUSES

    qs = SearchEntry.objects.filter(service__status__in=LISTED_STATUSES)
    if clauses:
        qs = qs.filter(text_filter(clauses))
    if criteria.max_age is not None:
        qs = qs.filter(Q(min_age__isnull=True) | Q(min_age__lte=criteria.max_age))
    if criteria.min_age is not None:
        qs = qs.filter(Q(max_age__isnull=True) | Q(max_age__gte=criteria.min_age))
    # Subqueries with IN (not correlated EXISTS): the database walks the latitude or area-code
    # index once instead of probing it for every entry.
    if criteria.place is not None and criteria.radius_m:
        south, north, west, east = _bounding_box(criteria.place, criteria.radius_m)
        in_box = SearchEntryLocation.objects.filter(latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east)
        near = Q(pk__in=in_box.values("entry_id"))
        if criteria.place.area_codes:
            covering = SearchEntryFacet.objects.filter(kind="area_code", value__in=sorted(criteria.place.area_codes))
            near |= Q(pk__in=covering.values("entry_id"))
        qs = qs.filter(near)
    if criteria.week_ranges:
        open_then = Q()
        for start, end in criteria.week_ranges:
            open_then |= Q(start_minute__lte=end, end_minute__gte=start)
        qs = qs.filter(pk__in=SearchEntryOpening.objects.filter(open_then).values("entry_id"))
    return qs


def search(criteria: Criteria) -> SearchResults:
    clauses = expanded_clauses(criteria) if not criteria.prepared.is_empty else []
    qs = candidates(criteria, clauses)
    # Ids are read as the database's own text (a cast), not as UUID objects: building tens of
    # thousands of UUIDs was most of the time on a large directory.
    columns = ["key", "name", "name_sort", "is_free", "min_age", "max_age", *(["description", *FIELD_WEIGHTS] if clauses else [])]
    rows = {r["key"]: r for r in qs.annotate(key=_key("service_id")).values(*columns)}
    facets = defaultdict(lambda: defaultdict(set))  # id -> kind -> values
    labels = {}
    candidates_pk = qs.values("pk")
    for sid, kind, value, label in (
        SearchEntryFacet.objects.filter(entry__in=candidates_pk).annotate(key=_key("entry_id")).values_list("key", "kind", "value", "label")
    ):
        facets[sid][kind].add(value)
        labels[(kind, value)] = label
    points = defaultdict(list)
    if criteria.place is not None:
        for sid, lat, lon in (
            SearchEntryLocation.objects.filter(entry__in=candidates_pk).annotate(key=_key("entry_id")).values_list("key", "latitude", "longitude")
        ):
            points[sid].append((lat, lon))

    # Exact distance: inside the radius, or serving the postcode's area.
    distances = {sid: nearest_m(criteria.place, points.get(sid)) for sid in rows}
    if criteria.place is not None and criteria.radius_m:
        area_codes = criteria.place.area_codes
        rows = {
            sid: r for sid, r in rows.items()
            if (distances[sid] is not None and distances[sid] <= criteria.radius_m) or (facets[sid]["area_code"] & area_codes)
        }

    # Facet filters, and counts that show what each choice would give.
    def passes(sid, skip=None):
        for kind in FACET_KINDS:
            wanted = criteria.facet_filters.get(kind)
            if not wanted or (kind == skip and kind in ANY_OF_FACETS):
                continue
            have = facets[sid][kind]
            if kind in ANY_OF_FACETS and not (have & wanted):
                return False
            if kind not in ANY_OF_FACETS and not wanted <= have:
                return False
        if criteria.free_only and skip != "free" and not rows[sid]["is_free"]:
            return False
        return True

    facet_counts = {}
    unfiltered = not criteria.facet_filters and not criteria.free_only
    for kind in FACET_KINDS:
        counter = Counter()
        for sid in rows:
            if unfiltered or passes(sid, skip=kind):
                counter.update(facets[sid][kind])
        ranked = sorted(counter.items(), key=lambda item: (-item[1], text.fold(labels.get((kind, item[0]), item[0]))))
        facet_counts[kind] = [(value, labels.get((kind, value), value), count) for value, count in ranked[: FACET_LIMITS[kind]]]
    facet_counts["free"] = [("true", "Free of charge", sum(1 for sid, r in rows.items() if r["is_free"] and passes(sid, skip="free")))]
    matching = list(rows) if unfiltered else [sid for sid in rows if passes(sid)]

    # Score and order.
    scored = {}
    matched_terms = set(criteria.prepared.all_terms())
    typed_words = tuple(w for c in criteria.prepared.clauses if not c.from_everyday for w in c.typed)
    for sid in matching:
        if clauses:
            value, matched = score(rows[sid], clauses, typed_words)
            matched_terms |= matched
            if criteria.place is not None and criteria.sort == "relevance":
                value *= 0.5 + 0.5 * decay(distances[sid], criteria.decay_scale_m)
            if criteria.sort == "relevance":
                value *= ranking.age_fit(criteria.min_age, criteria.max_age, rows[sid]["min_age"], rows[sid]["max_age"])
        else:
            value = 0.0
        scored[sid] = value
    if criteria.sort == "distance":
        key = lambda sid: (distances[sid] is None, distances[sid] or 0.0, -scored[sid], rows[sid]["name_sort"])  # noqa: E731
    elif criteria.sort == "name":
        key = lambda sid: rows[sid]["name_sort"]  # noqa: E731
    else:
        key = lambda sid: (-round(scored[sid], 6), rows[sid]["name_sort"])  # noqa: E731
    ordered = sorted(matching, key=key)
    if criteria.sort == "relevance" and clauses:
        window = ordered[: ranking.SEMANTIC_WINDOW]
        ordered[: len(window)] = ranking.rerank(criteria, [(sid, scored[sid], rows[sid]["name"], rows[sid]["description"]) for sid in window])
    page = ordered[criteria.offset : criteria.offset + criteria.per_page]

    hits = []
    for sid in page:
        row = rows[sid]
        highlights = highlights_for(row["name"], row.get("description", ""), matched_terms) if clauses else {}
        hits.append(Hit(service_id=str(uuid.UUID(sid)), score=scored[sid], distance_m=distances.get(sid), highlights=highlights))
    suggestion = did_you_mean(criteria) if not matching and clauses else None
    return SearchResults(
        total=len(matching),
        hits=hits,
        facets=facet_counts,
        suggestion=suggestion,
        backend="database",
        fallback_reason=None,
        took_ms=None,
    )


def did_you_mean(criteria: Criteria) -> str | None:
    words, changed = [], False
    for word in text.words(criteria.query.text):
        better = vocabulary.correct(word) if word not in text.STOP_WORDS else None
        words.append(better or word)
        changed = changed or bool(better)
    return " ".join(words) if changed else None


def suggest(prefix: str, limit: int) -> list[str]:
    """Service names and taxonomy terms containing a word that starts with what was typed."""
    from search.models import LISTED_STATUSES, TaxonomyTerm

    folded = text.fold(prefix).strip()
    found = []
    names = SearchEntry.objects.filter(service__status__in=LISTED_STATUSES)
    starts = names.filter(name_sort__startswith=folded).order_by("name_sort").values_list("name", flat=True)[:limit]
    found += list(starts)
    if len(found) < limit:
        inner = names.filter(name_sort__contains=f" {folded}").order_by("name_sort").values_list("name", flat=True)[: limit * 2]
        found += list(inner)
    terms = TaxonomyTerm.objects.filter(Q(name__istartswith=prefix) | Q(name__icontains=f" {prefix}")).values_list("name", flat=True)[:limit]
    combined = []
    for name in [*found[: limit - 2], *terms, *found]:
        if name not in combined:
            combined.append(name)
    return combined[:limit]


__all__ = ["search", "suggest", "vocabulary", "METRES_PER_MILE"]
