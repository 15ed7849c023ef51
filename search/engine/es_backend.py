"""Searching with Elasticsearch (elasticsearch-dsl)."""

from __future__ import annotations

import uuid
from datetime import date

from elasticsearch_dsl import Search

from . import Hit, Listing, SearchResults, es, meaning, ranking, semantic, text
from .documents import FIELD_WEIGHTS
from .query import ANY_OF_FACETS, Criteria
from .scoring import highlights_for, matched_terms_each, nearest_m

FIELDS = [f"{name}^{boost:g}" for name, boost in FIELD_WEIGHTS.items()]
# What the results list shows, returned with each hit so the page loads nothing per result. The
# words to mark are worked out from the name and description themselves (text.analyse), so the
# indexed copies of the words never travel back.
# What ranking.rescore reads of the first matches.
RESCORE_FIELDS = [*FIELD_WEIGHTS, "assured_date", "name_sort", "meaning"]
LISTING_FIELDS = ["service_id", "name", "organisation", "town", "description", "status", "min_age", "max_age", "is_free", "locations"]
FACET_FIELDS = {
    "taxonomy_term": "taxonomy_term_ids",
    "taxonomy": "taxonomy_ids",
    "service_area": "service_areas",
    "accessibility": "accessibility",
}
# Facets are counted on fields holding "id|name", so the names come with the counts. Only the facets
# the search page shows are counted (each costs a pass over every match).
COUNTED_FIELDS = {"taxonomy_term": "taxonomy_term_facets", "service_area": "service_areas", "accessibility": "accessibility"}
FACET_SIZES = {"taxonomy_term": 60, "service_area": 30, "accessibility": 30}
# Typo tolerance costs Elasticsearch a walk of its word list and a match of up to 20 more words per
# typed word (a quarter of a search's time at 100,000 services). A word written exactly as typed in
# at least this many services is taken as meant; rarer and unknown words stay fuzzy, as before
# (below this, their expansions cost next to nothing, and on the demo set they still helped).
KNOWN_WORD_ENTRIES = 10
# Only what the answer is read for travels back (not the index name, ids and shard counts).
HITS_PATH = "hits.total.value,hits.hits._score,hits.hits._source,hits.hits.sort"
COUNTS_PATH = "hits.total.value,aggregations"
NEAREST_PATH = "hits.hits._source"


def _bool(**parts) -> dict:
    return {"bool": parts}


def _missing(field: str) -> dict:
    return _bool(must_not=[{"exists": {"field": field}}])


def known_words(criteria: Criteria) -> frozenset[str]:
    """The typed words (analysed) that need no typo tolerance: written exactly so in enough listed
    services. The word as written, not its stem: "counciling" stems to "council", a real word, but
    nobody writes "counciling", so it stays fuzzy and still finds counselling. From the directory's
    word list (the database search's, kept in step with every index update; ranking.word_entries
    keeps what recent searches looked up)."""
    from .models import SearchWord

    written = {}
    for clause in criteria.prepared.clauses:
        spelt = text.words(clause.original)
        if clause.fuzzy and text.allowed_edits(clause.typed[0]) and len(spelt) == 1:
            written.setdefault(spelt[0], set()).add(clause.typed[0])
    if not written:
        return frozenset()
    found = ranking.word_entries(written, SearchWord.Kind.SPELLING)
    return frozenset(term for word, entries in found.items() if entries >= KNOWN_WORD_ENTRIES for term in written[word])


def text_query(criteria: Criteria, known: frozenset[str] = frozenset()) -> dict:
    """One clause per thing asked for; a clause matches any of its glossary alternatives.

    The words the user typed are fuzzy (typo tolerance) unless the directory holds them as typed;
    a glossary expansion matches when all its words are in one field. Word order in the name earns
    a little more through the shingles sub-field.
    """
    clauses = []
    for clause in criteria.prepared.clauses:
        alternatives = []
        for number, alternative in enumerate(clause.alternatives):
            match = {"query": " ".join(alternative), "fields": FIELDS, "type": "best_fields", "tie_breaker": 0.3}
            if len(alternative) > 1:
                # Every word of the expansion in one field (the database fallback does the same).
                match["operator"] = "and"
            elif number == 0 and clause.fuzzy and alternative[0] not in known:
                match.update(fuzziness="AUTO", prefix_length=1, max_expansions=20)
            alternatives.append({"multi_match": match})
        if ranking.spread_phrase(clause) is not None:
            # The typed words in different fields (ranking.SPREAD_FACTOR), for the first matches.
            spread = {"query": " ".join(clause.typed), "fields": FIELDS, "type": "cross_fields", "operator": "and", "boost": ranking.SPREAD_FACTOR}
            alternatives.append({"multi_match": spread})
        if clause.weight != 1.0:
            clauses.append({"dis_max": {"queries": alternatives, "tie_breaker": 0.1, "boost": clause.weight}})
        else:
            clauses.append(alternatives[0] if len(alternatives) == 1 else {"dis_max": {"queries": alternatives, "tie_breaker": 0.1}})
    typed_clauses = [c for c in criteria.prepared.clauses if not c.from_everyday]
    typed = " ".join(" ".join(c.typed) for c in typed_clauses)
    if len(typed_clauses) > 1:
        clauses.append({"match": {"name_terms.shingles": {"query": typed, "boost": 2.0}}})
    if ranking.phrase_applies(tuple(typed.split())):
        fields = [f"{name}^{FIELD_WEIGHTS[name]:g}" for name in ranking.PHRASE_FIELDS]
        clauses.append({"multi_match": {"query": typed, "type": "phrase", "slop": ranking.PHRASE_SLOP, "fields": fields, "boost": ranking.PHRASE_BOOST}})
    return _bool(should=clauses, minimum_should_match=1)


def base_filters(criteria: Criteria) -> list:
    from search.models import LISTED_STATUSES

    filters = [{"terms": {"status": [str(s) for s in LISTED_STATUSES]}}]
    if criteria.max_age is not None:
        filters.append(_bool(should=[_missing("min_age"), {"range": {"min_age": {"lte": criteria.max_age}}}]))
    if criteria.min_age is not None:
        filters.append(_bool(should=[_missing("max_age"), {"range": {"max_age": {"gte": criteria.min_age}}}]))
    if criteria.place is not None and criteria.radius_m:
        point = {"lat": criteria.place.latitude, "lon": criteria.place.longitude}
        near = [{"geo_distance": {"distance": f"{criteria.radius_m:.0f}m", "locations": point}}]
        if criteria.place.area_codes:
            near.append({"terms": {"area_codes": sorted(criteria.place.area_codes)}})
        filters.append(_bool(should=near, minimum_should_match=1))
    if criteria.week_ranges:
        opening = [{"range": {"openings": {"gte": s, "lte": e, "relation": "intersects"}}} for s, e in criteria.week_ranges]
        filters.append(_bool(should=opening, minimum_should_match=1))
    return filters


def facet_filters(criteria: Criteria) -> dict[str, dict]:
    found = {}
    for facet, values in criteria.facet_filters.items():
        field = FACET_FIELDS[facet]
        if facet in ANY_OF_FACETS:
            found[facet] = {"terms": {field: sorted(values)}}
        else:
            found[facet] = _bool(filter=[{"term": {field: v}} for v in sorted(values)])
    if criteria.free_only:
        found["free"] = {"term": {"is_free": True}}
    return found


def _and(queries) -> dict:
    queries = list(queries)
    return _bool(filter=queries) if queries else {"match_all": {}}


def _scored(criteria: Criteria, matching: dict) -> dict:
    """The matching query with the ranking factors: nearness, then ranking.py's age fit and recency."""
    if criteria.sort != "relevance" or criteria.prepared.is_empty:
        return matching
    scored = matching
    if criteria.place is not None:
        origin = {"lat": criteria.place.latitude, "lon": criteria.place.longitude}
        # Nearer services count for more (x0.5..x1, same formula as the database fallback).
        scored = {"function_score": {
            "query": scored,
            "functions": [
                {"weight": 0.5},
                {"gauss": {"locations": {"origin": origin, "scale": f"{criteria.decay_scale_m:.0f}m", "decay": 0.5}}, "weight": 0.5},
            ],
            "score_mode": "sum",
            "boost_mode": "multiply",
        }}
    for functions in (ranking.es_age_functions_for(criteria), ranking.es_recency_functions()):
        if functions:
            scored = {"function_score": {"query": scored, "functions": functions, "score_mode": "sum", "boost_mode": "multiply"}}
    return scored


def _sort(criteria: Criteria) -> list:
    # Last, the service's id: services of one name and score (a chain's branches) then come in the
    # same order whatever the index's segments look like (a rebuild's force-merge, the worker's
    # updates), so the same search always picks the same first matches and pages.
    last = [{"name_sort": {"order": "asc"}}, {"service_id": {"order": "asc"}}]
    if criteria.sort == "distance":
        point = {"lat": criteria.place.latitude, "lon": criteria.place.longitude}
        return [
            {"_geo_distance": {"locations": point, "order": "asc", "unit": "m", "mode": "min", "ignore_unmapped": True}},
            {"_score": {"order": "desc"}},
            *last,
        ]
    if criteria.sort == "name":
        return last
    return [{"_score": {"order": "desc"}}, *last]


def build(criteria: Criteria, known: frozenset[str] = frozenset(), *, counted_apart=False) -> dict:
    """The request for the ranked page of hits. With `counted_apart`, the total and the facet
    counts come from `counts_request` (sent beside it), so this one neither counts nor aggregates."""
    matching = text_query(criteria, known) if not criteria.prepared.is_empty else {"match_all": {}}
    body = {
        "query": _bool(must=[_scored(criteria, matching)], filter=base_filters(criteria)),
        "sort": _sort(criteria),
        "_source": sorted({*LISTING_FIELDS, *(RESCORE_FIELDS if _rescored(criteria) else ())}),
        "from": criteria.offset,
        "size": criteria.per_page,
        "track_total_hits": not counted_apart,
    }
    post = facet_filters(criteria)
    if post:
        body["post_filter"] = _and(post.values())
    if criteria.query.facets and not counted_apart:
        body["aggs"] = facet_aggregations(post)
    return body


def _rescored(criteria: Criteria) -> bool:
    """Whether the first matches are scored again in Python (ranking.rescore) and by meaning."""
    return criteria.sort == "relevance" and not criteria.prepared.is_empty and criteria.offset < ranking.RESCORED + meaning.RETRIEVED


def nearest_request(criteria: Criteria, near: list[tuple[str, float]], size: int = meaning.RETRIEVED) -> dict:
    """Of the services nearest in meaning (`near`: meaning.entry_vectors' shortlist, uuid hex,
    nearest first), the first meaning.RETRIEVED passing every filter of the search (status, ages,
    place, opening times, the chosen facets), nearest first, with what the page and the rescoring
    read. Elasticsearch's own `knn` on a flat index compared every document (130-260 ms at 100,000
    services) and an HNSW graph was too slow to build (search.engine.meaning)."""
    ids = [str(uuid.UUID(key)) for key, _similarity in near]
    # Nearest first without a script (the minimal server has no scripting): each id scores its
    # place from the end of the list.
    nearest_first = [{"constant_score": {"filter": {"ids": {"values": [sid]}}, "boost": float(len(ids) - number)}} for number, sid in enumerate(ids)]
    return {
        "query": _bool(should=nearest_first, minimum_should_match=1, filter=[{"ids": {"values": ids}}, *base_filters(criteria), *facet_filters(criteria).values()]),
        "sort": [{"_score": {"order": "desc"}}],
        "size": size,
        "_source": sorted({*LISTING_FIELDS, *RESCORE_FIELDS}),
        "track_total_hits": False,
    }


def counts_request(criteria: Criteria, known: frozenset[str] = frozenset()) -> dict:
    """How many services match (the chosen facets applied) and the facet counts, as a request of its
    own: nothing in it is scored (every match counts the same), and it is the same request for
    every page and order of one search, so Elasticsearch answers a repeat from its request cache."""
    matching = text_query(criteria, known) if not criteria.prepared.is_empty else None
    body = {
        "size": 0,
        "track_total_hits": True,
        "query": _bool(filter=[*([matching] if matching else []), *base_filters(criteria)]),
        "aggs": facet_aggregations(post := facet_filters(criteria)),
    }
    if post:
        body["post_filter"] = _and(post.values())
    return body


def facet_aggregations(post: dict) -> dict:
    """Facet counts: each facet counts with every other facet's filter applied; an any-of facet
    ignores its own selection so its other values still show what choosing them would add."""
    aggs = {}
    for facet, field in COUNTED_FIELDS.items():
        others = [q for name, q in post.items() if name != facet or facet not in ANY_OF_FACETS]
        counted = {"terms": {"field": field, "size": FACET_SIZES[facet]}}
        if others:
            aggs[facet] = {"filter": _and(others), "aggs": {"values": counted}}
        else:  # nothing else chosen: count the matches directly (a match-all filter costs a pass)
            aggs[facet] = counted
    aggs["free"] = {"filter": _and([q for name, q in post.items() if name != "free"] + [{"term": {"is_free": True}}])}
    return aggs


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
    known = known_words(criteria) if not criteria.prepared.is_empty else frozenset()
    counted = criteria.query.facets
    body = build(criteria, known, counted_apart=counted)
    # The first results are scored again as the database scores them, then reordered by meaning
    # (ranking.rescore, ranking.rerank): fetch that window whole.
    reranked = _rescored(criteria)
    if reranked:
        body["from"], body["size"] = 0, max(ranking.RESCORED, criteria.offset + criteria.per_page)
    client = es.client()
    ahead = _nearest_ahead(criteria) if reranked and not counted else None
    if ahead:
        # A small directory: the words' search and the nearest in meaning in one round trip. The
        # shortlist was not cut by the words' matches (not known yet), so the nearest answer holds
        # as many more as the words can match; _reordered leaves those out, as asking after would.
        response, nearest_ahead = es.search_both(
            body, nearest_request(criteria, ahead, size=meaning.RETRIEVED + ranking.RESCORED), paths=(HITS_PATH, NEAREST_PATH)
        )
        counts = response
        took = float(response["took"])
    elif counted:
        # The hits and the counts in one round trip, searched side by side; the counts' request
        # is cacheable (paging through a search, or changing its order, asks it again).
        response, counts = es.search_both(body, counts_request(criteria, known), paths=(HITS_PATH, COUNTS_PATH))
        took = float(response["took"])
    else:
        response = counts = client.search(index=es.alias_name(), body=body, filter_path=f"took,{HITS_PATH}").body
        took = float(response["took"])
    # Only what was asked for comes back (filter_path): no hits, no "hits".
    total = counts.get("hits", {}).get("total", {}).get("value", 0)
    suggestion = None
    if total == 0 and not criteria.prepared.is_empty:
        spelling = client.search(index=es.alias_name(), body=spelling_request(criteria)).body
        suggestion = _did_you_mean(spelling.get("suggest"))
        took += float(spelling["took"])
    found = response.get("hits", {}).get("hits", [])
    if reranked:
        # A search whose words found a few services is joined by those nearest in meaning: asked
        # only then (a second request), so the many searches matching more cost nothing more.
        retrieved = []
        if meaning.applies(criteria, total) and ahead:
            retrieved = nearest_ahead.get("hits", {}).get("hits", [])
        elif meaning.applies(criteria, total) and ahead is None:
            matched = {uuid.UUID(hit["_source"]["service_id"]).hex for hit in found}
            near = meaning.entry_vectors.nearest(meaning.query_vector(criteria), matched)
            if near:
                nearest = client.search(index=es.alias_name(), body=nearest_request(criteria, near), filter_path=f"took,{NEAREST_PATH}").body
                retrieved = nearest.get("hits", {}).get("hits", [])
                took += float(nearest["took"])
        found, joined = _reordered(criteria, found, retrieved)
        found = found[criteria.offset : criteria.offset + criteria.per_page]
        total += joined
    matched = [set() for _hit in found]
    if criteria.query.highlights and not criteria.prepared.is_empty:
        page_terms = [text.analysed_set(hit["_source"].get("name") or "") | text.analysed_set(hit["_source"].get("description") or "") for hit in found]
        matched = matched_terms_each(criteria.prepared, page_terms)
    hits = []
    for hit, matched_here in zip(found, matched, strict=True):
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
        facets=_facets(counts["aggregations"]) if counted and "aggregations" in counts else {},
        suggestion=suggestion,
        backend="elasticsearch",
        fallback_reason=None,
        took_ms=took,
    )


def _nearest_ahead(criteria: Criteria) -> list[tuple[str, float]] | None:
    """The nearest in meaning found before the search (a small directory: meaning.AHEAD_UP_TO), enough
    of them that those left after the words' matches are the same as when asked after; or None."""
    if not meaning.could_apply(criteria) or len(meaning.entry_vectors) > meaning.AHEAD_UP_TO:
        return None
    return meaning.entry_vectors.nearest(meaning.query_vector(criteria), count=meaning.SHORTLIST + ranking.RESCORED) or None


def _reordered(criteria: Criteria, found: list[dict], nearest=()) -> tuple[list[dict], int]:
    """The first matches in the database's order (ranking.rescore), joined by the services nearest
    in meaning outside them (`nearest`, nearest first: meaning.RETRIEVED at most), then reordered
    by meaning; and how many joined sharing no word with the search (they add to the total)."""
    by_id = {hit["_source"]["service_id"]: hit for hit in found}
    window = list(by_id)[: ranking.RESCORED]
    retrieved = []
    for hit in nearest:
        sid = hit["_source"]["service_id"]
        if sid not in window and sid not in retrieved and len(retrieved) < meaning.RETRIEVED:
            retrieved.append(sid)
            by_id.setdefault(sid, hit)
    rows, distances = [], {}
    for sid in [*window, *retrieved]:
        source = by_id[sid]["_source"]
        row = {f: f" {source.get(f) or ''} " for f in FIELD_WEIGHTS}
        assured = source.get("assured_date")
        row.update(key=sid, min_age=source.get("min_age"), max_age=source.get("max_age"), assured_date=date.fromisoformat(assured[:10]) if assured else None)
        rows.append(row)
        distances[sid] = nearest_m(criteria.place, [(p["lat"], p["lon"]) for p in (source.get("locations") or [])])
    scores = ranking.rescore(criteria, rows, distances)
    window.sort(key=lambda sid: (-round(scores[sid], 6), by_id[sid]["_source"].get("name_sort") or ""))
    chosen = [*window[: ranking.SEMANTIC_WINDOW], *retrieved]
    candidates = [(sid, scores[sid], by_id[sid]["_source"].get("name", ""), by_id[sid]["_source"].get("description") or "") for sid in chosen]
    factors = {row["key"]: ranking.rules_factor(criteria, row, distances[row["key"]]) for row in rows}
    # Each service's vector came with it (worked out when it was indexed): no text is embedded here.
    vectors = {sid: semantic.decode(stored) for sid, _s, _n, _d in candidates if (stored := by_id[sid]["_source"].get("meaning"))}
    rest = [sid for sid in [*window[ranking.SEMANTIC_WINDOW :], *list(by_id)[ranking.RESCORED :]] if sid not in retrieved]
    order = ranking.rerank(criteria, candidates, factors, vectors) + rest
    return [by_id[sid] for sid in order], sum(1 for sid in retrieved if not scores[sid])


def _facets(aggs) -> dict:
    facets = {}
    for facet in COUNTED_FIELDS:
        counted = aggs[facet].get("values", aggs[facet])
        facets[facet] = [(b["key"], b["key"], b["doc_count"]) for b in counted["buckets"]]
    facets["taxonomy_term"] = _labelled(facets["taxonomy_term"])
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
