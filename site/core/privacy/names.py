"""Names in free text: the configured names anywhere, and common UK names where the words say "a person".

A list of names alone would raise an alarm on every "Will the family...", "Grace period" or "in May".
So a common name is flagged only in a context that reads as a person:
  - a title and a capitalised word: "Mr Patel", "Mrs O'Brien", "Dr Amara Okafor";
  - a known first name and a capitalised surname-like word: "Mary Jones", "Kwame Asante";
  - a known first name on its own, when the name is not also an everyday word ("spoke to Sarah"),
    or when what follows says a person ("Holly, the youngest", "Ray is 91");
  - a known surname naming a household: "the Khan family".
A first name that is also a word (Will, May, Grace, Rose) is flagged only with a surname after it,
and at the start of a sentence only when that surname is on the list. Names configured by practice
leads (and IDENTIFIER_NAMES_FILE) are flagged wherever they appear, in any case.
"""

import re
from functools import lru_cache
from pathlib import Path

from .identifiers import Finding, read_names

DATA = Path(__file__).resolve().parent / "data"

TITLES = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Mister|Master|Sir|Dame|Prof|Professor|Auntie|Aunty|Aunt|Uncle|Nana|Nanna|"
    r"Grandma|Grandad|Cllr|Councillor|PC|DC|DS|DI|Sgt|Sergeant|Nurse|Sister|Rev|Revd|Father|Imam|Rabbi)"
)
# A capitalised name word: Jones, O'Brien, McDonald, MacLeod, Smith-Jones.
WORD = r"(?:O['’])?(?:Mc|Mac)?[A-Z][a-z]+(?:-(?:O['’])?[A-Z][a-z]+)?"
WORD_RE = re.compile(rf"(?<![\w'’-]){WORD}(?![\w-])")
TITLE_RE = re.compile(rf"(?<![\w'’-]){TITLES}\.?[ \t]+(?P<names>{WORD}(?:[ \t]+{WORD})?)(?![\w-])")
# Words before a first name that make it part of a place or an institution: "St Mary's", "Queen Elizabeth".
PLACE_BEFORE_RE = re.compile(r"(?:\bSt\.?|\bSaint|\bQueen|\bKing|\bPrince|\bPrincess|\bLady|\bLord|\bPort|\bFort)[ \t]+$")
# What follows a first name used as a person: "Holly, the youngest", "Ray is 91", "Lily, aged four".
PERSON_AFTER_RE = re.compile(
    r"^(?:,[ \t]+(?:the|a|an|my|our|his|her|their|who|aged?)\b|[ \t]+(?:is|was|,)?[ \t]*(?:aged?[ \t]+)?"
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen)\b(?![ \t]*(?:%|am|pm|o'clock|hours?|minutes?|days?|weeks?|miles?|times?)))",
    re.IGNORECASE,
)
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"“(\n]|^\s*[-*•])[ \t\"“'‘(]*$")

# First names that are also everyday words, months or places: never flagged on their own.
AMBIGUOUS_FIRST_NAMES = {
    "will", "may", "june", "april", "august", "summer", "autumn", "grace", "hope", "faith", "joy", "patience",
    "christian", "angel", "sky", "jordan", "georgia", "chelsea", "florence", "victoria", "penny", "guy",
    "miles", "bill", "frank", "pat", "sue", "ray", "dawn", "sandy", "drew", "norman", "rose", "ivy", "holly",
    "amber", "iris", "heather", "daisy", "poppy", "lily", "ruby", "jade", "eve", "bob", "jack", "harry",
    "mark", "dean", "precious", "blessing", "charlie", "robin", "rob", "art", "gene", "don",
}


def _load(name):
    return frozenset(n.lower() for n in read_names(DATA / name))


@lru_cache(maxsize=1)
def common_first_names():
    """Lower-case common UK first names shipped with the site."""
    return _load("first_names.txt")


@lru_cache(maxsize=1)
def common_surnames():
    """Lower-case common UK surnames shipped with the site."""
    return _load("surnames.txt")


@lru_cache(maxsize=1)
def not_names():
    """Capitalised words that do not make a name after a first name or a title (places, roles, days)."""
    return _load("not_names.txt")


def _configured(text, names):
    cleaned = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not cleaned:
        return
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in n.split()) for n in cleaned)
    regex = re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w-]|['’]\w\w)", re.IGNORECASE)
    for m in regex.finditer(text):
        yield Finding("name", m.start(), m.end(), m.group(0))


def _titled(text):
    stop, surnames = not_names(), common_surnames()
    for m in TITLE_RE.finditer(text):
        words = m.group("names").split()
        if words[0].lower() in stop and words[0].lower() not in surnames:
            continue  # "Dr Foster" is a name, "Sister Ward" or "Father Christmas" are not
        # "Mrs Mary Jones" keeps both words; "Mr Patel The" or "Dr Khan Monday" stops at the first.
        end = m.end() if len(words) == 2 and words[1].lower() not in stop else m.start("names") + len(words[0])
        yield Finding("name", m.start(), end, text[m.start():end])


# A surname naming a household: "the Khan family", "the Jones children".
FAMILY_RE = re.compile(
    rf"(?<![\w-])[Tt]he[ \t]+(?P<surname>{WORD})(?:['’]s)?[ \t]+(?:family|families|household|children|siblings|twins|boys|girls)\b"
)


def _families(text):
    surnames = common_surnames()
    for m in FAMILY_RE.finditer(text):
        if m.group("surname").lower() in surnames:
            yield Finding("name", m.start("surname"), m.end("surname"), m.group("surname"))


def _common(text):
    first, surnames, stop = common_first_names(), common_surnames(), not_names()
    words = list(WORD_RE.finditer(text))
    used_as_surname = set()
    for i, m in enumerate(words):
        if m.start() in used_as_surname:
            continue
        word = m.group(0)
        low = word.lower()
        if low not in first:
            continue
        before = text[max(0, m.start() - 12):m.start()]  # a window, never a copy of everything before
        if PLACE_BEFORE_RE.search(before[-10:]):
            continue
        at_start = bool(SENTENCE_START_RE.search(before[-6:] if before else ""))
        ambiguous = low in AMBIGUOUS_FIRST_NAMES
        nxt = words[i + 1] if i + 1 < len(words) else None
        follower = None
        if nxt is not None and re.fullmatch(r"[ \t]+", text[m.end():nxt.start()]):
            follower = nxt.group(0).lower()
        if follower is not None:
            known_surname = follower in surnames
            surname_like = known_surname or follower not in stop
            if ambiguous and not (known_surname and follower not in stop):
                surname_like = False
            if ambiguous and at_start and not known_surname:
                surname_like = False
            if surname_like:
                used_as_surname.add(nxt.start())
                yield Finding("name", m.start(), nxt.end(), text[m.start():nxt.end()])
                continue
            if follower in stop and not known_surname:
                continue  # "Victoria Street", "Elizabeth Line": a place or a service
        if not ambiguous or PERSON_AFTER_RE.match(text[m.end():m.end() + 40]):
            yield Finding("name", m.start(), m.end(), word)


def find_names(text, names=(), *, common=True):
    """Findings of kind "name": configured names anywhere, common names in a person's context."""
    found = list(_configured(text, names))
    if common:
        found += [*_titled(text), *_common(text), *_families(text)]
    return found
