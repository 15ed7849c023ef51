"""Searching with Elasticsearch (elasticsearch-dsl)."""

from __future__ import annotations

from django.core.cache import cache
from elasticsearch_dsl import Q, Search

from . import Hit, SearchResults, es, ranking, text
from .documents import FIELD_WEIGHTS
from .query import ANY_OF_FACETS, Criteria
from .scoring import highlights_for, matched_terms, nearest_m

FIELDS = [f"{name}^{boost:g}" for name, boost in FIELD_WEIGHTS.items()]
HIGHLIGHT_FIELDS = list(FIELD_WEIGHTS)
FACET_FIELDS = {
    "taxonomy_term": "taxonomy_term_ids",
    "taxonomy": "taxonomy_ids",
    "service_area": "service_areas",
    "accessibility": "accessibility",
}
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
    age_functions = ranking.es_age_functions(criteria.min_age, criteria.max_age)
    if age_functions and criteria.sort == "relevance" and not criteria.prepared.is_empty:
        scored = Q("function_score", query=scored, functions=age_functions, score_mode="sum", boost_mode="multiply")
    s = s.query(Q("bool", must=[scored], filter=base_filters(criteria)))
    post = facet_filters(criteria)
    if post:
        s = s.post_filter(_and(post.values()))
    # Facet counts: each facet counts with every other facet's filter applied; an any-of facet
    # ignores its own selection so its other values still show what choosing them would add.
    for facet, field in FACET_FIELDS.items():
        others = [q for name, q in post.items() if name != facet or facet not in ANY_OF_FACETS]
        s.aggs.bucket(facet, "filter", filter=_and(others)).bucket("values", "terms", field=field, size=FACET_SIZES[facet])
    s.aggs.bucket("free", "filter", filter=_and([q for name, q in post.items() if name != "free"] + [Q("term", is_free=True)]))
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
    if not criteria.prepared.is_empty:
        s = s.suggest("spelling", " ".join(text.words(criteria.query.text)), term={"field": "spelling", "suggest_mode": "missing", "min_word_length": 3, "prefix_length": 0})
    # The prepared words come back too: matched words are highlighted in Python (Elasticsearch's
    # highlighter would mark the stemmed copy, and costs seconds with fuzzy queries).
    s = s.source(["service_id", "name", "description", "locations", *HIGHLIGHT_FIELDS])
    return s[criteria.offset : criteria.offset + criteria.per_page]


def search(criteria: Criteria) -> SearchResults:
    # The raw response (plain dicts) is much quicker to read than elasticsearch-dsl's wrappers.
    body = build(criteria).to_dict()
    response = es.client().search(index=es.alias_name(), body=body).body
    hits = []
    for hit in response["hits"]["hits"]:
        source = hit["_source"]
        points = [(p["lat"], p["lon"]) for p in (source.get("locations") or [])]
        sort_value = (hit.get("sort") or [None])[0]
        if criteria.sort == "distance" and isinstance(sort_value, (int, float)) and sort_value != float("inf"):
            distance = float(sort_value)
        else:
            distance = nearest_m(criteria.place, points)
        highlights = {}
        if not criteria.prepared.is_empty:
            doc_terms = {w for f in HIGHLIGHT_FIELDS for w in (source.get(f) or "").split()}
            matched = matched_terms(criteria.prepared, doc_terms)
            highlights = highlights_for(source.get("name", ""), source.get("description") or "", matched)
        hits.append(Hit(service_id=source["service_id"], score=float(hit.get("_score") or 0.0), distance_m=distance, highlights=highlights))
    total = response["hits"]["total"]["value"]
    return SearchResults(
        total=total,
        hits=hits,
        facets=_facets(response["aggregations"]),
        suggestion=_did_you_mean(response.get("suggest")) if total == 0 else None,
        backend="elasticsearch",
        fallback_reason=None,
        took_ms=float(response["took"]),
    )


def _facets(aggs) -> dict:
    facets = {}
    for facet in FACET_FIELDS:
        facets[facet] = [(b["key"], b["key"], b["doc_count"]) for b in aggs[facet]["values"]["buckets"]]
    labels = facet_labels({f: [v for v, _l, _c in facets[f]] for f in ("taxonomy_term", "taxonomy")})
    for facet in ("taxonomy_term", "taxonomy"):
        facets[facet] = [(v, labels.get(v, v), c) for v, _l, c in facets[facet]]
    for facet in facets:
        facets[facet].sort(key=lambda item: (-item[2], text.fold(item[1])))
    facets["free"] = [("true", "Free of charge", aggs["free"]["doc_count"])]
    return facets


LABEL_SECONDS = 60


def facet_labels(ids_by_facet) -> dict[str, str]:
    """Names of taxonomy terms and taxonomies by id, from the shared cache for a minute (they
    rarely change), so every app process shows the same names and looks them up once."""
    from search.models import Taxonomy, TaxonomyTerm

    wanted = {str(v) for values in ids_by_facet.values() for v in values}
    if not wanted:
        return {}
    keys = {f"search:facet-label:{v}": v for v in wanted}
    try:
        labels = {keys[k]: name for k, name in cache.get_many(keys).items()}
    except Exception:  # noqa: BLE001 - no cache: read them from the database
        labels = {}
    missing = wanted - labels.keys()
    if missing:
        found = dict(TaxonomyTerm.objects.filter(pk__in=missing).values_list("pk", "name"))
        found.update(Taxonomy.objects.filter(pk__in=missing).values_list("pk", "name"))
        found = {str(key): name for key, name in found.items()}
        labels.update(found)
        try:
            cache.set_many({f"search:facet-label:{key}": name for key, name in found.items()}, LABEL_SECONDS)
        except Exception:  # noqa: BLE001
            pass
    return labels


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
