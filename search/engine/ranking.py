"""How results are ordered once they match: one intent, read by both backends.

Elasticsearch expresses each rule as a query clause or a `function_score` function; the database
fallback computes the same numbers in Python. Keep the two in step: a rule added here for one
backend must be added for the other (tests in tests/test_ranking.py check they agree).
"""

from __future__ import annotations

import math
import os
import re
import time
from collections import Counter
from datetime import date
from functools import lru_cache

from . import semantic, text
from .documents import FIELD_WEIGHTS
from .scoring import decay
from .vocabulary import expansion_labels

# Rules switched off by name (DIRECTORY_RANKING_OFF=age,recency), to measure what each one gains
# with `directory_relevance`; nothing is off in normal use.
OFF = frozenset(filter(None, os.environ.get("DIRECTORY_RANKING_OFF", "").replace(" ", "").split(",")))


def on(rule: str) -> bool:
    return rule not in OFF


# ---- Words: how well a service's fields hold what was asked ---------------------------------------
#
# One formula for both backends. The database scores its best matches with it; Elasticsearch's
# own score (BM25) only chooses the first RESCORED of them, which are then scored with it too,
# so the two order a page alike. For each thing asked (a clause), the best of its alternatives
# in the best field: the field's weight (documents.FIELD_WEIGHTS) x the words' idf (a phrase's
# averaged: "short breaks" is one thing, not two) x a length factor (a match in a short field says
# more, as BM25's) x FUZZY_FACTOR for a word matched through a typo. The clauses add up; the typed
# words in order in the name count NAME_ORDER_FACTOR times, near each other in a category or
# description PHRASE_FACTOR times (below).
FUZZY_FACTOR = 0.6
# A typo variant of a typed word that no listed service holds ("dementa", "suported"): nothing else
# can have been meant, so the mended word counts nearly as if typed (a real word, "carer" for
# "career", keeps FUZZY_FACTOR: it may well have been meant as written).
MENDED_FACTOR = 0.75
MAX_EXPANSIONS = 20  # typo variants per typed word, as Elasticsearch's max_expansions
NAME_ORDER_FACTOR = 1.25
RESCORED = 50


def idf(documents: int, frequency: int) -> float:
    # The count of entries is kept a minute; a word may since be in more of them. A negative weight would turn
    # every multiplier of the score (age fit, recency) upside down, so the count is never below the word's.
    documents = max(documents, frequency)
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


def _spaced(words) -> str:
    return f" {' '.join(words)} "


# The same typed words meet the same indexed words search after search: their distances are kept.
_edit_distance = lru_cache(maxsize=50_000)(text.edit_distance)


class Spread(tuple):
    """A phrase whose words may stand in different fields (see SPREAD_FACTOR)."""


# Several words typed that the glossary knows as one thing ("employment support", an expansion of
# IPS) become one clause, matched when all its words are in one field. A service saying
# "employment" in its category and "support" in its description is still about it (before the
# glossary knew the phrase, the two words were two clauses): the typed words anywhere in the
# service count SPREAD_FACTOR times their best fields (Elasticsearch: a `cross_fields` match).
SPREAD_FACTOR = 0.5


def spread_phrase(clause):
    """The typed words of a glossary clause that may match across fields, or None."""
    typed = clause.alternatives[0]
    if clause.from_glossary and not clause.from_everyday and len(typed) > 1 and on("spread"):
        return Spread(typed)
    return None


def clauses_with_variants(criteria, variants) -> list[list[tuple[tuple[str, ...], float, bool]]]:
    """For each clause: [(phrase, factor, is_typo)] of its alternatives, with the typo variants of
    its typed word (`variants`: typed word -> [(word, edits, entries)], fewest edits first)."""
    expanded = []
    for clause in criteria.prepared.clauses:
        options = []
        for number, alternative in enumerate(clause.alternatives):
            options.append((alternative, clause.weight, False))
            if number == 0 and clause.fuzzy:
                for word, _edits, _entries in variants.get(alternative[0], [])[:MAX_EXPANSIONS]:
                    options.append(((word,), FUZZY_FACTOR * clause.weight, True))
        spread = spread_phrase(clause)
        if spread is not None:
            options.append((spread, SPREAD_FACTOR * clause.weight, False))
        expanded.append(options)
    return expanded


def with_mended_typos(clauses, frequencies) -> list:
    """`clauses` (as clauses_with_variants gives them) with the typo variants of a typed word no
    entry holds (`frequencies`: word -> entries) counting MENDED_FACTOR rather than FUZZY_FACTOR."""
    mended = []
    for options in clauses:
        typed = options[0][0]
        # Not a glossary term ("IMCA" is no misspelt "IMHA"): those have alternatives of their own.
        exact = sum(not typo for _p, _f, typo in options)
        if len(typed) == 1 and exact == 1 and not frequencies.get(typed[0]) and any(typo for _p, _f, typo in options):
            options = [(p, f * MENDED_FACTOR / FUZZY_FACTOR if typo else f, typo) for p, f, typo in options]
        mended.append(options)
    return mended


def typed_words(criteria) -> tuple[str, ...]:
    return tuple(w for c in criteria.prepared.clauses if not c.from_everyday for w in c.typed)


def words_score(row: dict, clauses, typed: tuple[str, ...], idf_of) -> tuple[float, set[str]]:
    """(score, words matched) of a service's fields (`row`: FIELD_WEIGHTS' fields, spaced)."""
    total, matched = 0.0, set()
    # Shorter fields say more per match (BM25's length normalisation, roughly).
    fields = [(set(row[field].split()), weight * (1.6 / (1 + 0.6 * min(row[field].count(" "), 60) / 12))) for field, weight in FIELD_WEIGHTS.items()]
    anywhere = set().union(*(words for words, _w in fields))
    for options in clauses:
        best = 0.0
        for phrase, factor, _typo in options:
            if len(phrase) == 1:  # most things asked are one word: the same sums, fewer steps
                word = phrase[0]
                if word not in anywhere:
                    continue
                value = max(weighted for words, weighted in fields if word in words) * idf_of(word) * factor
            elif isinstance(phrase, Spread):
                if not all(w in anywhere for w in phrase):
                    continue
                value = sum(max(weighted for words, weighted in fields if w in words) * idf_of(w) for w in phrase) / len(phrase) * factor
            else:
                if not all(w in anywhere for w in phrase):
                    continue
                held = [weighted for words, weighted in fields if all(w in words for w in phrase)]
                if not held:
                    continue
                value = max(held) * (sum(idf_of(w) for w in phrase) / len(phrase)) * factor
            best = max(best, value)
            matched.update(phrase)
        total += best
    if len(typed) > 1:
        # The typed words in order in the name ("supported employment" in "Supported employment
        # (north Worcestershire)"): the more of their neighbouring pairs, the more it counts.
        pairs = list(zip(typed, typed[1:], strict=False))
        total *= 1 + (NAME_ORDER_FACTOR - 1) * sum(_spaced(pair) in row["name_terms"] for pair in pairs) / len(pairs)
    if phrase_applies(typed) and any(near_in_order(row[f], typed) for f in PHRASE_FIELDS):
        total *= PHRASE_FACTOR
    return total, matched


def relevance(criteria, row: dict, clauses, typed: tuple[str, ...], idf_of, distance_m) -> tuple[float, set[str]]:
    """`words_score` with the factors of the rules below: nearness, age fit, review recency."""
    value, matched = words_score(row, clauses, typed, idf_of)
    return value * rules_factor(criteria, row, distance_m), matched


# Asked near a place, a service with no venue (a phone line, an outreach team covering the area)
# counts as one at the edge of the search's reach (the decay's scale): "near Aylsham" is mostly
# about somewhere to go, and such services used to count as if they stood at the place itself.
AREA_ONLY = 0.5 + 0.5 * decay(1.0, 1.0)


def rules_factor(criteria, row: dict, distance_m) -> float:
    """What nearness, the age fit and the review's recency make of a service's score (row: ages, assured_date)."""
    factor = 1.0
    if criteria.place is not None:
        if distance_m is None and on("venue"):
            factor *= AREA_ONLY
        else:
            factor *= 0.5 + 0.5 * decay(distance_m, criteria.decay_scale_m)
    factor *= service_age_fit(criteria, row["min_age"], row["max_age"])
    return factor * recency_fit(row["assured_date"])


def variants_among(criteria, present: set[str], frequencies) -> dict[str, list[tuple[str, int, int]]]:
    """Typo variants of the typed words found in some services' fields (Elasticsearch matched them
    with `fuzziness`; the database finds them in its word list): same first letter, within the
    allowance, fewest edits then the commonest first."""
    typed = {c.alternatives[0][0] for c in criteria.prepared.clauses if c.fuzzy and text.allowed_edits(c.alternatives[0][0])}
    if not typed:
        return {}
    found = {}
    for term in typed:
        limit = text.allowed_edits(term)
        close = [
            (word, edits, frequencies.get(word, 0))
            for word in present
            if word != term and word[:1] == term[:1] and abs(len(word) - len(term)) <= limit
            and (edits := _edit_distance(term, word, limit)) <= limit
        ]
        found[term] = sorted(close, key=lambda v: (v[1], -v[2], v[0]))
    return found


# How many entries hold each word changes only when entries are written, and idf barely moves
# then: each process keeps the words it has looked up with the count of entries, both for at most a
# minute, and forgets them whenever it writes entries itself (indexing.write_entries). A search
# then asks the database only about words no recent search asked about.
FREQUENCIES_SECONDS = 60
CACHED_WORDS = 50_000
_frequencies: dict = {"at": 0.0, "count": 0, "words": {}}


def forget_frequencies() -> None:
    _frequencies["at"] = 0.0


def word_entries(words, kind=None) -> dict[str, int]:
    """How many entries hold each of these words (those in none left out), from the database's
    word list (`kind`: SearchWord.Kind, the prepared words by default; kept for both backends)."""
    from .models import SearchWord

    kind = kind or SearchWord.Kind.TERM
    state = _fresh_frequencies()
    known = state["words"]
    # Read once each: another thread may empty the shared copy meanwhile.
    counts = {w: known.get((kind, w)) for w in set(words)}
    missing = sorted(w for w, n in counts.items() if n is None)
    if missing:
        found = dict(SearchWord.objects.filter(kind=kind, word__in=missing).values_list("word", "entries"))
        fresh = {w: found.get(w, 0) for w in missing}
        if len(known) + len(fresh) > CACHED_WORDS:
            known.clear()
        known.update({(kind, w): n for w, n in fresh.items()})
        counts.update(fresh)
    return {w: n for w, n in counts.items() if n}


def _fresh_frequencies() -> dict:
    from .models import SearchEntry

    state = _frequencies
    if time.monotonic() - state["at"] > FREQUENCIES_SECONDS:
        state = {"at": time.monotonic(), "count": SearchEntry.objects.count(), "words": {}}
        _frequencies.update(state)
    return state


def word_frequencies(words) -> tuple[int, dict[str, int]]:
    """(entries in the directory, how many of them hold each word): idf's two numbers."""
    found = word_entries(words)
    return _fresh_frequencies()["count"], found


def rescore(criteria, rows: list[dict], distances: dict) -> dict[str, float]:
    """Elasticsearch's first matches (rows with `key` and FIELD_WEIGHTS' fields, ages and review
    date) scored as the database scores its own: key -> score."""
    typed = {c.alternatives[0][0] for c in criteria.prepared.clauses if c.fuzzy}
    asked = {w for c in criteria.prepared.clauses for alternative in c.alternatives for w in alternative}
    present = {w for row in rows for f in FIELD_WEIGHTS for w in row[f].split()}
    by_letter = {}
    for term in typed:
        by_letter.setdefault(term[:1], []).append((len(term), text.allowed_edits(term)))
    near_typed = {w for w in present if any(abs(len(w) - length) <= limit for length, limit in by_letter.get(w[:1], ()))}
    documents, frequencies = word_frequencies(asked | near_typed)
    clauses = with_mended_typos(clauses_with_variants(criteria, variants_among(criteria, present, frequencies)), frequencies)

    idfs = {}

    def idf_of(word):
        found = idfs.get(word)
        if found is None:
            found = idfs[word] = idf(documents, frequencies.get(word, 0))
        return found

    typed_in_order = typed_words(criteria)
    return {row["key"]: relevance(criteria, row, clauses, typed_in_order, idf_of, distances.get(row["key"]))[0] for row in rows}

# ---- Age: a service made for the age asked about comes before one open to everybody --------------
#
# Every service whose range overlaps the asked age matches (the filter); among them, one whose
# range sits around the asked age was made for people of about that age. "Respite for a 17 year
# old" should find the 16-25 short breaks and the children's ones before the all-ages sitting
# service; "befriending for my 80 year old mum" the 65+ befriending before the 18+ one. A range
# fits closely when both its ends lie within AGE_CLOSE_YEARS of the ages asked about (no lower
# limit counts as 0, so children's services fit a child); a range with no upper limit fits only
# when it starts at AGE_OLDER or later (services for older people). Such a service keeps its full
# score; every other one (no limits stated, "18+", "18-65" for a 45 year old) counts AGE_OTHER
# times: a service that states no ages is never left out, and never put above one that fits.
# A broad group in the words ("children", "adults": ages.py) filters nothing and says only who is
# out of scope: a service whose range overlaps the group keeps its score, and one whose range does
# not reach it at all (an adults' service, asked for children) counts AGE_APART times.
AGE_CLOSE_YEARS = 20.0
AGE_OLDER = 50.0
# Children's and young people's services commonly run to 19 or 25 (family hubs, SEND): such a
# range fits any child it takes, however young ("toddler groups" and the 0-25 family hub).
AGE_YOUNG = 25.0
AGE_OTHER = 0.8
AGE_APART = 0.5


def _asked(min_age, max_age):
    low = min_age if min_age is not None else max_age
    high = max_age if max_age is not None else min_age
    return low, high


def age_overlaps(min_age, max_age, service_min, service_max) -> bool:
    """Whether a service of ages [service_min, service_max] takes anyone aged [min_age, max_age]."""
    below = max_age is not None and service_min is not None and service_min > max_age
    above = min_age is not None and service_max is not None and service_max < min_age
    return not (below or above)


def age_fits(min_age: float | None, max_age: float | None, service_min: float | None, service_max: float | None) -> bool:
    """Whether a service of ages [service_min, service_max] was made for ages near [min_age, max_age]."""
    low, high = _asked(min_age, max_age)
    starts_near = (service_min or 0.0) >= low - AGE_CLOSE_YEARS
    if service_max is None:
        ends_near = service_min is not None and service_min >= AGE_OLDER
    else:
        ends_near = service_max <= max(high + AGE_CLOSE_YEARS, AGE_YOUNG)
    return starts_near and ends_near and age_overlaps(min_age, max_age, service_min, service_max)


def age_fit(min_age: float | None, max_age: float | None, service_min: float | None, service_max: float | None, *, broad=False) -> float:
    """The factor for a service of ages [service_min, service_max] when the search asked about
    [min_age, max_age] (either may be None: not asked; `broad`: a broad group named in the words).
    1.0 when no age was asked."""
    if (min_age is None and max_age is None) or not on("age"):
        return 1.0
    if not age_overlaps(min_age, max_age, service_min, service_max):
        return AGE_APART
    return 1.0 if broad or age_fits(min_age, max_age, service_min, service_max) else AGE_OTHER


def service_age_fit(criteria, service_min, service_max) -> float:
    """`age_fit` for a search's Criteria: the ages filtered on, or else a broad group's."""
    min_age, max_age, broad = _ranking_ages(criteria)
    return age_fit(min_age, max_age, service_min, service_max, broad=broad)


def es_age_functions_for(criteria) -> list[dict]:
    """`es_age_functions` for a search's Criteria."""
    min_age, max_age, broad = _ranking_ages(criteria)
    return es_age_functions(min_age, max_age, broad=broad)


def _ranking_ages(criteria):
    if criteria.min_age is not None or criteria.max_age is not None:
        return criteria.min_age, criteria.max_age, False
    if criteria.group_ages:
        return (*criteria.group_ages, True)
    return None, None, False


def _es_overlaps(min_age, max_age) -> dict:
    conditions = []
    if max_age is not None:
        conditions.append({"bool": {"should": [{"bool": {"must_not": [{"exists": {"field": "min_age"}}]}}, {"range": {"min_age": {"lte": max_age}}}], "minimum_should_match": 1}})
    if min_age is not None:
        conditions.append({"bool": {"should": [{"bool": {"must_not": [{"exists": {"field": "max_age"}}]}}, {"range": {"max_age": {"gte": min_age}}}], "minimum_should_match": 1}})
    return {"bool": {"filter": conditions}}


def es_age_functions(min_age: float | None, max_age: float | None, *, broad=False) -> list[dict]:
    """`function_score` functions (score_mode sum, boost_mode multiply) giving `age_fit`."""
    if (min_age is None and max_age is None) or not on("age"):
        return []
    if broad:
        return [{"weight": AGE_APART}, {"filter": _es_overlaps(min_age, max_age), "weight": 1.0 - AGE_APART}]
    low, high = _asked(min_age, max_age)
    lowest = low - AGE_CLOSE_YEARS
    starts_near = [{"range": {"min_age": {"gte": lowest}}}]
    if lowest <= 0:
        starts_near.append({"bool": {"must_not": [{"exists": {"field": "min_age"}}]}})
    ends_near = [
        {"range": {"max_age": {"lte": max(high + AGE_CLOSE_YEARS, AGE_YOUNG)}}},
        {"bool": {"must_not": [{"exists": {"field": "max_age"}}], "filter": [{"range": {"min_age": {"gte": AGE_OLDER}}}]}},
    ]
    overlaps = _es_overlaps(min_age, max_age)
    fits = {"bool": {"filter": [
        {"bool": {"should": starts_near, "minimum_should_match": 1}},
        {"bool": {"should": ends_near, "minimum_should_match": 1}},
        overlaps,
    ]}}
    return [{"weight": AGE_APART}, {"filter": overlaps, "weight": AGE_OTHER - AGE_APART}, {"filter": fits, "weight": 1.0 - AGE_OTHER}]


# ---- Recency: a listing reviewed lately is a little more likely to be right ---------------------
#
# A service whose listing was checked (ORUK's assured date) within RECENCY_FRESH_DAYS keeps its
# score; after that it loses up to RECENCY_WEIGHT of it, half of that a further RECENCY_SCALE_DAYS
# on (a Gaussian decay, Elasticsearch's `gauss` on the date). A listing never reviewed is left as it
# is (most directories do not fill the date in). Small on purpose: it orders near-equal matches.
RECENCY_WEIGHT = 0.1
RECENCY_FRESH_DAYS = 365
RECENCY_SCALE_DAYS = 365


def recency_fit(assured_date, today=None) -> float:
    """The factor for a service last reviewed on `assured_date` (a date, or None)."""
    if assured_date is None or not on("recency"):
        return 1.0
    today = today or date.today()
    beyond = max(0, (today - assured_date).days - RECENCY_FRESH_DAYS)
    return 1.0 - RECENCY_WEIGHT + RECENCY_WEIGHT * 0.5 ** ((beyond / RECENCY_SCALE_DAYS) ** 2)


def es_recency_functions(today=None) -> list[dict]:
    """`function_score` functions (score_mode sum, boost_mode multiply) giving `recency_fit`."""
    if not on("recency"):
        return []
    origin = (today or date.today()).isoformat()
    decay = {"assured_date": {"origin": origin, "offset": f"{RECENCY_FRESH_DAYS}d", "scale": f"{RECENCY_SCALE_DAYS}d", "decay": 0.5}}
    return [{"weight": 1.0 - RECENCY_WEIGHT}, {"gauss": decay, "weight": RECENCY_WEIGHT}]


# ---- Meaning: a small sentence-embedding model reorders the best lexical matches ------------------
#
# The words decide what matches (both backends find the same candidates); among the first
# SEMANTIC_WINDOW of them, a service whose name and description mean what was asked moves up.
# Each candidate's score becomes (1 - SEMANTIC_WEIGHT) x its score relative to the best one, plus
# SEMANTIC_WEIGHT x the cosine similarity of the two texts (below zero counts as zero). The
# query's text includes the glossary's and everyday words' expansions ("AMHP" says nothing to the
# model; "approved mental health professional" does). Without the model (see semantic.py) the
# order is the lexical one.
SEMANTIC_WINDOW = 50
SEMANTIC_WEIGHT = 0.5
# A candidate sharing no word with the search, found by meaning alone (meaning.py): its blend,
# which is then its meaning alone, counts this many times. Chosen on the demo set.
RETRIEVED_WEIGHT = float(os.environ.get("DIRECTORY_MEANING_WEIGHT", "1.0"))


def semantic_query_text(criteria, texts=()) -> str:
    """What the model reads for the query: its words, spelling mended from the candidates' own
    words ("dementa" means nothing to the model; the matches say "dementia"), and the expansions."""
    words = criteria.prepared.text
    for wrong, right in mended_spelling(criteria, texts).items():
        words = re.sub(rf"\b{re.escape(wrong)}\b", right, words, flags=re.I)
    return " ".join([words, *expansion_labels(criteria.prepared, criteria.glossary)]).strip()


def mended_spelling(criteria, texts) -> dict[str, str]:
    """For each typed word none of the texts holds: the word of the texts most like it (within the
    typo allowance the match itself used, same first letter), the commonest on a tie."""
    typed = [c.original for c in criteria.prepared.clauses if c.fuzzy and not c.from_glossary and text.allowed_edits(c.original)]
    if not typed or not texts:
        return {}
    folded = text.fold("\n".join(texts))
    if all(_written_in(word, folded) for word in typed):
        return {}  # the usual case (that is how the texts matched): no need to count their words
    counts = Counter(w for t in texts for w in set(text.words(t)) if len(w) > 2)
    mended = {}
    for word in typed:
        if word in counts:
            continue
        limit = text.allowed_edits(word)
        close = [(edits, -n, w) for w, n in counts.items() if w[:1] == word[:1] and abs(len(w) - len(word)) <= limit and (edits := _edit_distance(word, w, limit)) <= limit]
        if close:
            mended[word] = min(close)[2]
    return mended


def _written_in(word: str, folded: str) -> bool:
    """Whether `word` is one of the words longer than two letters of `folded` (text.fold'ed texts,
    as text.words reads them)."""
    if len(word) < 3 or not text.WORD_RE.fullmatch(word):
        return False
    return re.search(rf"(?<![a-z0-9]){word}(?![a-z0-9])", folded) is not None


def rerank(criteria, candidates: list[tuple[str, float, str, str]], factors: dict | None = None, vectors: dict | None = None) -> list[str]:
    """Keys of (key, lexical score, name, description) candidates, best first, meaning blended in.

    `factors` (key -> rules_factor, within the score): the rules (age fit, nearness, recency)
    then weigh the blend, meaning included, as they weighed the words alone. `vectors` (key ->
    the service's vector, from the index): those texts need not be embedded again."""
    ordered = [candidate[0] for candidate in candidates]
    if len(candidates) < 2 or not on("semantic"):
        return ordered
    texts = [semantic.service_text(name, description) for _k, _s, name, description in candidates]
    known = [vectors.get(key) for key in ordered] if vectors else None
    similarities = semantic.similarities(semantic_query_text(criteria, texts), texts, known)
    if similarities is None:
        return ordered
    factors = factors or {}
    words = {key: score / (factors.get(key) or 1.0) for key, score, _n, _d in candidates}
    best = max(words.values()) or 1.0
    blended = {
        key: (factors.get(key) or 1.0) * ((1 - SEMANTIC_WEIGHT) * words[key] / best + SEMANTIC_WEIGHT * max(0.0, float(similarity)))
        * (1.0 if words[key] else RETRIEVED_WEIGHT)
        for (key, _s, _n, _d), similarity in zip(candidates, similarities, strict=True)
    }
    # Python's sort is stable: equal blends keep the lexical order.
    return sorted(ordered, key=lambda key: -blended[key])


# ---- Proximity: the words typed, near each other and in order, in a category or description -------
#
# "mental health crisis" in a description says more than "mental" in one sentence and "crisis"
# in another. Elasticsearch adds a `match_phrase` clause with PHRASE_SLOP (words may stand up to
# that many places apart); the database multiplies the score by PHRASE_FACTOR when the same holds.
PHRASE_SLOP = 2
PHRASE_FIELDS = ("taxonomy_terms", "description_terms")
PHRASE_BOOST = 1.0
PHRASE_FACTOR = 1.15


def near_in_order(field_text: str, words: tuple[str, ...], slop: int = PHRASE_SLOP) -> bool:
    """Whether `words` stand in `field_text` (prepared words) in order, with at most `slop` others between them in all."""
    tokens = field_text.split()
    for start, token in enumerate(tokens):
        if token != words[0]:
            continue
        position, spare = start, slop
        for word in words[1:]:
            window = tokens[position + 1 : position + 2 + spare]
            if word not in window:
                break
            step = window.index(word)
            spare -= step
            position += step + 1
        else:
            return True
    return False


def phrase_applies(typed_words: tuple[str, ...]) -> bool:
    return len(typed_words) > 1 and on("phrase")
