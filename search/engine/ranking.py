"""How results are ordered once they match: one intent, read by both backends.

Elasticsearch expresses each rule as a query clause or a `function_score` function; the database
fallback computes the same numbers in Python. Keep the two in step: a rule added here for one
backend must be added for the other (tests in tests/test_ranking.py check they agree).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from datetime import date

from . import semantic, text
from .vocabulary import expansion_labels

# Rules switched off by name (DIRECTORY_RANKING_OFF=age,recency), to measure what each one gains
# with `directory_relevance`; nothing is off in normal use.
OFF = frozenset(filter(None, os.environ.get("DIRECTORY_RANKING_OFF", "").replace(" ", "").split(",")))


def on(rule: str) -> bool:
    return rule not in OFF

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
        ends_near = service_max <= high + AGE_CLOSE_YEARS
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
        {"range": {"max_age": {"lte": high + AGE_CLOSE_YEARS}}},
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
SEMANTIC_WEIGHT = 0.3


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
    counts = Counter(w for t in texts for w in set(text.words(t)) if len(w) > 2)
    mended = {}
    for word in typed:
        if word in counts:
            continue
        close = [(edits, -n, w) for w, n in counts.items() if (edits := text.edit_distance(word, w, text.allowed_edits(word))) <= text.allowed_edits(word) and w[:1] == word[:1]]
        if close:
            mended[word] = min(close)[2]
    return mended


def rerank(criteria, candidates: list[tuple[str, float, str, str]]) -> list[str]:
    """Keys of (key, lexical score, name, description) candidates, best first, meaning blended in."""
    ordered = [candidate[0] for candidate in candidates]
    if len(candidates) < 2 or not on("semantic"):
        return ordered
    texts = [semantic.service_text(name, description) for _k, _s, name, description in candidates]
    similarities = semantic.similarities(semantic_query_text(criteria, texts), texts)
    if similarities is None:
        return ordered
    best = max(candidate[1] for candidate in candidates) or 1.0
    blended = {
        candidate[0]: (1 - SEMANTIC_WEIGHT) * candidate[1] / best + SEMANTIC_WEIGHT * max(0.0, float(similarity))
        for candidate, similarity in zip(candidates, similarities, strict=True)
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
