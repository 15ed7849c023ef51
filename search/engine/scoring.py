"""Scoring helpers both backends share: distances, the distance decay, matched words, highlights."""

from __future__ import annotations

import math

from . import text

METRES_PER_MILE = 1609.344


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
    return matched_terms_each(prepared, [doc_terms])[0]


def matched_terms_each(prepared: text.PreparedQuery, docs_terms: list[set[str]]) -> list[set[str]]:
    """matched_terms for each of several documents (a page of results), the typo allowance worked
    out once over all their words rather than once a document."""
    vocabulary = set().union(*docs_terms)
    near = set()
    for clause in prepared.clauses:
        if clause.fuzzy:
            near.update(w for w, _d in text.fuzzy_matches(clause.typed[0], vocabulary))
    found = []
    for doc_terms in docs_terms:
        matched = near & doc_terms
        for clause in prepared.clauses:
            for alternative in clause.alternatives:
                if all(w in doc_terms for w in alternative):
                    matched.update(alternative)
        found.append(matched)
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
