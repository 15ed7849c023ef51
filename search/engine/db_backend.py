"""Searching the database: the fallback when Elasticsearch is not configured or not answering.

Search entries hold the same prepared words as the Elasticsearch documents, so both backends
match the same words. The database does the work that grows with the directory, in a fixed number
of queries: it matches words through its own full-text index (`fulltext.py`: a weighted tsvector
with a GIN index on PostgreSQL, FTS5 on SQLite, a whole-word LIKE where neither exists), applies
the filters (age, radius with exact distances, opening times, facets), counts the results and each
facet's values (GROUP BY), and ranks the matches (on PostgreSQL ts_rank per clause, weighted by
the word's idf and the distance decay; on SQLite bm25 with the field weights) to keep a pool of the
best `RANK_POOL`. Python then scores that pool as Elasticsearch does (the same field weights,
idf, words in order in the name, distance decay) and cuts the page.

Typo tolerance matches Elasticsearch's `fuzziness: AUTO`: variants of a typed word come from the
word list (`SearchWord`, with document frequencies), found through a trigram index on PostgreSQL
and by edit distance over a cached copy elsewhere, then checked by edit distance.
"""

from __future__ import annotations

import json
import math
import threading
import time
import uuid
from collections import Counter, defaultdict
from contextlib import contextmanager

from django.db import DatabaseError, connection, transaction
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import (
    ASin,
    Cast,
    Cos,
    Greatest,
    Least,
    Power,
    Radians,
    Sin,
    Sqrt,
)

from . import Hit, SearchResults, fulltext, meaning, ranking, text
from .documents import FIELD_WEIGHTS
from .models import (
    SearchEntry,
    SearchEntryFacet,
    SearchEntryLocation,
    SearchEntryMatch,
    SearchEntryOpening,
    SearchWord,
    facet_key,
)
from .query import ANY_OF_FACETS, Criteria
from .ranking import idf
from .scoring import METRES_PER_MILE, highlights_for, nearest_m

FACET_KINDS = ("taxonomy_term", "taxonomy", "service_area", "accessibility")
FACET_LIMITS = {"taxonomy_term": 60, "taxonomy": 20, "service_area": 30, "accessibility": 30}
# The database ranks every match; Python re-scores this many of the best exactly (a page of 20
# from a pool of 200: the database's order and Python's differ only in the details).
RANK_POOL = 200
EARTH_RADIUS_M = 6_371_008.8
TRIGRAM_THRESHOLD = 0.2  # low enough for one edit in a four-letter word; edit distance decides


# ---- The word list -------------------------------------------------------------------------------


class Words:
    """The entries' words with how many entries hold each (SearchWord), for idf and typos."""

    ttl = 300

    def __init__(self):
        self._lock = threading.Lock()
        self._built: dict[str, float] = {}
        self._lists: dict[str, dict[str, int]] = {}
        self._entries = (0.0, 0)

    def invalidate(self):
        """Written entries bring new words: typo tolerance sees them at the next search."""
        self._built = {}
        self._entries = (0.0, 0)

    def entries(self) -> int:
        """How many entries there are (counted at most once a minute: idf barely moves)."""
        counted_at, count = self._entries
        if time.monotonic() - counted_at > 60:
            count = SearchEntry.objects.count()
            self._entries = (time.monotonic(), count)
        return count

    def frequencies(self, words) -> dict[str, int]:
        words = sorted(set(words))
        if not words:
            return {}
        return dict(SearchWord.objects.filter(kind=SearchWord.Kind.TERM, word__in=words).values_list("word", "entries"))

    def _listed(self, kind) -> dict[str, int]:
        """Every word of this kind (where no trigram index helps), cached for `ttl` seconds. One kind
        at a time: mending a misspelling reads the 5,000 written words of 100,000 services, not
        also their 92,000 prepared ones."""
        built = self._built
        if time.monotonic() - built.get(kind, 0.0) >= self.ttl:
            with self._lock:
                if time.monotonic() - self._built.get(kind, 0.0) >= self.ttl:
                    words = dict(SearchWord.objects.filter(kind=kind, entries__gt=0).values_list("word", "entries").iterator(chunk_size=5000))
                    self._lists = {**self._lists, kind: words}
                    self._built = {**self._built, kind: time.monotonic()}
        return self._lists.get(kind, {})

    def variants(self, terms, kind=SearchWord.Kind.TERM, same_first_letter=True) -> dict[str, list[tuple[str, int, int]]]:
        """For each term: [(word, edits, entries)] of indexed words within `fuzziness: AUTO`, fewest edits first."""
        terms = sorted({t for t in terms if text.allowed_edits(t)})
        if not terms:
            return {}
        if connection.vendor == "postgresql":
            candidates = self._trigram_candidates(terms, kind, same_first_letter)
        else:
            listed = self._listed(kind)
            candidates = {t: listed.items() for t in terms}
        found = {}
        for term in terms:
            limit = text.allowed_edits(term)
            close = []
            for word, entries in candidates.get(term, ()):
                if word == term or (same_first_letter and word[:1] != term[:1]) or abs(len(word) - len(term)) > limit:
                    continue
                edits = text.edit_distance(term, word, limit)
                if edits <= limit and entries > 0:
                    close.append((word, edits, entries))
            found[term] = sorted(close, key=lambda v: (v[1], -v[2], v[0]))
        return found

    def _trigram_candidates(self, terms, kind, same_first_letter):
        parts, params = [], []
        for term in terms:
            limit = text.allowed_edits(term)
            first = "AND left(word, 1) = %s " if same_first_letter else ""
            parts.append(
                "(SELECT %s, word, entries FROM search_engine_searchword WHERE kind = %s AND word %% %s "
                f"{first}AND length(word) BETWEEN %s AND %s AND entries > 0)"
            )
            params += [term, kind, term, *([term[:1]] if same_first_letter else []), len(term) - limit, len(term) + limit]
        found = defaultdict(list)
        with connection.cursor() as cursor:
            cursor.execute(f"SET pg_trgm.similarity_threshold = {TRIGRAM_THRESHOLD}")
            cursor.execute(" UNION ALL ".join(parts), params)
            for term, word, entries in cursor.fetchall():
                found[term].append((word, entries))
        return found

    def correct(self, words) -> dict[str, str]:
        """For "did you mean": the most common written word within two edits of each unknown word."""
        words = [w for w in words if len(w) >= 3 and w not in text.STOP_WORDS]
        if not words:
            return {}
        known = set(
            SearchWord.objects.filter(kind=SearchWord.Kind.SPELLING, word__in=words, entries__gt=0).values_list("word", flat=True)
        )
        options = self.variants([w for w in words if w not in known], SearchWord.Kind.SPELLING, same_first_letter=False)
        return {w: min(found, key=lambda v: (v[1], -v[2]))[0] for w, found in options.items() if found}


vocabulary = Words()


def count_words(added_docs, replaced=None) -> None:
    """Keep the word list in step: `added_docs` are being written, `replaced` (entries) removed."""
    delta = Counter()
    if replaced is not None:
        for all_terms, spelling in replaced.values_list("all_terms", "spelling"):
            delta.update((SearchWord.Kind.TERM, w) for w in set(all_terms.split()))
            delta.update((SearchWord.Kind.SPELLING, w) for w in set(spelling.split()))
        delta = Counter({key: -n for key, n in delta.items()})
    for doc in added_docs:
        delta.update((SearchWord.Kind.TERM, w) for w in set(" ".join(doc[f] for f in FIELD_WEIGHTS).split()))
        delta.update((SearchWord.Kind.SPELLING, w) for w in set(doc["spelling"].split()))
    rows = sorted((kind, word, n) for (kind, word), n in delta.items() if n and len(word) <= 100)
    if not rows:
        return
    table = SearchWord._meta.db_table
    with connection.cursor() as cursor:
        # In one order everywhere, so two workers updating the same words never deadlock.
        for start in range(0, len(rows), 500):
            batch = rows[start : start + 500]
            cursor.execute(
                f"INSERT INTO {table} (kind, word, entries) VALUES {', '.join(['(%s, %s, %s)'] * len(batch))} "
                f"ON CONFLICT (kind, word) DO UPDATE SET entries = {table}.entries + excluded.entries",
                [value for row in batch for value in row],
            )
    gone = [(kind, word) for kind, word, n in rows if n < 0]
    for kind in {k for k, _w in gone}:
        SearchWord.objects.filter(kind=kind, word__in=[w for k, w in gone if k == kind], entries__lte=0).delete()


def before_rebuild() -> None:
    """A rebuild rewrites every entry: let SQLite build its full-text index in one pass afterwards
    rather than row by row (meanwhile its searches take the plain path, over every entry)."""
    if connection.vendor == "sqlite":
        fulltext.uninstall(connection)


def after_rebuild() -> None:
    if connection.vendor == "sqlite":  # PostgreSQL's generated column kept itself in step
        fulltext.install(connection)
    elif connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Every row was just rewritten: until vacuumed, reading an index alone (the venues and
        # entries of a search with a place) visits each row to check it is current. Autovacuum
        # gets there in time; searching straight after a rebuild (the benchmark does) should not wait.
        with connection.cursor() as cursor:
            for table in (fulltext.MATCH_TABLE, fulltext.LOCATION_TABLE, fulltext.FACET_TABLE):
                cursor.execute(f"VACUUM (ANALYZE) {table}")
    vocabulary.invalidate()
    facet_index.invalidate()


# ---- Matching -----------------------------------------------------------------------------------


def expanded_clauses(criteria: Criteria):
    """For each clause: [(phrase, factor, is_typo)] of alternatives, adding typo variants of typed words."""
    typed = [c.alternatives[0][0] for c in criteria.prepared.clauses if c.fuzzy]
    return ranking.clauses_with_variants(criteria, vocabulary.variants(typed))


def _phrase(words) -> str:
    return f" {' '.join(words)} "


def like_filter(clauses) -> Q:
    """Whole words anywhere in the entry (the plain path, without a full-text index)."""
    condition = Q()
    for options in clauses:
        for words, _factor, _typo in options:
            every = Q()
            for word in words:
                every &= Q(all_terms__contains=_phrase((word,)))
            condition |= every
    return condition


def tsquery(clauses) -> str:
    """PostgreSQL: any alternative of any clause; the words of a phrase all present."""
    return " | ".join(_and_words(words, "&") for options in clauses for words, _f, _t in options)


def fts5_query(clauses) -> str:
    return " OR ".join(_and_words(words, "AND", quote='"') for options in clauses for words, _f, _t in options)


def _and_words(words, operator, quote="'") -> str:
    # Prepared words are letters and digits only; quoted all the same.
    joined = f" {operator} ".join(f"{quote}{w}{quote}" for w in words)
    return f"({joined})" if len(words) > 1 else joined


class OnTheEntries(Expression):
    """An expression about the query's own table of entries: it follows that table's alias through joins."""

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        resolved = self.copy()
        resolved.alias = query.get_initial_alias() if query is not None else None
        return resolved

    def relabeled_clone(self, change_map):
        clone = self.copy()
        clone.alias = change_map.get(self.alias, self.alias)
        return clone


class EntryColumn(OnTheEntries):
    """A column of the query's own table that is not a model field (PostgreSQL's own columns)."""

    column = ""

    def __init__(self, alias=None):
        super().__init__(output_field=self.column_field())
        self.alias = alias

    def column_field(self):
        raise NotImplementedError

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.alias)}.{self.column}", []


class EntryVector(EntryColumn):
    """The entries' generated `search_vector` column (PostgreSQL; not a model field, see fulltext.py)."""

    column = "search_vector"

    def column_field(self):
        from django.contrib.postgres.search import SearchVectorField

        return SearchVectorField()


class EntryAmong(OnTheEntries):
    """PostgreSQL: the entry is one of a subquery's ids, written `= ANY(ARRAY(...))` so that two of
    them joined by OR are answered through the primary key (as IN subqueries, the planner reads
    every entry to test each one)."""

    conditional = True

    def __init__(self, ids, alias=None):
        super().__init__(output_field=BooleanField())
        self.ids, self.alias = ids, alias

    def as_sql(self, compiler, connection):
        sql, params = self.ids.query.sql_with_params()
        return f"{compiler.quote_name_unless_alias(self.alias)}.service_id = ANY(ARRAY({sql}))", params


def _pg_query(raw: str):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(raw, search_type="raw", config="simple")


def text_filter(qs, clauses, kind, raw=None):
    """The entries holding the words of any clause (PostgreSQL: or matching the `raw` tsquery)."""
    if kind == "postgresql":
        return qs.alias(search_vector=EntryVector()).filter(search_vector=_pg_query(raw or tsquery(clauses)))
    if kind == "fts5":
        matching = (
            f"SELECT e.service_id FROM {fulltext.FTS_TABLE} f JOIN {fulltext.ENTRY_TABLE} e ON e.rowid = f.rowid "
            f"WHERE {fulltext.FTS_TABLE} MATCH %s"
        )
        return qs.filter(pk__in=RawSQL(matching, [fts5_query(clauses)]))
    return qs.filter(like_filter(clauses))


# ---- Scoring ------------------------------------------------------------------------------------


def _pg_rank(clauses, idf_of, typed_words, distance):
    """The database's own estimate of `score`, to choose the pool Python scores exactly."""
    from django.contrib.postgres.search import SearchRank

    vector, weights = EntryVector(), fulltext.rank_weights()
    total = None
    for options in clauses:
        parts = []
        typos = [words for words, _f, typo in options if typo]
        for words, factor, typo in options:
            if not typo:
                weight = factor * sum(idf_of(w) for w in words) / len(words)
                parts.append(SearchRank(vector, _pg_query(_and_words(words, "&")), weights=weights) * Value(weight))
        if typos:  # all the typo variants of a word as one query
            weight = max(f for _w, f, typo in options if typo) * max(idf_of(w) for (w,) in typos)
            parts.append(SearchRank(vector, _pg_query(" | ".join(f"'{w}'" for (w,) in typos)), weights=weights) * Value(weight))
        clause = parts[0] if len(parts) == 1 else Greatest(*parts)
        total = clause if total is None else total + clause
    if len(typed_words) > 1:
        in_name = " <-> ".join(f"'{w}':A" for w in typed_words)
        from django.contrib.postgres.search import SearchVectorExact

        phrase = SearchVectorExact(EntryVector(), _pg_query(in_name))
        total = total * Case(When(phrase, then=Value(1.25)), default=Value(1.0))
    if distance is not None:
        total = total * distance
    return total


# Ranking in two steps: below this many likely matches, every match is ranked at once.
PRUNE_FROM = 5000
# A word's ts_rank stays below this (its positions' weights, at most 1, summed over 1/n² and
# scaled by 1/1.645); the rank of words that must all appear stays below 1.
SINGLE_WORD_RANK_BOUND = 1.65
PHRASE_BOUND = 1.25  # the words typed in order in the name (_pg_rank)


def _clause_bounds(clauses, idf_of, frequencies) -> list[float]:
    """The most each clause can add to `_pg_rank`'s estimate, whatever the entry (a word no entry
    holds adds nothing)."""
    bounds = []
    for options in clauses:
        best = 0.0
        typos = [words for words, _f, typo in options if typo]
        for words, factor, typo in options:
            if not typo and all(frequencies.get(w) for w in words):
                weight = factor * sum(idf_of(w) for w in words) / len(words)
                best = max(best, weight * (1.0 if len(words) > 1 else SINGLE_WORD_RANK_BOUND))
        if typos:
            best = max(best, max(f for _w, f, typo in options if typo) * max(idf_of(w) for (w,) in typos) * SINGLE_WORD_RANK_BOUND)
        bounds.append(best)
    return bounds


def _essential_clauses(clauses, idf_of, frequencies, typed_words):
    """(tsquery of the essential clauses, bound on the estimate of an entry matching none of them,
    tsquery of the other clauses), or None to rank every match at once.

    MaxScore, as search engines prune: the best pool comes from entries matching one of the
    clauses that can add most (the rare words), ranked in full; an entry matching only the rest
    (common words such as "people" or "support", in half the directory) cannot reach the pool
    when even all of them together stay below the pool's last score (checked after, in one_pass).
    So a search whose common words match 60,000 entries ranks the few thousand that hold a rare one."""
    if len(clauses) < 2:
        return None

    def likely(options):
        return sum(min(frequencies.get(w, 0) for w in words) for words, _f, _t in options)

    if sum(likely(options) for options in clauses) < PRUNE_FROM:
        return None
    bounds = _clause_bounds(clauses, idf_of, frequencies)
    order = sorted(range(len(clauses)), key=lambda i: -bounds[i])
    phrase = PHRASE_BOUND if len(typed_words) > 1 else 1.0
    # An estimate of the pool's last score: well-ranked entries hold most clauses, each ranking
    # about 0.6 (a word in the name and category). Too hopeful a choice costs ranking the other
    # matches too (in the same statement, one_pass): about twice the work.
    hoped = 0.5 * sum(bound / SINGLE_WORD_RANK_BOUND for bound in bounds)
    for count in range(1, len(clauses)):
        rest = phrase * sum(bounds[i] for i in order[count:])
        if rest <= hoped:
            return tsquery([clauses[i] for i in order[:count]]), rest, tsquery([clauses[i] for i in order[count:]])
    return None


# ---- Distance ------------------------------------------------------------------------------------


def distance_to(place):
    """Haversine metres from a place to a location row (the same formula as scoring.haversine_m)."""
    lat, lon = math.radians(place.latitude), math.radians(place.longitude)
    latitude, longitude = F("latitude"), F("longitude")
    half_dlat = (Radians(latitude) - Value(lat)) / Value(2.0)
    half_dlon = (Radians(longitude) - Value(lon)) / Value(2.0)
    a = Power(Sin(half_dlat), 2) + Value(math.cos(lat)) * Cos(Radians(latitude)) * Power(Sin(half_dlon), 2)
    return Value(2 * EARTH_RADIUS_M) * ASin(Sqrt(Least(a, Value(1.0))), output_field=FloatField())


def nearest_distance(place):
    """The distance to an entry's nearest venue (NULL without one), as a subquery."""
    nearest = SearchEntryLocation.objects.filter(entry_id=OuterRef("pk")).annotate(d=distance_to(place)).order_by("d").values("d")[:1]
    return Subquery(nearest, output_field=FloatField())


def _bounding_box(place, radius_m):
    dlat = radius_m / 111_320.0
    dlon = radius_m / (111_320.0 * max(0.01, math.cos(math.radians(place.latitude))))
    return place.latitude - dlat, place.latitude + dlat, place.longitude - dlon, place.longitude + dlon


def _in_box(place, radius_m):
    south, north, west, east = _bounding_box(place, radius_m)
    return Q(latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east)


# ---- The search ---------------------------------------------------------------------------------


def _key(field):
    return Cast(field, output_field=CharField())


def filtered(criteria: Criteria, model=SearchEntry, radius_venues=False):
    """Entries passing the age, place and opening filters (not yet the words or facets); on
    PostgreSQL their narrow match rows (`model=SearchEntryMatch`), keyed by the same service id.
    `radius_venues`: the place filter reads the venues in the radius from one_pass's own list
    (`RADIUS_VENUES`, so usable only inside its statement).

    Only listed services have an entry, so counts are taken from the entries alone (as
    Elasticsearch counts its documents): a service closed a moment ago may be counted until the
    worker rewrites its entry. The hits themselves are checked against the directory (`listed`)."""
    qs = model.objects.all()
    if criteria.max_age is not None:
        qs = qs.filter(Q(min_age__isnull=True) | Q(min_age__lte=criteria.max_age))
    if criteria.min_age is not None:
        qs = qs.filter(Q(max_age__isnull=True) | Q(max_age__gte=criteria.min_age))
    # Subqueries with IN (not correlated EXISTS): the database walks the latitude or area-code
    # index once instead of probing it for every entry.
    if criteria.place is not None and criteria.radius_m and radius_venues:
        qs = qs.filter(pk__in=RawSQL(*_in_radius_sql(criteria.place)))
    elif criteria.place is not None and criteria.radius_m:
        in_radius = (
            SearchEntryLocation.objects.filter(_in_box(criteria.place, criteria.radius_m))
            .alias(d=distance_to(criteria.place))
            .filter(d__lte=criteria.radius_m)
        )
        ids = [in_radius.values("entry_id")]
        if criteria.place.area_codes:
            ids.append(SearchEntryFacet.objects.filter(kind="area_code", value__in=sorted(criteria.place.area_codes)).values("entry_id"))
        if connection.vendor == "postgresql":
            # One list of ids (most venues in the radius are also in its areas): each id is a probe
            # of the primary key.
            near = Q(EntryAmong(ids[0].union(*ids[1:]) if len(ids) > 1 else ids[0]))
        else:
            near = Q(pk__in=ids[0])
            for more in ids[1:]:
                near |= Q(pk__in=more)
        qs = qs.filter(near)
    if criteria.week_ranges:
        open_then = Q()
        for start, end in criteria.week_ranges:
            open_then |= Q(start_minute__lte=end, end_minute__gte=start)
        qs = qs.filter(pk__in=SearchEntryOpening.objects.filter(open_then).values("entry_id"))
    return qs


def listed(entries):
    """Only entries whose service is listed right now (an entry can be a moment behind an edit)."""
    from search.models import LISTED_STATUSES

    return entries.filter(service__status__in=LISTED_STATUSES)


def facet_filters(criteria: Criteria) -> dict[str, Q]:
    found = {}
    by_keys = connection.vendor == "postgresql"  # jsonb's ?| and @> on the entry's own facet keys
    for kind, values in criteria.facet_filters.items():
        if by_keys:
            keys = [facet_key(kind, value) for value in sorted(values)]
            found[kind] = Q(facet_keys__has_any_keys=keys) if kind in ANY_OF_FACETS else Q(facet_keys__contains=keys)
        elif kind in ANY_OF_FACETS:
            found[kind] = Q(pk__in=SearchEntryFacet.objects.filter(kind=kind, value__in=sorted(values)).values("entry_id"))
        else:
            every = Q()
            for value in sorted(values):
                every &= Exists(SearchEntryFacet.objects.filter(entry_id=OuterRef("pk"), kind=kind, value=value))
            found[kind] = every
    if criteria.free_only:
        found["free"] = Q(is_free=True)
    return found


def counts(matched, criteria: Criteria):
    """(total, facet counts): each facet counted with every other filter applied; an any-of facet
    ignores its own selection, so its other values still show what choosing them would add.
    A GROUP BY of the facet rows per way of applying the filters (PostgreSQL: see one_pass)."""
    filters = facet_filters(criteria)

    def narrowed(skip=None):
        qs = matched
        for name, condition in filters.items():
            if name != skip:
                qs = qs.filter(condition)
        return qs

    totals = narrowed(skip="free").aggregate(every=Count("pk"), free=Count("pk", filter=Q(is_free=True)))
    total = totals["free"] if criteria.free_only else totals["every"]
    if not criteria.query.facets:  # the caller shows no facets (the ORUK API): the total is enough
        return total, {}
    groups = defaultdict(list)
    for kind in FACET_KINDS:
        groups[kind if kind in ANY_OF_FACETS and kind in filters else None].append(kind)
    found = defaultdict(list)
    for skip, kinds in groups.items():
        if connection.vendor == "sqlite":
            rows = _facet_rows(narrowed(skip), kinds)
        else:
            rows = (
                SearchEntryFacet.objects.filter(kind__in=kinds, entry_id__in=narrowed(skip).values("pk"))
                .values("kind", "value")
                .annotate(n=Count("entry_id"), label=Max("label"))
                .values_list("kind", "value", "label", "n")
            )
        for kind, value, label, n in rows:
            found[kind].append((value, label, n))
    return total, _ranked_facets(found, totals["free"])


def _facet_rows(matched, kinds):
    """SQLite: (kind, value, label, count) of the facet rows of these entries, read from the
    matches' side (each match's own facet rows, by its key): left to itself, SQLite reads every
    facet row of these kinds (six an entry) to test whether its entry matched, three times slower
    when the words match a third of a large directory."""
    inner, params = matched.annotate(match_key=F("pk")).values("match_key").query.sql_with_params()
    table = SearchEntryFacet._meta.db_table
    sql = (
        f"SELECT f.kind, f.value, max(f.label), count(*) FROM ({inner}) m CROSS JOIN {table} f "
        f"ON f.entry_id = m.match_key WHERE f.kind IN ({', '.join(['%s'] * len(kinds))}) GROUP BY f.kind, f.value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *kinds])
        return cursor.fetchall()


def _ranked_facets(found, free):
    facets = {}
    for kind in FACET_KINDS:
        ranked = sorted(found[kind], key=lambda item: (-item[2], text.fold(item[1])))
        facets[kind] = ranked[: FACET_LIMITS[kind]]
    facets["free"] = [("true", "Free of charge", free)]
    return facets


def search(criteria: Criteria) -> SearchResults:
    kind = fulltext.kind(connection)
    if kind == "postgresql":
        with planner_settings():
            return _search(criteria, kind)
    try:
        return _search(criteria, kind)
    except DatabaseError:
        if connection.vendor != "sqlite" or connection.in_atomic_block:
            raise
        # The FTS5 table went away (a migration remade the entries table): the plain path
        # answers until `directory_index --rebuild` puts it back.
        fulltext.forget()
        return _search(criteria, None)


@contextmanager
def planner_settings():
    """PostgreSQL's planner, left to itself, reads all of a large directory's entries to test each
    one's words when a word is common, several times slower than the GIN index: with the entries in
    memory, random reads cost little more than sequential ones. Just-in-time compilation costs more
    than it saves on queries of this size, and the matches of a common word (tens of thousands of
    rows) are kept and sorted in memory rather than on disk. Only for this search's statements."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL random_page_cost = 1.1; SET LOCAL jit = off; SET LOCAL work_mem = '32MB'")
        yield


def _search(criteria: Criteria, kind) -> SearchResults:
    clauses = expanded_clauses(criteria) if not criteria.prepared.is_empty else []
    model = SearchEntryMatch if kind == "postgresql" else SearchEntry

    def matching(radius_venues=False, raw=None):
        qs = filtered(criteria, model, radius_venues)
        return text_filter(qs, clauses, kind, raw) if clauses else qs

    matched = matching()
    words = {w for options in clauses for phrase, _f, _t in options for w in phrase}
    frequencies, documents = vocabulary.frequencies(words), vocabulary.entries()
    clauses = ranking.with_mended_typos(clauses, frequencies)

    def idf_of(word):
        return idf(documents, frequencies.get(word, 0))

    typed_words = ranking.typed_words(criteria)
    place = criteria.place
    wanted = criteria.offset + criteria.per_page
    columns = ["key", "name", "name_sort", "description", "min_age", "max_age", "assured_date", *FIELD_WEIGHTS]
    ranked_by_python = bool(clauses) and criteria.sort == "relevance"

    if kind == "postgresql":
        rank = _pg_rank(clauses, idf_of, typed_words, None) if ranked_by_python else None
        first = _essential_clauses(clauses, idf_of, frequencies, typed_words) if ranked_by_python else None
        if clauses and not (place is not None and criteria.radius_m):
            # The entries holding the words come from the full-text index (a bitmap of them), not
            # from testing every entry's words (a microsecond each, which the planner counts as one
            # operator: it would read the whole table whenever a word is common). Starting
            # parallel workers costs more than they save on statements of this size. (Within a
            # radius, the entries in it are probed by key instead.)
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0")
        total, facets, pool = one_pass(criteria, matching, rank, columns, first)
    else:
        total, facets = counts(matched, criteria)
        full = matched
        for condition in facet_filters(criteria).values():
            full = full.filter(condition)
        full = listed(full)
        if not ranked_by_python:
            # Name or distance order: the database sorts and cuts the page.
            if criteria.sort == "distance":
                ordered = full.annotate(distance=nearest_distance(place)).order_by(F("distance").asc(nulls_last=True), "name_sort")
            else:
                ordered = full.order_by("name_sort")
            pool = list(ordered.annotate(key=_key("service_id")).values(*columns)[criteria.offset : wanted])
        elif kind == "fts5":
            ids = _fts5_pool(full, clauses, max(RANK_POOL, wanted), narrowed=_narrowed(criteria))
            pool = list(SearchEntry.objects.filter(pk__in=ids).annotate(key=_key("service_id")).values(*columns))
        else:
            pool = list(full.annotate(key=_key("service_id")).values(*columns))

    distances = {}
    if place is not None:
        points = defaultdict(list)
        for sid, lat, lon in (
            SearchEntryLocation.objects.filter(entry_id__in=[uuid.UUID(r["key"]) for r in pool])
            .annotate(key=_key("entry_id"))
            .values_list("key", "latitude", "longitude")
        ):
            points[sid].append((lat, lon))
        distances = {r["key"]: nearest_m(place, points.get(r["key"])) for r in pool}

    scored, matched_terms = {}, set(criteria.prepared.all_terms())
    for row in pool:
        value = 0.0
        if clauses:
            # ranking.py: the same words score and rules as Elasticsearch's first matches get.
            if criteria.sort == "relevance":
                value, found = ranking.relevance(criteria, row, clauses, typed_words, idf_of, distances.get(row["key"]))
            else:
                value, found = ranking.words_score(row, clauses, typed_words, idf_of)
            matched_terms |= found
        scored[row["key"]] = value
    if ranked_by_python:
        pool.sort(key=lambda r: (-round(scored[r["key"]], 6), r["name_sort"]))
        window = {r["key"]: r for r in pool[: ranking.SEMANTIC_WINDOW]}
        # The services nearest in meaning join the first matches (meaning.py), scored alike.
        retrieved = _nearest_in_meaning(criteria, columns, window) if meaning.applies(criteria, total) else []
        for row in retrieved:
            if place is not None:
                distances[row["key"]] = _nearest_m(place, row["key"])
            scored[row["key"]] = ranking.relevance(criteria, row, clauses, typed_words, idf_of, distances.get(row["key"]))[0]
            window[row["key"]] = row
        total += sum(1 for row in retrieved if not scored[row["key"]])
        factors = {k: ranking.rules_factor(criteria, r, distances.get(k)) for k, r in window.items()}
        reranked = ranking.rerank(criteria, [(k, scored[k], r["name"], r["description"]) for k, r in window.items()], factors)
        rest = [r for r in pool[ranking.SEMANTIC_WINDOW :] if r["key"] not in window]
        pool = [window[k] for k in reranked] + rest
        page = pool[criteria.offset : wanted]
    else:
        page = pool

    hits = [
        Hit(
            service_id=str(uuid.UUID(row["key"])),
            score=scored[row["key"]],
            distance_m=distances.get(row["key"]),
            highlights=highlights_for(row["name"], row["description"], matched_terms) if clauses else {},
        )
        for row in page
    ]
    return SearchResults(
        total=total,
        hits=hits,
        facets=facets,
        suggestion=did_you_mean(criteria) if not total and clauses else None,
        backend="database",
        fallback_reason=None,
        took_ms=None,
    )


def _nearest_in_meaning(criteria: Criteria, columns, window) -> list[dict]:
    """Rows of the listed services nearest in meaning to the search that pass all its filters and
    are not in `window` (meaning.RETRIEVED at most, nearest first): a shortlist of the entries
    nearest in the whole directory (meaning.entry_vectors), checked against the filters here."""
    exclude = {uuid.UUID(key).hex for key in window}
    near = meaning.entry_vectors.nearest(meaning.query_vector(criteria), exclude)
    if not near:
        return []
    entries = filtered(criteria, SearchEntry)
    for condition in facet_filters(criteria).values():
        entries = entries.filter(condition)
    entries = listed(entries).filter(pk__in=[uuid.UUID(key) for key, _s in near])
    rows = {uuid.UUID(row["key"]).hex: row for row in entries.annotate(key=_key("service_id")).values(*columns)}
    return [rows[key] for key, _s in near if key in rows][: meaning.RETRIEVED]


def _nearest_m(place, key):
    points = list(SearchEntryLocation.objects.filter(entry_id=uuid.UUID(key)).values_list("latitude", "longitude"))
    return nearest_m(place, points)


# ---- PostgreSQL: one pass over the matches -------------------------------------------------------

# Spare rows when the database cuts a page, for entries a moment behind a service's closure.
LISTED_MARGIN = 10
# one_pass's own list of the venues within the radius: (entry, nearest distance).
RADIUS_VENUES = "radius_venues"


def nearest_venues(place, reach, of_match=False):
    """(SQL, params): each entry's nearest venue within `reach` metres of the place, as
    (entry_id, d). Only venues in the bounding box are measured, each once (the exact distance
    both filters and is kept). `of_match`: only the venues of the match row `i` (a LATERAL join)."""
    venues = SearchEntryLocation.objects.filter(_in_box(place, reach))
    if of_match:
        venues = venues.filter(entry_id=RawSQL("i.service_id", []))
    sql, params = venues.annotate(d=distance_to(place)).values("entry_id", "d").query.sql_with_params()
    # OFFSET 0 keeps the measuring apart: merged into the outer query, the distance would be
    # worked out once for the filter and again for the minimum.
    return f"SELECT v.entry_id, min(v.d) AS d FROM ({sql} OFFSET 0) v WHERE v.d <= %s GROUP BY v.entry_id", [*params, reach]


def _in_radius_sql(place):
    """(SQL, params): the ids of the entries in the radius, those with a venue in it (one_pass's
    RADIUS_VENUES) and those serving an area that holds the place.

    A subquery rather than a list of its own, so the planner knows about how many there are: with
    common words it then finds the matches through the full-text index and keeps those in the
    radius with one hash, instead of reading each entry in the radius to test its words."""
    sql, params = f"SELECT entry_id FROM {RADIUS_VENUES}", []
    if place.area_codes:
        # The partial index `search_facet_area` answers this from the index alone (fulltext.py).
        sql += f" UNION SELECT entry_id FROM {SearchEntryFacet._meta.db_table} WHERE kind = 'area_code' AND value = ANY(%s)"
        params.append(sorted(place.area_codes))
    return sql, params


def one_pass(criteria: Criteria, matching, rank, columns, first=None):
    """PostgreSQL: (total, facets, pool rows) from one statement over the matching entries.

    `matching(radius_venues)` gives the matching entries (with `radius_venues`, their place filter
    reads this statement's own list of the venues in the radius). The narrow match rows are read once,
    with each one's words rank, nearest venue and facet filters worked out a single time; the
    statement counts them and sends back the row numbers that each facet is counted over
    (`facet_index` counts their keys), and the best `RANK_POOL` (or the page, by name or
    distance) comes from the same rows. The venues in a radius are measured once, in one pass over
    those in its bounding box, and both filter and give the distance of a search without words;
    with words, each match's own venues are measured (a few hundred matches may have tens of
    thousands of entries with a venue in reach). Only the rows chosen are then read in full, and
    checked against the directory.

    `first`: (tsquery, bound, tsquery of the others) from `_essential_clauses`: only the entries
    matching the first are ranked. The matches are then read from the full-text index in two parts
    (those holding an essential clause, ranked; those holding only the others, counted), so no
    entry's words are tested twice. When the pool's last score is not above the bound (or the pool
    falls short), the same statement ranks the others too, so the pool is always the one ranking
    every match would give."""
    filters = facet_filters(criteria)
    flags = {f"passes_{name}": ExpressionWrapper(condition, output_field=BooleanField()) for name, condition in filters.items()}
    place, sort = criteria.place, criteria.sort
    in_radius = place is not None and bool(criteria.radius_m)
    names = ["service_id", "number", "name_sort", "is_free", *flags, *(["words_rank"] if rank is not None else [])]

    def match_rows(raw=None, ranked=True, essential=None):
        found = matching(radius_venues=in_radius, raw=raw).annotate(service_id=F("pk"), number=MatchNumber(), **flags)
        if rank is not None:
            # Ranked only where every filter holds (and `essential` matches): the others are counted, never listed.
            every = Q()
            for condition in filters.values():
                every &= condition
            if essential is not None:
                from django.contrib.postgres.search import SearchVectorExact

                every &= Q(SearchVectorExact(EntryVector(), _pg_query(essential)))
            words_rank = Case(When(every, then=rank), output_field=FloatField()) if every else rank
            found = found.annotate(words_rank=words_rank if ranked else Value(None, output_field=FloatField()))
        return found.values(*names).query.sql_with_params()

    if first is None or in_radius:
        # Within a radius each entry in it is probed by key: split in two, it would be probed twice.
        inner_sql, params = match_rows(essential=first[0] if first is not None else None)
    else:
        # Two reads of the full-text index, neither testing an entry's words again: the entries
        # holding an essential clause, ranked, and those holding only the others, counted.
        essential_sql, params = match_rows(first[0])
        rest_sql, rest_params = match_rows(f"({first[2]}) & !({first[0]})", ranked=False)
        inner_sql, params = f"{essential_sql} UNION ALL {rest_sql}", [*params, *rest_params]
    params = list(params)

    near_sql, distance, source = "", "NULL::float8", f"({inner_sql}) i"
    if in_radius:
        venues_sql, venue_params = nearest_venues(place, criteria.radius_m)
        near_sql = f"{RADIUS_VENUES} AS MATERIALIZED ({venues_sql}), "
        params = [*venue_params, *params]
    if place is not None and rank is None and sort == "distance":
        # Nearest first: the page is almost always within the radius. (Ranked by words, only the
        # entries ranked are measured, below.)
        reach = criteria.radius_m or criteria.decay_scale_m
        distance = "near.d"
        if in_radius:  # those venues are already measured
            source += f" LEFT JOIN {RADIUS_VENUES} near ON near.entry_id = i.service_id"
        elif not criteria.prepared.is_empty:
            venue_sql, venue_params = nearest_venues(place, reach, of_match=True)
            source += f" LEFT JOIN LATERAL ({venue_sql}) near ON TRUE"
            params += venue_params
        else:
            venue_sql, venue_params = nearest_venues(place, reach)
            near_sql += f"near AS MATERIALIZED ({venue_sql}), "
            source += " LEFT JOIN near ON near.entry_id = i.service_id"
            params = [*venue_params, *params]

    def all_but(skip):
        return " AND ".join(f'm."passes_{name}"' for name in filters if name != skip) or "TRUE"

    # A count per way of applying the filters: all of them; all but an any-of facet's own; free.
    ways = [None, *(kind for kind in ANY_OF_FACETS if kind in filters)]
    counted = [f"count(*) FILTER (WHERE {all_but(way)})" for way in ways]
    counted.append(f'count(*) FILTER (WHERE {all_but("free")} AND m."is_free")')
    if sort == "distance":
        counted.append(f"count(*) FILTER (WHERE {all_but(None)} AND m.distance IS NOT NULL)")
    if criteria.query.facets:
        # The rows each way counts its facets over, as their numbers (a caller showing no facets,
        # like the ORUK API, gets only the totals).
        counted += [f"coalesce(string_agg(m.number::text, ',') FILTER (WHERE {all_but(way)}), '')" for way in ways]
    facet_sql = f"SELECT json_build_array({', '.join(counted)}) FROM m"
    ranked_params, more_sql, decay_join = [], "", ""

    def ranked_from(rows_sql="m"):
        """The rows to rank (one_pass's own `m`, or a subquery given), as `m`, with their nearest venue."""
        return (f"{rows_sql} m" if rows_sql != "m" else "m") + decay_join

    if rank is not None:
        decay = "1.0"
        if place is not None:
            # The distance decay, for the entries ranked only (those passing every filter, and with
            # pruning those holding a rare word): each one's venues, measured once. Beyond three
            # decay scales the decay is within 0.002 of nothing: an entry whose venues are all that
            # far counts 0.5; one with no venue at all (a phone line) keeps its score.
            scale = criteria.decay_scale_m
            venues = SearchEntryLocation.objects.filter(entry_id=RawSQL("m.service_id", [])).annotate(d=distance_to(place))
            venue_sql, venue_params = venues.values("d").query.sql_with_params()
            ranked_params = [3 * scale, *venue_params]
            decay_join = (
                " LEFT JOIN LATERAL (SELECT min(v.d) FILTER (WHERE v.d <= %s) AS d, count(*) AS venues "
                f"FROM ({venue_sql} OFFSET 0) v) near ON TRUE"
            )
            decay = (
                f"(CASE WHEN near.d IS NOT NULL THEN 0.5 + 0.5 * exp({-math.log(2) / scale**2!r} * near.d ^ 2) "
                "WHEN near.venues > 0 THEN 0.5 ELSE 1.0 END)"
            )
        score = f"m.words_rank * {decay}"
        # The entry's id last: entries alike in score and name come in one order whatever the plan.
        order, window = f"{score} DESC, m.name_sort, m.service_id", max(RANK_POOL, criteria.offset + criteria.per_page)
        where = f"{all_but(None)} AND m.words_rank IS NOT NULL"
        pool_sql = (
            f"pool AS MATERIALIZED (SELECT m.service_id, m.name_sort, {score} AS s FROM {ranked_from()} "
            f"WHERE {where} ORDER BY {order} LIMIT {window:d})"
        )
        pool_params = ranked_params
        if first is not None:
            # Should the pool of the entries holding an essential clause fall short (not full, or
            # its last score not above the most an entry holding none of them could score), the
            # same statement ranks those others too and keeps the best of both, so the pool is
            # always the one ranking every match would give. Otherwise the database skips them
            # (a condition it checks once, before).
            # Those are the counted rows passing every filter but not ranked: each read by its key.
            unranked = RawSQL(f"SELECT m.service_id FROM m WHERE {all_but(None)} AND m.words_rank IS NULL", [])
            others = SearchEntryMatch.objects.filter(pk__in=unranked).annotate(service_id=F("pk"), words_rank=rank)
            others_sql, others_params = others.values("service_id", "name_sort", "words_rank").query.sql_with_params()
            enough = (
                f"(SELECT count(*) >= (SELECT count(*) FILTER (WHERE {all_but(None)}) FROM m) "
                f"OR (count(*) >= {window:d} AND min(s) > {float(first[1])!r}::float8) FROM pool)"
            )
            pool_sql += (
                f", more AS MATERIALIZED (SELECT m.service_id, m.name_sort, {score} AS s FROM {ranked_from(f'({others_sql})')} "
                f"WHERE m.words_rank IS NOT NULL AND NOT {enough} ORDER BY {order} LIMIT {window:d})"
            )
            pool_params = [*ranked_params, *others_params, *ranked_params]
            chosen = f"SELECT * FROM pool UNION ALL SELECT * FROM more ORDER BY s DESC, name_sort, service_id LIMIT {window:d}"
        else:
            chosen = "SELECT * FROM pool"
        more_sql = f", {pool_sql}"
        hits_sql = (
            "SELECT coalesce(json_agg(json_build_array(t.service_id, t.s) ORDER BY t.n), '[]') FROM "
            f"(SELECT c.service_id, c.s, row_number() OVER () AS n FROM ({chosen}) c) t"
        )
        tail_params = []
    else:
        where = all_but(None)
        if sort == "distance":
            order, where = "m.distance, m.name_sort", where + " AND m.distance IS NOT NULL"
        else:
            order = "m.name_sort"
        # ORDER BY with LIMIT keeps only the best rows as it goes (a numbering window would sort them all).
        hits_sql = (
            "SELECT coalesce(json_agg(json_build_array(t.service_id, NULL) ORDER BY t.n), '[]') FROM "
            "(SELECT m.service_id, row_number() OVER () AS n FROM "
            f"(SELECT m.service_id FROM m WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s) m) t"
        )
        pool_params, tail_params = [], [criteria.per_page + LISTED_MARGIN, criteria.offset]
    sql = (
        f"WITH {near_sql}m AS MATERIALIZED (SELECT i.*, {distance} AS distance FROM {source}){more_sql} "
        f"SELECT ({facet_sql}), ({hits_sql})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *pool_params, *tail_params])
        counts_row, ids = cursor.fetchone()
    if isinstance(counts_row, str):  # psycopg returns json already parsed; other drivers may not
        counts_row, ids = json.loads(counts_row), json.loads(ids)
    ids = [i for i, _score in ids]

    total, free = counts_row[0], counts_row[len(ways)]
    near_count = counts_row[len(ways) + 1] if sort == "distance" else None
    found = defaultdict(list)
    if criteria.query.facets:
        numbers = counts_row[-len(ways) :]
        own = set(ways[1:])  # an any-of facet with a selection is counted without its own filter
        for way, text_numbers in zip(ways, numbers, strict=True):
            for key, n in facet_index.count(numbers_of(text_numbers)).items():
                kind, value = key.split(":", 1)
                if kind in FACET_KINDS and n and (kind == way if kind in own else way is None):
                    found[kind].append((value, n))
        labels = _taxonomy_labels([(kind, value) for kind in ("taxonomy_term", "taxonomy") for value, _n in found[kind]])
        for kind in FACET_KINDS:
            found[kind] = [(value, labels.get((kind, value), value), n) for value, n in found[kind]]

    rows = _listed_rows(ids, columns)
    if rank is None:
        rows = rows[: criteria.per_page]
        if sort == "distance" and len(rows) < criteria.per_page and total > (near_count or 0):
            rows += _further_away(matching(), filters, criteria, columns, near_count or 0)
    return total, _ranked_facets(found, free) if criteria.query.facets else {}, rows


class MatchNumber(EntryColumn):
    """The match row's number (PostgreSQL: an identity column, new whenever the row is written)."""

    column = "number"

    def column_field(self):
        return BigIntegerField()


def numbers_of(text_numbers: str):
    import numpy as np

    return np.fromstring(text_numbers, dtype=np.int64, sep=",") if text_numbers else np.empty(0, dtype=np.int64)


class FacetIndex:
    """PostgreSQL: the facet keys of each match row by its number, held in this process.

    Counting the facets of 60,000 matches in SQL means unnesting 350,000 keys and grouping them,
    most of such a search's time; here it is a numpy bincount over the numbers the search sent
    back. A match row gets a new number whenever it is written, so a number's keys never change:
    numbers this process has not seen are read when first counted, and those of rows since
    removed are never asked for again (the whole copy is read afresh every `ttl` seconds to let
    them go)."""

    ttl = 3600

    def __init__(self):
        self._lock = threading.Lock()
        self._reset()

    def _reset(self):
        import numpy as np

        self.numbers = np.empty(0, dtype=np.int64)  # sorted
        self.starts = np.zeros(1, dtype=np.int64)  # the keys of numbers[i] are keys[starts[i]:starts[i + 1]]
        self.keys = np.empty(0, dtype=np.int32)
        self.names: list[str] = []
        self.ids: dict[str, int] = {}
        self.read_at = time.monotonic()

    def invalidate(self):
        with self._lock:
            self._reset()

    def count(self, numbers) -> dict[str, int]:
        """How many of these rows hold each facet key."""
        import numpy as np

        if not len(numbers):
            return {}
        # Looked up in order, the numbers of 30,000 matches take a third of the time.
        numbers, at = np.sort(numbers), None
        with self._lock:
            if time.monotonic() - self.read_at > self.ttl:
                self._reset()
            if len(self.numbers):
                at = self._positions(self.numbers, numbers)
                missing = numbers[self.numbers[at] != numbers]
            else:
                missing = numbers
            if len(missing):
                self._add(self._read(missing if len(self.numbers) else None))
                at = None
            held, starts, keys, names = self.numbers, self.starts, self.keys, list(self.names)
        if not len(held):
            return {}
        if at is None:
            at = self._positions(held, numbers)
        at = at[held[at] == numbers]  # a row removed since the search counts no more
        first, lengths = starts[at], starts[at + 1] - starts[at]
        offsets = np.repeat(first - (np.cumsum(lengths) - lengths), lengths) + np.arange(lengths.sum())
        counted = np.bincount(keys[offsets], minlength=len(names))
        return {names[i]: int(counted[i]) for i in np.flatnonzero(counted)}

    @staticmethod
    def _positions(held, numbers):
        """Where each number is (or would be) in `held`, within its bounds."""
        import numpy as np

        return np.minimum(np.searchsorted(held, numbers), len(held) - 1)

    @staticmethod
    def _read(numbers):
        """(number, facet keys) of these match rows (all when None)."""
        where, params = ("WHERE number = ANY(%s)", [numbers.tolist()]) if numbers is not None else ("", [])
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT number, facet_keys FROM {fulltext.MATCH_TABLE} {where}", params)
            return [(n, json.loads(k) if isinstance(k, str) else k) for n, k in cursor.fetchall()]

    def _add(self, rows):
        import numpy as np

        if not rows:
            return
        new_keys, new_lengths = [], []
        for _number, keys in rows:
            kept = [self._id(k) for k in keys if not k.startswith("area_code:")]
            new_keys += kept
            new_lengths.append(len(kept))
        numbers = np.concatenate([self.numbers, np.array([n for n, _k in rows], dtype=np.int64)])
        lengths = np.concatenate([np.diff(self.starts), np.array(new_lengths, dtype=np.int64)])
        firsts = np.concatenate([self.starts[:-1], len(self.keys) + np.concatenate([[0], np.cumsum(new_lengths)[:-1]]).astype(np.int64)])
        keys = np.concatenate([self.keys, np.array(new_keys, dtype=np.int32)])
        order = np.argsort(numbers, kind="stable")
        lengths, firsts = lengths[order], firsts[order]
        offsets = np.repeat(firsts - (np.cumsum(lengths) - lengths), lengths) + np.arange(lengths.sum())
        self.numbers, self.keys = numbers[order], keys[offsets]
        self.starts = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)

    def _id(self, key: str) -> int:
        if key not in self.ids:
            self.ids[key] = len(self.names)
            self.names.append(key)
        return self.ids[key]


facet_index = FacetIndex()


def _taxonomy_labels(pairs) -> dict[tuple[str, str], str]:
    """The names of these categories and taxonomies, from a facet row of each (one query)."""
    if not pairs:
        return {}
    table = SearchEntryFacet._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT v.kind, v.value, (SELECT f.label FROM {table} f WHERE f.kind = v.kind AND f.value = v.value LIMIT 1) "
            "FROM unnest(%s::text[], %s::text[]) AS v(kind, value)",
            [[k for k, _v in pairs], [v for _k, v in pairs]],
        )
        return {(kind, value): label for kind, value, label in cursor.fetchall() if label}


def _listed_rows(ids, columns) -> list[dict]:
    """The chosen entries in full, in the order given, leaving out any whose service just closed."""
    found = {str(r["key"]): r for r in listed(SearchEntry.objects.filter(pk__in=ids)).annotate(key=_key("service_id")).values(*columns)}
    return [found[i] for i in ids if i in found]


def _further_away(matched, filters, criteria: Criteria, columns, near_count) -> list[dict]:
    """Nearest first, past the entries with a venue within reach: the rest by their nearest venue
    anywhere (none last). Rarely needed: only when a page reaches past every nearby service."""
    place, reach = criteria.place, criteria.radius_m or criteria.decay_scale_m
    rest = matched
    for condition in filters.values():
        rest = rest.filter(condition)
    nearby = SearchEntryLocation.objects.filter(_in_box(place, reach)).alias(d=distance_to(place)).filter(d__lte=reach)
    rest = SearchEntry.objects.filter(pk__in=rest.exclude(pk__in=nearby.values("entry_id")).values("pk"))
    rest = (
        listed(rest)
        .annotate(distance=nearest_distance(place), key=_key("service_id"))
        .order_by(F("distance").asc(nulls_last=True), "name_sort")
    )
    start = max(0, criteria.offset - near_count)
    shown = max(0, near_count - criteria.offset)
    return list(rest.values(*columns)[start : start + criteria.per_page - min(shown, criteria.per_page)])


def _narrowed(criteria: Criteria) -> bool:
    """Whether anything but the words narrows the search (an age, a place's radius, opening
    times, a facet or free of charge): what `filtered` and `facet_filters` apply."""
    return bool(
        criteria.min_age is not None
        or criteria.max_age is not None
        or (criteria.place is not None and criteria.radius_m)
        or criteria.week_ranges
        or facet_filters(criteria)
    )


def _fts5_pool(full, clauses, size, narrowed=True) -> list:
    """SQLite: the best `size` matches by bm25 with the field weights (ties by row)."""
    weights = ", ".join(f"{w:g}" for w in FIELD_WEIGHTS.values())
    table = fulltext.FTS_TABLE
    if not narrowed:
        # Only the still-listed check stands between the matches and the pool: rank the matches
        # alone (testing each of tens of thousands against the directory was most of the time),
        # then check the best few, a margin over. Should closures leave the pool short while
        # more matches remain, rank as below.
        sql = (
            f"SELECT e.service_id FROM {table} JOIN {fulltext.ENTRY_TABLE} e ON e.rowid = {table}.rowid "
            f"WHERE {table} MATCH %s ORDER BY bm25({table}, {weights}), e.rowid LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [fts5_query(clauses), size + LISTED_MARGIN])
            best = [row[0] for row in cursor.fetchall()]
        still = {str(key) for key in listed(SearchEntry.objects.filter(pk__in=best)).values_list("pk", flat=True)}
        kept = [key for key in best if str(uuid.UUID(key)) in still]
        if len(kept) >= size or len(best) < size + LISTED_MARGIN:
            return kept[:size]
    inner, params = full.values("pk").query.sql_with_params()
    sql = (
        f"SELECT e.service_id FROM {table} JOIN {fulltext.ENTRY_TABLE} e ON e.rowid = {table}.rowid "
        f"WHERE {table} MATCH %s AND e.service_id IN ({inner}) ORDER BY bm25({table}, {weights}), e.rowid LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [fts5_query(clauses), *params, size])
        return [row[0] for row in cursor.fetchall()]


def did_you_mean(criteria: Criteria) -> str | None:
    typed = text.words(criteria.query.text)
    better = vocabulary.correct(typed)
    if not better:
        return None
    return " ".join(better.get(word, word) for word in typed)


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


__all__ = ["search", "suggest", "vocabulary", "count_words", "before_rebuild", "after_rebuild", "METRES_PER_MILE"]
