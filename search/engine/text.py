"""Text analysis shared by both search backends, so Elasticsearch and the database agree.

The Elasticsearch server CI runs has no stemming, accent-folding or synonym filters, so all of
that happens here, in Python, before text is indexed and before a query is run: fold accents,
lower-case, split into words, drop stop words, stem with Snowball's English stemmer. The index
stores the prepared words; queries are prepared the same way, then expanded from the glossary
(abbreviations and jargon, both ways) at query time, so a glossary edit needs no reindex.
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import snowballstemmer

# Lucene's English stop words (what Elasticsearch's `stop` filter removes), so both sides agree.
STOP_WORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then "
    "there these they this to was will with".split()
)
# Who is asking and for whom ("for my toddler", "help for our dad"): the need is in the other words.
PERSON_WORDS = frozenset("i im me my our ours we us your you his him her he she hers".split())
# Words people type into a search box that say nothing about the service ("near Redditch",
# "for someone"). Dropped from queries only; the age in "a 17 year old" becomes an age filter.
QUERY_NOISE_WORDS = frozenset("near nearby around someone somebody looking who whom what where how please want wants".split()) | PERSON_WORDS

WORD_RE = re.compile(r"[a-z0-9]+")
APOSTROPHES_RE = re.compile(r"['’‘`]")
AGE_RE = re.compile(r"\b(?:aged?\s+)?(\d{1,3})\s*(?:-|\s)?\s*(?:years?|yrs?|yo)(?:\s*(?:-|\s)?\s*old)?\b|\baged\s+(\d{1,3})\b", re.I)

# A Snowball stemmer keeps the word it is working on (cursor, limits) on the object, so one shared
# by gunicorn's threads stems with another request's letters (IndexError, a 500): one per thread.
_per_thread = threading.local()


def _stemmer():
    stemmer = getattr(_per_thread, "stemmer", None)
    if stemmer is None:
        stemmer = _per_thread.stemmer = snowballstemmer.stemmer("english")
    return stemmer


def fold(text: str) -> str:
    """Lower-case and strip accents ("Café" -> "cafe") and apostrophes ("carers'" -> "carers")."""
    text = text or ""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return APOSTROPHES_RE.sub("", text.lower())


def words(text: str) -> list[str]:
    """Folded words, stop words kept (for spelling suggestions and highlighting)."""
    return WORD_RE.findall(fold(text))


@lru_cache(maxsize=50_000)  # lru_cache is thread-safe; the stemmer behind it is per thread
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def analyse(text: str) -> list[str]:
    """The words of a text as the index stores them: folded, stop words dropped, stemmed."""
    return [w if w.isdigit() else stem(w) for w in words(text) if w not in STOP_WORDS]


@lru_cache(maxsize=5_000)
def analysed_set(text: str) -> frozenset[str]:
    """The analysed words of a result's name or description, for marking them: the same services
    come back search after search (a page is twenty of them)."""
    return frozenset(analyse(text))


@lru_cache(maxsize=20_000)
def _analysed_joined(text: str) -> str:
    return " ".join(analyse(text))


def analysed_text(*texts: str) -> str:
    """Space-separated analysed words of some texts, ready to store in a search field."""
    # Names, categories, organisations and area descriptions repeat across services: cache them.
    parts = [_analysed_joined(t) if len(t) <= 300 else " ".join(analyse(t)) for t in texts if t]
    return " ".join(p for p in parts if p)


# ---- Queries -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """One thing the query asks for: the user's word or phrase, and its glossary alternatives.

    `alternatives` are tuples of analysed words (a phrase when longer than one); the first is
    what the user typed. A document matches the clause when it contains any alternative.
    """

    original: str
    alternatives: tuple[tuple[str, ...], ...]
    from_glossary: bool = False
    # A need recognised from everyday words (everyday.py): its alternatives are all service
    # words (none typed, so no typo tolerance), and it counts `weight` times a typed word.
    from_everyday: bool = False
    weight: float = 1.0
    labels: tuple[str, ...] = ()

    @property
    def fuzzy(self) -> bool:
        """Whether the first alternative is a typed word that may be misspelt."""
        return not self.from_everyday and len(self.alternatives[0]) == 1

    @property
    def typed(self) -> tuple[str, ...]:
        return self.alternatives[0]


@dataclass
class PreparedQuery:
    text: str
    clauses: list[Clause] = field(default_factory=list)
    age: int | None = None  # an age read from the text ("for a 17 year old")

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    def all_terms(self) -> set[str]:
        return {t for c in self.clauses for alt in c.alternatives for t in alt}


@dataclass(frozen=True)
class Glossary:
    """Groups of analysed phrases that mean the same thing (an abbreviation and its expansions)."""

    groups: tuple[tuple[tuple[str, ...], ...], ...] = ()
    labels: tuple[tuple[str, ...], ...] = ()  # the human forms of each group, for display

    def index(self) -> dict[tuple[str, ...], int]:
        return self._index

    @cached_property
    def _index(self) -> dict[tuple[str, ...], int]:
        # Worked out once per glossary (it is rebuilt when a term changes), not once per search.
        found = {}
        for number, group in enumerate(self.groups):
            for phrase in group:
                found.setdefault(phrase, number)
        return found


ABBREVIATION_RE = re.compile(r"[A-Z][A-Za-z]{1,7}")


def build_glossary(entries) -> Glossary:
    """Glossary from (term, [expansions]) pairs. Forms that analyse to nothing or one letter are skipped."""
    groups, labels = [], []
    for term, expansions in entries:
        forms, human = [], []
        for form in [term, *expansions]:
            phrase = tuple(analyse(form))
            if not phrase or (len(phrase) == 1 and len(phrase[0]) < 2):
                continue
            if phrase not in forms:
                forms.append(phrase)
                human.append(form)
        if len(forms) > 1:
            groups.append(tuple(forms))
            labels.append(tuple(human))
    # "DPs", "GPs", "LDs": the stemmer leaves a plural after a consonant alone, so an abbreviation's
    # plural is a form of its own group too (unless some term already is that word).
    taken = {phrase for group in groups for phrase in group}
    for number, human in enumerate(labels):
        plurals = []
        for form in human:
            if ABBREVIATION_RE.fullmatch(form.strip()) and sum(c.isupper() for c in form) >= 2:
                plural = (stem(fold(form.strip()) + "s"),)
                if plural not in taken:
                    taken.add(plural)
                    plurals.append(plural)
        if plurals:
            groups[number] = (*groups[number], *plurals)
    return Glossary(tuple(groups), tuple(labels))


def extract_age(text: str) -> tuple[str, int | None]:
    """Take "17 year old" / "aged 17" out of a query: (the rest of the text, the age or None)."""
    match = AGE_RE.search(text or "")
    if not match:
        return text, None
    age = int(match.group(1) or match.group(2))
    if age > 120:
        return text, None
    return (text[: match.start()] + " " + text[match.end() :]).strip(), age


def prepare_query(text: str, glossary: Glossary | None = None, *, read_age: bool = True) -> PreparedQuery:
    """Analyse a query and expand it from the glossary, longest glossary phrase first."""
    age = None
    if read_age:
        text_without_age, age = extract_age(text)
    else:
        text_without_age = text
    raw = [w for w in words(text_without_age) if w not in STOP_WORDS and w not in QUERY_NOISE_WORDS]
    tokens = [stem(w) for w in raw]
    index = glossary.index() if glossary else {}
    longest = max((len(p) for p in index), default=0)
    clauses, position = [], 0
    while position < len(tokens):
        matched = None
        for size in range(min(longest, len(tokens) - position), 0, -1):
            phrase = tuple(tokens[position : position + size])
            if phrase in index:
                matched = (phrase, index[phrase])
                break
        if matched:
            phrase, number = matched
            others = tuple(p for p in glossary.groups[number] if p != phrase)
            original = " ".join(raw[position : position + len(phrase)])
            clauses.append(Clause(original, (phrase, *others), from_glossary=True))
            position += len(phrase)
        else:
            clauses.append(Clause(raw[position], ((tokens[position],),)))
            position += 1
    # The same word twice adds nothing but weight.
    unique, seen = [], set()
    for clause in clauses:
        if clause.alternatives not in seen:
            seen.add(clause.alternatives)
            unique.append(clause)
    return PreparedQuery(text=text, clauses=unique, age=age)


# ---- Typo tolerance (the database fallback's equivalent of Elasticsearch's fuzziness AUTO) -------


def allowed_edits(term: str) -> int:
    """Elasticsearch's `fuzziness: AUTO`: exact up to 2 letters, 1 edit up to 5, then 2."""
    if len(term) <= 2:
        return 0
    if len(term) <= 5:
        return 1
    return 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), giving up above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2 = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def fuzzy_matches(term: str, vocabulary, *, same_first_letter=True) -> list[tuple[str, int]]:
    """Words of `vocabulary` within `fuzziness: AUTO` of `term`.

    Like Elasticsearch's `prefix_length: 1`, the first letter must match, unless
    `same_first_letter` is False (spelling suggestions, which look further).
    """
    limit = allowed_edits(term)
    if limit == 0:
        return []
    found = []
    for word in vocabulary:
        if word == term or (same_first_letter and word[:1] != term[:1]) or abs(len(word) - len(term)) > limit:
            continue
        distance = edit_distance(term, word, limit)
        if distance <= limit:
            found.append((word, distance))
    return sorted(found, key=lambda pair: pair[1])


# ---- Highlighting ----------------------------------------------------------------------------

MARK_RE = re.compile(r"[A-Za-z0-9À-ɏ'’]+")


@lru_cache(maxsize=50_000)
def _marked_forms(token: str) -> tuple[str, ...]:
    """The analysed words of one word of a text: a results page marks the same words again and again."""
    return tuple(stem(w) for w in WORD_RE.findall(fold(token)) if w not in STOP_WORDS)


def highlight(text: str, terms: set[str], *, fragment: int | None = None) -> str | None:
    """HTML of `text` with words whose analysed form is in `terms` wrapped in <mark>.

    Everything else is escaped. With `fragment`, returns about that many characters around the
    first match (with ellipses). None when nothing matches.
    """
    if not text or not terms:
        return None
    spans = [(match.start(), match.end()) for match in MARK_RE.finditer(text) if not terms.isdisjoint(_marked_forms(match.group()))]
    if not spans:
        return None
    start, end = 0, len(text)
    if fragment and len(text) > fragment:
        first = spans[0][0]
        start = max(0, first - fragment // 3)
        # Start and end on word boundaries.
        if start:
            space = text.rfind(" ", 0, start)
            start = space + 1 if space >= 0 else 0
        end = min(len(text), start + fragment)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > spans[0][1] else end
    # The standard library's escape: Django's gives the same text, behind a lazy-text check that
    # cost more than the escaping (a results page escapes a few hundred pieces).
    out, cursor, escape = [], start, html.escape
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(escape(text[cursor:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    out.append(escape(text[cursor:end]))
    marked = "".join(out)
    if start > 0:
        marked = "…" + marked
    if end < len(text):
        marked += "…"
    return marked
