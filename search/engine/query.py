"""Understanding a query: from a ServiceQuery (words, postcode, ages, filters) to Criteria.

Both backends search with the Criteria this returns: the words analysed and expanded from the
glossary and everyday words, a place and an age read from the words, the opening times and
filters checked. Bad input raises PostcodeNotFound or ValueError here, before any backend runs.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import time

from . import PostcodeNotFound, ServiceQuery, ages, everyday, places, text
from .documents import DAYS, MINUTES_PER_DAY
from .scoring import METRES_PER_MILE
from .vocabulary import current_glossary

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
    min_age: float | None = None  # ages filtered on (asked for, or firmly named in the words)
    max_age: float | None = None
    # A broad age group named in the words ("children", "adults"): orders, never filters (ranking.py).
    group_ages: tuple[float | None, float | None] | None = None
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


# The words of an age group read from the search ("teenagers", "older people") still count, for
# less: the age now does most of their work, and the need the search names should decide.
AGE_WORD_WEIGHT = 0.5


def _age_words_weighted(clauses, group_words, age_needs=frozenset()):
    """`age_needs`: everyday needs named only by the group's words ("pensioner" naming "Older
    relative"): they count as the group's words do, or they would outrank the need asked about."""
    is_age_word = [
        c.original in age_needs if c.from_everyday else set(c.typed) <= set(group_words)
        for c in clauses
    ]
    if not group_words or all(is_age_word):  # "older people" alone: the words are the whole search
        return clauses
    return [replace(c, weight=c.weight * AGE_WORD_WEIGHT) if age_word else c for c, age_word in zip(clauses, is_age_word, strict=True)]


# ---- Misspelt words, mended from the directory's own written words ---------------------------------
#
# A typed word that no listed service writes ("occupaitonal", "homelesness") is a misspelling or a
# word the directory lacks. Typo tolerance alone misses many: it compares stems, and the stemmer
# cuts a misspelt word differently ("occupaiton" against "occup"). So such a word is read as the
# written word nearest to it (within the typo allowance, same first letter, fewest edits then the
# commonest), or as two written words run together ("foodbank"), before the glossary and everyday
# words see it. Words the vocabulary knows (glossary, everyday phrases) and age words are left alone.
MEND_MIN_LETTERS = 5
SPLIT_MIN_LETTERS = 3


def mended_words(question: str, speller, keep=frozenset()) -> dict[str, str]:
    """{typed word: what it is read as} for the question's words that no listed service writes.

    `speller` knows the directory's written words: `entries(words)` -> {word: services writing it}
    (those in none left out) and `variants(words)` -> {word: [(written word, edits, services)]}."""
    typed = [w for w in dict.fromkeys(text.words(question)) if len(w) >= MEND_MIN_LETTERS and w.isalpha() and w not in keep and text.stem(w) not in keep]
    if not typed:
        return {}
    known = speller.entries(typed)
    unknown = [w for w in typed if not known.get(w)]
    if not unknown:
        return {}
    mended = {}
    for word, found in speller.variants(unknown).items():
        close = [(edits, -entries, written) for written, edits, entries in found if written[:1] == word[:1] and entries > 0]
        if close:
            mended[word] = min(close)[2]
    joined = [w for w in unknown if w not in mended and len(w) >= 2 * SPLIT_MIN_LETTERS + 1]
    if joined:
        splits = {w: [(w[:i], w[i:]) for i in range(SPLIT_MIN_LETTERS, len(w) - SPLIT_MIN_LETTERS + 1)] for w in joined}
        parts = speller.entries({part for options in splits.values() for pair in options for part in pair})
        for word, options in splits.items():
            held = [(min(parts.get(a, 0), parts.get(b, 0)), f"{a} {b}") for a, b in options]
            best = max(held)
            if best[0] > 0:
                mended[word] = best[1]
    return mended


def _vocabulary_words(glossary, vocabulary) -> frozenset[str]:
    """The analysed words the glossary and the everyday phrases know: never mended. Worked out
    again only when either is rebuilt (a few thousand words: 1 ms of CPU a search otherwise)."""
    kept = _known_words[0]
    if kept[0] is glossary and kept[1] is vocabulary:
        return kept[2]
    words = frozenset(w for phrase in glossary.index() for w in phrase) | frozenset(
        w for entry in vocabulary.entries for phrase in entry.phrases for w in phrase
    )
    _known_words[0] = (glossary, vocabulary, words)  # one assignment: threads see a whole triple
    return words


_known_words: list = [(None, None, frozenset())]


def _with_mended(question: str, mended: dict[str, str]) -> str:
    for wrong, right in mended.items():
        question = re.sub(rf"(?<![\w'’]){re.escape(wrong)}(?![\w'’])", right, question, flags=re.I)
    return question


def understand(query: ServiceQuery, speller=None) -> Criteria:
    """Turn a ServiceQuery into Criteria. Raises PostcodeNotFound or ValueError for bad input.

    `speller` (the directory's written words, see `mended_words`): misspelt words are mended first."""
    glossary = current_glossary()
    words = query.text or ""
    found_place = None
    if query.read_place_from_text and not (query.postcode or "").strip() and words.strip():
        found_place = places.read_place(words, places.current_gazetteer())
        if found_place is not None:
            words = found_place.rest
    asked = ages.read_age(words) if query.read_age_from_text else None
    vocabulary = everyday.current()
    searched = asked.rest if asked else words
    if speller is not None and searched.strip():
        keep = _vocabulary_words(glossary, vocabulary) | set(asked.group_words if asked else ())
        mended = mended_words(searched, speller, keep)
        searched, words = _with_mended(searched, mended), _with_mended(words, mended)
    prepared = text.prepare_query(searched, glossary, read_age=False)
    # Everyday phrases are matched on every word typed ("my son is 14 and won't go to school").
    prepared.text = words
    everyday.with_everyday_words(prepared, vocabulary)
    min_age, max_age = _number(query.min_age), _number(query.max_age)
    age_words, group_ages = None, None
    if asked is not None and min_age is None and max_age is None:
        if asked.firm:
            min_age, max_age = asked.low, asked.high
        else:
            group_ages = (asked.low, asked.high)
        prepared.age = asked.exact
        age_words = None if asked.exact is not None else asked.label
        age_needs = vocabulary.named_only_by(words, asked.group_words) if asked.group_words else set()
        prepared.clauses = _age_words_weighted(prepared.clauses, asked.group_words, age_needs)
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
        age_words=age_words,
        group_ages=group_ages,
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
