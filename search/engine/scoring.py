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
