"""Everyday words: from how people say a need to the words services use for it.

    vocabulary = build(entries)                  # [(need, phrases, service_terms)]
    clauses = vocabulary.clauses_for(question)   # extra Clauses, weighted, for both backends

A phrase matches when all its words are in the question, in any order, so "my son won't go to
school" matches "won't go to school". When two matched phrases overlap and one holds all of the
other's words, only the longer counts ("lost my job" is about work, not "lost my ..." someone).
The clause searches the service words only: one way, never the reverse.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace

from . import text

# How much a need recognised from everyday words counts against a word typed: a little more,
# since the typed words of an everyday phrase ("can't", "keeps", "pay") say little by themselves.
WEIGHT = 1.5
COVERED_WEIGHT = 0.3  # a typed word that is part of a recognised everyday phrase


@dataclass(frozen=True)
class Entry:
    need: str
    phrases: tuple[frozenset[str], ...]
    service_terms: tuple[tuple[str, ...], ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    entries: tuple[Entry, ...] = ()

    def clauses_for(self, question: str) -> list[text.Clause]:
        """Clauses for the needs the question's words name (none when it names none)."""
        return self.match(question)[0]

    def match(self, question: str) -> tuple[list[text.Clause], set[str]]:
        """(clauses for the needs named, the analysed words of the phrases that named them)."""
        # Every word counts here, even those dropped from the search ("looking after my mum").
        words = {w if w.isdigit() else text.stem(w) for w in text.words(question) if w not in text.STOP_WORDS}
        matched = [(entry, phrase) for entry in self.entries for phrase in entry.phrases if phrase and phrase <= words]
        kept, seen, covered = [], set(), set()
        for entry, phrase in matched:
            if any(phrase < other for _e, other in matched):
                continue
            covered |= phrase
            if entry.need not in seen:
                seen.add(entry.need)
                kept.append(entry)
        clauses = [
            text.Clause(entry.need, entry.service_terms, from_everyday=True, weight=WEIGHT, labels=entry.labels)
            for entry in kept
            if entry.service_terms
        ]
        return clauses, covered


    def named_only_by(self, question: str, words) -> set[str]:
        """The needs the question names only through phrases made of `words` (analysed): an age
        group's words ("pensioner" naming "Older relative") rather than the need itself."""
        asked = {w if w.isdigit() else text.stem(w) for w in text.words(question) if w not in text.STOP_WORDS}
        named, other = set(), set()
        for entry in self.entries:
            for phrase in entry.phrases:
                if phrase and phrase <= asked:
                    (named if phrase <= set(words) else other).add(entry.need)
        return named - other


def with_everyday_words(prepared: text.PreparedQuery, vocabulary: Vocabulary) -> text.PreparedQuery:
    """Add the needs the question names; the typed words of those phrases then count for less
    (alone, "pay" or "keeps" would rank a cafe's prices above rent arrears advice)."""
    clauses, covered = vocabulary.match(prepared.text)
    if clauses:
        prepared.clauses = [
            replace(c, weight=COVERED_WEIGHT) if not c.from_glossary and set(c.typed) <= covered else c
            for c in prepared.clauses
        ] + clauses
    return prepared


def _phrase_words(phrase: str) -> frozenset[str]:
    """The words of a phrase that say what is needed: "things to do for my teenager" matches "things
    to do for a teenager" too (who is asking, or for whom, does not count), unless the phrase would
    shrink to one word ("on my own" is not "own")."""
    analysed = [w if w.isdigit() else text.stem(w) for w in text.words(phrase) if w not in text.STOP_WORDS]
    needed = [w for w, raw in zip(analysed, [w for w in text.words(phrase) if w not in text.STOP_WORDS], strict=True) if raw not in text.PERSON_WORDS]
    return frozenset(needed if len(needed) > 1 else analysed)


def build(entries) -> Vocabulary:
    """A vocabulary from (need, [phrases], [service terms]); forms that analyse to nothing are skipped."""
    built = []
    for need, phrases, terms in entries:
        analysed_phrases = tuple(_phrase_words(p) for p in phrases if _phrase_words(p))
        analysed_terms, labels = [], []
        for term in terms:
            words = tuple(text.analyse(term))
            if words and words not in analysed_terms:
                analysed_terms.append(words)
                labels.append(term)
        built.append(Entry(need, analysed_phrases, tuple(analysed_terms), tuple(labels)))
    return Vocabulary(tuple(built))


_lock = threading.Lock()
_cache: dict = {"key": None, "vocabulary": Vocabulary()}


def current() -> Vocabulary:
    """The everyday words in use, rebuilt when an entry changes (no reindex needed)."""
    from .models import EverydayPhrase

    key = EverydayPhrase.version()
    with _lock:
        if _cache["key"] != key:
            _cache["vocabulary"] = build((e.need, e.phrase_list(), e.service_term_list()) for e in EverydayPhrase.objects.filter(in_use=True))
            _cache["key"] = key
        return _cache["vocabulary"]
