"""Searching with Elasticsearch (elasticsearch-dsl)."""

from __future__ import annotations

from datetime import date

from elasticsearch_dsl import Q, Search

from . import Hit, Listing, SearchResults, es, ranking, text
from .documents import FIELD_WEIGHTS
from .query import ANY_OF_FACETS, Criteria
from .scoring import highlights_for, matched_terms_each, nearest_m

FIELDS = [f"{name}^{boost:g}" for name, boost in FIELD_WEIGHTS.items()]
# Highlighting marks matched words in the name and the description, so only their prepared words
# come back (the other fields' words could never be marked).
HIGHLIGHT_FIELDS = ["name_terms", "description_terms"]
# What the results list shows, returned with each hit so the page loads nothing per result.
# What ranking.rescore reads of the first matches.
RESCORE_FIELDS = [*FIELD_WEIGHTS, "assured_date", "name_sort"]
LISTING_FIELDS = ["service_id", "name", "organisation", "town", "description", "status", "min_age", "max_age", "is_free", "locations"]
FACET_FIELDS = {
    "taxonomy_term": "taxonomy_term_ids",
    "taxonomy": "taxonomy_ids",
    "service_area": "service_areas",
    "accessibility": "accessibility",
}
# Facets are counted on fields holding "id|name", so the names come with the counts.
COUNTED_FIELDS = {**FACET_FIELDS, "taxonomy_term": "taxonomy_term_facets", "taxonomy": "taxonomy_facets"}
FACET_SIZES = {"taxonomy_term": 60, "taxonomy": 20, "service_area": 30, "accessibility": 30}


def text_query(criteria: Criteria):
    """One clause per thing asked for; a clause matches any of its glossary alternatives.

    The words the user typed are fuzzy (typo tolerance); a glossary expansion matches when all its
    words are in one field. Word order in the name earns a little more through the shingles sub-field.
    """
    clauses = []
    for clause in criteria.prepared.clauses:
        alternatives = []
        for number, alternative in enumerate(clause.alternatives):
            words = " ".join(alternative)
            if len(alternative) == 1:
                options = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 20} if number == 0 and clause.fuzzy else {}
                alternatives.append(Q("multi_match", query=words, fields=FIELDS, type="best_fields", tie_breaker=0.3, **options))
            else:
                # Every word of the expansion in one field (the database fallback does the same).
                alternatives.append(Q("multi_match", query=words, fields=FIELDS, type="best_fields", operator="and", tie_breaker=0.3))
        if clause.weight != 1.0:
            clauses.append(Q("dis_max", queries=alternatives, tie_breaker=0.1, boost=clause.weight))
        else:
            clauses.append(alternatives[0] if len(alternatives) == 1 else Q("dis_max", queries=alternatives, tie_breaker=0.1))
    typed_clauses = [c for c in criteria.prepared.clauses if not c.from_everyday]
    typed = " ".join(" ".join(c.typed) for c in typed_clauses)
    if len(typed_clauses) > 1:
        clauses.append(Q("match", **{"name_terms.shingles": {"query": typed, "boost": 2.0}}))
    if ranking.phrase_applies(tuple(typed.split())):
        fields = [f"{name}^{FIELD_WEIGHTS[name]:g}" for name in ranking.PHRASE_FIELDS]
        clauses.append(Q("multi_match", query=typed, type="phrase", slop=ranking.PHRASE_SLOP, fields=fields, boost=ranking.PHRASE_BOOST))
    return Q("bool", should=clauses, minimum_should_match=1)


def base_filters(criteria: Criteria) -> list:
    from search.models import LISTED_STATUSES

    filters = [Q("terms", status=[str(s) for s in LISTED_STATUSES])]
    if criteria.max_age is not None:
        filters.append(Q("bool", should=[~Q("exists", field="min_age"), Q("range", min_age={"lte": criteria.max_age})]))
    if criteria.min_age is not None:
        filters.append(Q("bool", should=[~Q("exists", field="max_age"), Q("range", max_age={"gte": criteria.min_age})]))
    if criteria.place is not None and criteria.radius_m:
        near = [Q("geo_distance", distance=f"{criteria.radius_m:.0f}m", locations={"lat": criteria.place.latitude, "lon": criteria.place.longitude})]
        if criteria.place.area_codes:
            near.append(Q("terms", area_codes=sorted(criteria.place.area_codes)))
        filters.append(Q("bool", should=near, minimum_should_match=1))
    if criteria.week_ranges:
        filters.append(
            Q("bool", should=[Q("range", openings={"gte": s, "lte": e, "relation": "intersects"}) for s, e in criteria.week_ranges], minimum_should_match=1)
        )
    return filters


def facet_filters(criteria: Criteria) -> dict[str, object]:
    found = {}
    for facet, values in criteria.facet_filters.items():
        field = FACET_FIELDS[facet]
        if facet in ANY_OF_FACETS:
            found[facet] = Q("terms", **{field: sorted(values)})
        else:
            found[facet] = Q("bool", filter=[Q("term", **{field: v}) for v in sorted(values)])
    if criteria.free_only:
        found["free"] = Q("term", is_free=True)
    return found


def _and(queries):
    queries = list(queries)
    return Q("bool", filter=queries) if queries else Q("match_all")


def build(criteria: Criteria) -> Search:
    s = Search(using=es.client(), index=es.alias_name()).extra(track_total_hits=True)
    scored = text_query(criteria) if not criteria.prepared.is_empty else Q("match_all")
    if criteria.place is not None and criteria.sort == "relevance" and not criteria.prepared.is_empty:
        origin = {"lat": criteria.place.latitude, "lon": criteria.place.longitude}
        # Nearer services count for more (x0.5..x1, same formula as the database fallback).
        scored = Q(
            "function_score",
            query=scored,
            functions=[
                {"weight": 0.5},
                {"gauss": {"locations": {"origin": origin, "scale": f"{criteria.decay_scale_m:.0f}m", "decay": 0.5}}, "weight": 0.5},
            ],
            score_mode="sum",
            boost_mode="multiply",
        )
    if criteria.sort == "relevance" and not criteria.prepared.is_empty:
        # ranking.py: the age fit and the recency of the review, each a factor on the score.
        for functions in (ranking.es_age_functions_for(criteria), ranking.es_recency_functions()):
            if functions:
                scored = Q("function_score", query=scored, functions=functions, score_mode="sum", boost_mode="multiply")
    s = s.query(Q("bool", must=[scored], filter=base_filters(criteria)))
    post = facet_filters(criteria)
    if post:
        s = s.post_filter(_and(post.values()))
    if criteria.query.facets:
        add_facet_counts(s, post)
    if criteria.sort == "distance":
        s = s.sort(
            {"_geo_distance": {"locations": {"lat": criteria.place.latitude, "lon": criteria.place.longitude}, "order": "asc", "unit": "m", "mode": "min", "ignore_unmapped": True}},
            {"_score": {"order": "desc"}},
            {"name_sort": {"order": "asc"}},
        )
    elif criteria.sort == "name":
        s = s.sort({"name_sort": {"order": "asc"}})
    else:
        s = s.sort({"_score": {"order": "desc"}}, {"name_sort": {"order": "asc"}})
    # The prepared words come back too: matched words are highlighted in Python (Elasticsearch's
    # highlighter would mark the stemmed copy, and costs seconds with fuzzy queries).
    s = s.source(sorted({*LISTING_FIELDS, *(HIGHLIGHT_FIELDS if criteria.query.highlights else ()), *(RESCORE_FIELDS if _rescored(criteria) else ())}))
    return s[criteria.offset : criteria.offset + criteria.per_page]


def _rescored(criteria: Criteria) -> bool:
    """Whether the first matches are scored again in Python (ranking.rescore) and by meaning."""
    return criteria.sort == "relevance" and not criteria.prepared.is_empty and criteria.offset < ranking.RESCORED


def add_facet_counts(s: Search, post: dict) -> None:
    """Facet counts: each facet counts with every other facet's filter applied; an any-of facet
    ignores its own selection so its other values still show what choosing them would add."""
    for facet, field in COUNTED_FIELDS.items():
        others = [q for name, q in post.items() if name != facet or facet not in ANY_OF_FACETS]
        counted = {"field": field, "size": FACET_SIZES[facet]}
        if others:
            s.aggs.bucket(facet, "filter", filter=_and(others)).bucket("values", "terms", **counted)
        else:  # nothing else chosen: count the matches directly (a match-all filter costs a pass)
            s.aggs.bucket(facet, "terms", **counted)
    s.aggs.bucket("free", "filter", filter=_and([q for name, q in post.items() if name != "free"] + [Q("term", is_free=True)]))


def spelling_request(criteria: Criteria) -> dict:
    """"Did you mean": asked only when nothing matched, so other searches do not pay for it."""
    words = " ".join(text.words(criteria.query.text))
    return {"size": 0, "suggest": {"spelling": {"text": words, "term": {"field": "spelling", "suggest_mode": "missing", "min_word_length": 3, "prefix_length": 0}}}}


def _listing(source) -> Listing:
    return Listing(
        service_id=source["service_id"],
        name=source.get("name") or "",
        organisation=source.get("organisation") or "",
        town=source.get("town") or "",
        description=source.get("description") or "",
        status=source.get("status") or "",
        minimum_age=source.get("min_age"),
        maximum_age=source.get("max_age"),
        is_free=bool(source.get("is_free")),
    )


def search(criteria: Criteria) -> SearchResults:
    # The raw response (plain dicts) is much quicker to read than elasticsearch-dsl's wrappers.
    body = build(criteria).to_dict()
    # The first results are scored again as the database scores them, then reordered by meaning
    # (ranking.rescore, ranking.rerank): fetch that window whole.
    reranked = _rescored(criteria)
    if reranked:
        body["from"], body["size"] = 0, max(ranking.RESCORED, criteria.offset + criteria.per_page)
    client = es.client()
    response = client.search(index=es.alias_name(), body=body).body
    took = float(response["took"])
    total = response["hits"]["total"]["value"]
    suggestion = None
    if total == 0 and not criteria.prepared.is_empty:
        spelling = client.search(index=es.alias_name(), body=spelling_request(criteria)).body
        suggestion = _did_you_mean(spelling.get("suggest"))
        took += float(spelling["took"])
    if reranked:
        response["hits"]["hits"] = _reordered(criteria, response["hits"]["hits"])[criteria.offset : criteria.offset + criteria.per_page]
    page = response["hits"]["hits"]
    matched = [set() for _hit in page]
    if criteria.query.highlights and not criteria.prepared.is_empty:
        page_terms = [{w for f in HIGHLIGHT_FIELDS for w in (hit["_source"].get(f) or "").split()} for hit in page]
        matched = matched_terms_each(criteria.prepared, page_terms)
    hits = []
    for hit, matched_here in zip(page, matched, strict=True):
        source = hit["_source"]
        points = [(p["lat"], p["lon"]) for p in (source.get("locations") or [])]
        sort_value = (hit.get("sort") or [None])[0]
        if criteria.sort == "distance" and isinstance(sort_value, (int, float)) and sort_value != float("inf"):
            distance = float(sort_value)
        else:
            distance = nearest_m(criteria.place, points)
        hits.append(
            Hit(
                service_id=source["service_id"],
                score=float(hit.get("_score") or 0.0),
                distance_m=distance,
                highlights=highlights_for(source.get("name", ""), source.get("description") or "", matched_here) if matched_here else {},
                listing=_listing(source),
            )
        )
    return SearchResults(
        total=total,
        hits=hits,
        facets=_facets(response["aggregations"]) if "aggregations" in response else {},
        suggestion=suggestion,
        backend="elasticsearch",
        fallback_reason=None,
        took_ms=took,
    )


def _reordered(criteria: Criteria, found: list[dict]) -> list[dict]:
    """The first matches in the database's order (ranking.rescore), then reordered by meaning."""
    by_id = {hit["_source"]["service_id"]: hit for hit in found}
    window = list(by_id)[: ranking.RESCORED]
    rows, distances = [], {}
    for sid in window:
        source = by_id[sid]["_source"]
        row = {f: f" {source.get(f) or ''} " for f in FIELD_WEIGHTS}
        assured = source.get("assured_date")
        row.update(key=sid, min_age=source.get("min_age"), max_age=source.get("max_age"), assured_date=date.fromisoformat(assured[:10]) if assured else None)
        rows.append(row)
        distances[sid] = nearest_m(criteria.place, [(p["lat"], p["lon"]) for p in (source.get("locations") or [])])
    scores = ranking.rescore(criteria, rows, distances)
    window.sort(key=lambda sid: (-round(scores[sid], 6), by_id[sid]["_source"].get("name_sort") or ""))
    candidates = [(sid, scores[sid], by_id[sid]["_source"].get("name", ""), by_id[sid]["_source"].get("description") or "") for sid in window[: ranking.SEMANTIC_WINDOW]]
    order = ranking.rerank(criteria, candidates) + window[ranking.SEMANTIC_WINDOW :] + list(by_id)[ranking.RESCORED :]
    return [by_id[sid] for sid in order]


def _facets(aggs) -> dict:
    facets = {}
    for facet in FACET_FIELDS:
        counted = aggs[facet].get("values", aggs[facet])
        facets[facet] = [(b["key"], b["key"], b["doc_count"]) for b in counted["buckets"]]
    for facet in ("taxonomy_term", "taxonomy"):
        facets[facet] = _labelled(facets[facet])
    for facet in facets:
        facets[facet].sort(key=lambda item: (-item[2], text.fold(item[1])))
    facets["free"] = [("true", "Free of charge", aggs["free"]["doc_count"])]
    return facets


def _labelled(buckets) -> list[tuple[str, str, int]]:
    """(id, name, count) from buckets keyed "id|name". Just after a rename, services not yet
    reindexed still carry the old name: the counts add up under the name most of them carry."""
    counts, names = {}, {}
    for key, _key, count in buckets:
        value, _bar, name = key.partition("|")
        counts[value] = counts.get(value, 0) + count
        if count > names.get(value, ("", -1))[1]:
            names[value] = (name, count)
    return [(value, names[value][0], count) for value, count in counts.items()]


def _did_you_mean(suggest) -> str | None:
    if not suggest or "spelling" not in suggest:
        return None
    words, changed = [], False
    for entry in suggest["spelling"]:
        if entry["options"]:
            words.append(entry["options"][0]["text"])
            changed = True
        else:
            words.append(entry["text"])
    return " ".join(words) if changed else None


def suggest(prefix: str, limit: int) -> list[str]:
    """Completions (names, categories, organisations starting with the prefix), then names with a
    word starting with it ("short br" finds "... overnight short breaks"), in one request."""
    s = Search(using=es.client(), index=es.alias_name()).source(["name"]).extra(size=limit)
    s = s.query("match_bool_prefix", name={"query": prefix, "max_expansions": 30})
    s = s.suggest("exact", prefix, completion={"field": "suggest", "size": limit, "skip_duplicates": True})
    s = s.suggest(
        "fuzzy",
        prefix,
        completion={"field": "suggest", "size": limit, "skip_duplicates": True, "fuzzy": {"fuzziness": 1, "min_length": 4, "prefix_length": 2}},
    )
    response = es.client().search(index=es.alias_name(), body=s.to_dict()).body
    found = [option["text"] for option in response["suggest"]["exact"][0]["options"]]
    found += [hit["_source"]["name"] for hit in response["hits"]["hits"]]
    found += [option["text"] for option in response["suggest"]["fuzzy"][0]["options"]]
    unique = []
    for item in found:
        if item not in unique:
            unique.append(item)
    return unique[:limit]
