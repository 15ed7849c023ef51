"""Ages in the words of a search: "for my 80 year old mum", "my son is 14", "under 5s", "teenagers".

    asked = read_age("befriending for my 80 year old mum")
    asked.low, asked.high, asked.label     # 80, 80, "someone aged 80"
    asked.rest                             # "befriending for" (the age and the person it describes taken out)
    asked.firm                             # True: a filter as well as an order

What a person reading the search would take as an age: a number of years ("aged 14", "a 15-year-old",
"my son is 14", "in her 80s"), a range ("16-25", "between 16 and 25", "young adults 16 to 25"), a
bound ("over 65", "65+", "under 5s", "18 and over") or a word for an age group ("toddler",
"teenagers", "older people", "pensioner"). A number, range, bound or narrow group is firm: services
outside it are left out and those made for it come first. A broad group ("children", "adults",
"young people") only orders the results, since "support for parents of disabled children" is for
the parents. Group words stay in the search (services say "older people" too); a number and the
person it describes ("my 80 year old mum") do not (they would match "mums' groups").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import text

OLDEST = 120

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = {word: value for value, word in enumerate(_UNITS)}
for _ten, _value in _TENS.items():
    NUMBER_WORDS[_ten] = _value
    for _unit in range(1, 10):
        NUMBER_WORDS[f"{_ten} {_UNITS[_unit]}"] = NUMBER_WORDS[f"{_ten}-{_UNITS[_unit]}"] = _value + _unit
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}

_N = r"(\d{1,3}|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + r")"
# Whoever the age describes, taken out with it: "my 80 year old mum", "my son is 14".
PERSON = (
    r"(?:son|daughter|child|kid|boy|girl|baby|toddler|teenager|teen|mum|mom|mother|mam|dad|father|parent|nan|nana|gran|granny|"
    r"grandma|grandmother|grandad|granddad|grandfather|grandpa|grandson|granddaughter|grandchild|husband|wife|partner|brother|"
    r"sister|friend|neighbour|neighbor|client|relative|uncle|aunt|auntie|nephew|niece|man|woman|lady|gentleman|person|"
    r"young person|service user|resident|patient|pupil|student|carer|stepson|stepdaughter)s?"
)
_OWNER = r"(?:(?:for|with)\s+)?(?:my|our|a|an|his|her|their|the|your)\s+"
_YEARS_OLD = r"(?:-|\s)?(?:(?:years?|yrs?)(?:-|\s)?old|yo|y/o|y\.o\.)s?"
_YEARS = r"(?:\s*(?:-|\s)?(?:years?|yrs?)(?:(?:-|\s)?olds?)?)?"
# Words after "over 2" or "under 10" that make it anything but an age.
_NOT_AGE = (
    r"(?!\s*(?:miles?|mi|km|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|pounds?|quid|%|per|people|times?)\b)"
    r"(?!\s*(?:years?|yrs?)\b(?!\s*-?\s*olds?\b|\s+of\s+age\b))"
)

PATTERNS = [
    # "over 65", "over-65s", "65+", "65 and over", "aged 18 or above"
    ("over", re.compile(rf"\b(?:over|above|older\s+than)[\s-]+(?:the\s+age\s+of\s+)?{_N}'?s?\b{_NOT_AGE}{_YEARS}", re.I)),
    ("over", re.compile(rf"(?<![\d-])\b{_N}\s*(?:\+|plus\b|s?\s+(?:and|or)\s+(?:over|above|older)\b)", re.I)),
    # "under 5s", "under-18s", "under fives", "5 and under"
    ("under", re.compile(rf"\b(?:under|below|younger\s+than)[\s-]+(?:the\s+age\s+of\s+)?({_N[1:-1]}|fives)'?s?\b{_NOT_AGE}{_YEARS}", re.I)),
    ("under_or", re.compile(rf"(?<![\d-])\b{_N}s?\s+(?:and|or)\s+(?:under|below|younger)\b", re.I)),
    # "my son is 14", "my mum who is 80", "my dad, 75"
    ("exact", re.compile(rf"\b(?:my|our|his|her|their)\s+{PERSON}\s*(?:,|who\s+is|who's|is|is\s+aged|aged|turned|turning)\s+{_N}\b(?!\s*(?:-|to|and)\s*\d){_YEARS}", re.I)),
    # "aged 16 to 25", "between 16 and 25", "16-25", "16 - 25 year olds"
    ("range", re.compile(rf"(?<![\d/:.£-])\b(?:(?:aged?|ages)\s+)?(?:between\s+)?{_N}\s*(?:-|–|—|to|and)\s*{_N}s?\b(?!\s*[-/:.]\s*\d){_NOT_AGE}{_YEARS}", re.I)),
    # "for my 80 year old mum", "a 15-year-old", "16yo"
    ("exact", re.compile(rf"\b(?:{_OWNER})?{_N}\s*{_YEARS_OLD}(?:\s+{PERSON}\b)?", re.I)),
    # "aged 14", "age 9", "14 years of age"
    ("exact", re.compile(rf"\b(?:aged?)\s+{_N}\b(?!\s*(?:-|to|and|\+|plus)\s*\d){_YEARS}", re.I)),
    ("exact", re.compile(rf"\b{_N}\s+years?\s+of\s+age\b", re.I)),
    # "in her 80s", "in his late seventies", "in their early 20s"
    ("decade", re.compile(rf"(?:\b{_OWNER}{PERSON}\s+(?:who\s+is\s+|is\s+)?)?\bin\s+(?:my|our|his|her|their|your)\s+(early|mid|late)?\s*-?\s*(\d0)'?s\b", re.I)),
    ("decade", re.compile(rf"(?:\b{_OWNER}{PERSON}\s+(?:who\s+is\s+|is\s+)?)?\bin\s+(?:my|our|his|her|their|your)\s+(early|mid|late)?\s*-?\s*({'|'.join(DECADE_WORDS)})\b", re.I)),
]

# Words for an age group, as a person reading the search would take them: (youngest, oldest or
# None, firm). Broad groups only order the results (see the module's docstring).
AGE_WORDS = {
    "baby": (0, 1, True), "babies": (0, 1, True), "newborn": (0, 1, True), "newborns": (0, 1, True),
    "infant": (0, 1, True), "infants": (0, 1, True),
    "toddler": (1, 4, True), "toddlers": (1, 4, True), "preschool": (2, 4, True), "pre school": (2, 4, True),
    "preschooler": (2, 4, True), "preschoolers": (2, 4, True), "under fives": (0, 4, True),
    "primary school": (4, 11, False), "secondary school": (11, 16, False),
    "teenager": (13, 19, True), "teenagers": (13, 19, True), "teen": (13, 19, True), "teens": (13, 19, True),
    "adolescent": (12, 18, True), "adolescents": (12, 18, True),
    "young adult": (16, 25, True), "young adults": (16, 25, True), "school leaver": (16, 19, True), "school leavers": (16, 19, True),
    "elderly": (65, None, True), "older people": (65, None, True), "older person": (65, None, True),
    "older adult": (65, None, True), "older adults": (65, None, True), "old people": (65, None, True),
    "pensioner": (65, None, True), "pensioners": (65, None, True), "oap": (65, None, True), "oaps": (65, None, True),
    "senior citizen": (65, None, True), "senior citizens": (65, None, True), "later life": (65, None, True),
    "retired": (60, None, False), "over fifties": (50, None, True), "over sixties": (60, None, True),
    "child": (0, 17, False), "children": (0, 17, False), "kid": (0, 17, False), "kids": (0, 17, False),
    "young people": (11, 25, False), "young person": (11, 25, False), "youth": (11, 25, False),
    "adult": (18, None, False), "adults": (18, None, False), "grown up": (18, None, False),
}
_AGE_WORD_KEYS = sorted(AGE_WORDS, key=lambda words: -len(words.split()))
# "parents of toddlers", "families with teenagers": the service is for the grown-ups, so the group
# only orders the results.
FOR_GROWN_UPS = re.compile(r"\b(?:parents?|mums?|mothers?|dads?|fathers?|families|family|carers?|grandparents?)\s+(?:of|with)\s+(?:\w+\s+){0,2}$", re.I)


@dataclass(frozen=True)
class AgeAsked:
    low: float | None  # youngest asked about (None: no lower bound)
    high: float | None  # oldest asked about (None: no upper bound)
    label: str  # how the page says it: "someone aged 14", "ages 16 to 25", "teenagers"
    firm: bool  # a filter as well as an order
    rest: str  # the words without the age (group words are kept)
    exact: int | None = None  # one age in years ("my son is 14")
    group_words: tuple[str, ...] = ()  # the group's words, when the age was a group


def _number(value: str) -> int | None:
    value = value.strip().lower()
    if value.isdigit():
        return int(value)
    return NUMBER_WORDS.get(value.replace("-", " ")) if value.replace("-", " ") in NUMBER_WORDS else NUMBER_WORDS.get(value)


def _without(question: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", question[:start] + " " + question[end:]).strip()


def _asked(kind: str, match: re.Match) -> tuple[float | None, float | None, str, int | None] | None:
    groups = [g for g in match.groups()]
    if kind == "exact":
        age = _number(groups[-1])
        if age is None or age > OLDEST:
            return None
        return age, age, f"someone aged {age}", age
    if kind == "range":
        low, high = _number(groups[0]), _number(groups[1])
        if low is None or high is None or not low < high <= OLDEST or high - low > 90:
            return None
        return low, high, f"ages {low} to {high}", None
    if kind == "decade":
        part, decade = (groups[0] or "").lower(), groups[1].lower()
        start = int(decade[:2]) if decade[:1].isdigit() else DECADE_WORDS[decade]
        low, high = {"early": (start, start + 3), "mid": (start + 3, start + 6), "late": (start + 6, start + 9)}.get(part, (start, start + 9))
        return low, high, f"someone in their {groups[1]}{'s' if decade[:1].isdigit() else ''}", None
    if kind == "over":
        low = _number(groups[0])
        if low is None or low > OLDEST:
            return None
        return low, None, f"ages {low} and over", None
    if kind == "under":
        high = 5 if groups[0].lower() == "fives" else _number(groups[0])
        if high is None or high < 1 or high > OLDEST:
            return None
        return 0, high - 1, f"under {high}s" if high <= 25 else f"under {high}", None
    if kind == "under_or":
        high = _number(groups[0])
        if high is None or high > OLDEST:
            return None
        return 0, high, f"ages {high} and under", None
    return None


def read_age(question: str) -> AgeAsked | None:
    """The age the words ask about, and the words without it; None when they name none."""
    question = question or ""
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(question):
            asked = _asked(kind, match)
            if asked is None:
                continue
            low, high, label, exact = asked
            rest = _without(question, match.start(), match.end())
            # "young adults 16-25": the group's words count for less, as when they name the age alone.
            group = read_age_words(rest)
            return AgeAsked(low, high, label, True, rest, exact, tuple(text.analyse(group[2])) if group else ())
    found = read_age_words(question)
    if found is None:
        return None
    low, high, words = found
    firm = AGE_WORDS[words][2]
    if firm and _for_grown_ups(question, words):
        firm = False
    return AgeAsked(low, high, words, firm, question, None, tuple(text.analyse(words)))


def _for_grown_ups(question: str, words: str) -> bool:
    folded = " ".join(text.words(question))
    at = folded.find(words)
    return at > 0 and bool(FOR_GROWN_UPS.search(folded[:at]))


def read_age_words(question: str) -> tuple[int | None, int | None, str] | None:
    """(youngest, oldest, the words) for an age group named in the words, or None."""
    folded = " " + " ".join(text.words((question or "").replace("-", " "))) + " "
    for words in _AGE_WORD_KEYS:
        if f" {words} " in folded:
            low, high, _firm = AGE_WORDS[words]
            return low, high, words
    return None
