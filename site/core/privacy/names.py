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
# Letters of the Latin alphabets names in the UK are written in (Siân, Dvořáková, Wiśniewski, Súilleabháin).
_LATIN = [chr(c) for c in range(0xC0, 0x250) if chr(c).isalpha()]
UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())
# A capitalised name word: Jones, O'Brien, McDonald, MacLeod, Smith-Jones, Lily-Mae.
WORD = rf"(?:O['’])?(?:Mc|Mac)?[{UPPER}][{LOWER}]+(?:-(?:O['’])?[{UPPER}][{LOWER}]+)?"
WORD_RE = re.compile(rf"(?<![\w'’-]){WORD}(?![\w-])")
# "Mr D. Okeke", "Mr Ó Súilleabháin": an initial or an Irish "Ó"/"Ní" may come between the title and the name.
TITLE_WORD_RE = re.compile(TITLES)
TITLE_RE = re.compile(
    rf"(?<![\w'’-]){TITLES}\.?[ \t]+(?:[A-Z]\.?[ \t]+|(?:Ó|Ní|Nic|Mac|Mc|Ap|Al|El|Van|De|Di)[ \t]+)?"
    rf"(?P<names>{WORD}(?:[ \t]+{WORD})?)(?![\w-])"
)
# Words before a first name that make it part of a place or an institution: "St Mary's", "Queen Elizabeth".
PLACE_BEFORE_RE = re.compile(r"(?:\bSt\.?|\bSaint|\bQueen|\bKing(?:['’]s)?|\bPrince|\bPrincess|\bLady|\bLord|\bPort|\bFort)[ \t]+$")
# What follows a first name used as a person: "Holly, the youngest", "Ray is 91", "Lily, aged four".
PERSON_AFTER_RE = re.compile(
    r"^(?:,[ \t]+(?:the|a|an|my|our|his|her|their|who|aged?)\b"
    r"|[ \t]*\((?:aged?[ \t]*)?\d{1,3}\)"  # "Summer (9)"
    r"|[ \t]+(?:and[ \t]+(?:his|her|their)|said|says|told|tells|asked|asks|rang|phoned|texted|emailed|explained|"
    r"disclosed|reported|denied|admitted|refused|agreed|wants|wanted|needs|feels|felt|cried|shouted|went|moved|"
    r"attends|lives|has[ \t]+been|was[ \t]+(?:excluded|admitted|discharged|found|seen))\b"
    r"|[ \t]*(?:is|was|,)?[ \t]*(?:aged?[ \t]+)?"
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
    "dot", "olive", "pearl", "violet", "fern", "stella", "rowan", "max", "rex", "luna", "harley", "hazel",
    "glen", "kay", "lyn", "nell", "mae", "mai", "rosa", "una", "esme", "seren", "bryn", "dai", "wyn",
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


@lru_cache(maxsize=16)
def _configured_pattern(names):
    """One pattern for the configured names, built once per list (None: no names)."""
    cleaned = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in n.split()) for n in cleaned)
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w-]|['’]\w\w)", re.IGNORECASE)


def _configured(text, names):
    regex = _configured_pattern(tuple(names)) if names else None
    if regex is None:
        return
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


# A household by its plural surname: "visited the Murphys", "the O'Neills asked".
PLURAL_FAMILY_RE = re.compile(
    r"(?<![\w-])(?:[Tt]he)[ \t]+(?P<surname>(?:(?i:o['’])?[A-Za-z]|[A-Z])[a-z]+?)(?:e?s)(?![\w'’-])(?![ \t]+[A-Z])"
)


def _families(text):
    surnames, stop = common_surnames(), not_names()
    for m in FAMILY_RE.finditer(text):
        # A surname on the list, or any capitalised word that is not a place or a service: "the Okonjo family".
        low = m.group("surname").lower()
        if low in surnames or (low not in stop and low not in FAMILY_NOT_SURNAMES):
            yield Finding("name", m.start("surname"), m.end("surname"), m.group("surname"))
    for m in PLURAL_FAMILY_RE.finditer(text):
        base = m.group("surname")
        if base.lower() in surnames and base.lower() not in stop and (base[0].isupper() or base[:2].lower() == "o'"):
            yield Finding("name", m.start("surname"), m.end(), text[m.start("surname"):m.end()])


# Capitalised words that describe a family rather than name it: "the Traveller family", "the Foster family".
FAMILY_NOT_SURNAMES = {
    "foster", "adoptive", "birth", "host", "extended", "whole", "wider", "traveller", "gypsy", "roma", "muslim",
    "christian", "jewish", "sikh", "hindu", "polish", "romanian", "nigerian", "somali", "irish", "welsh", "scottish",
    "english", "british", "asian", "african", "caribbean", "chinese", "arabic", "kinship", "troubled", "royal",
    "same", "other", "new", "first", "second", "third", "current", "previous", "former", "local", "military",
}


# Names in lower case, as quick notes are written: "hv to mrs patel", "mr and mrs kowalczyk",
# "spoke to kelly", "tom and his mum". Only a title, or a first name that is never an everyday word
# next to words that say a person.
LOWER_TITLE_RE = re.compile(r"(?<![\w-])(?:mr|mrs)(?:[ \t]+and[ \t]+(?:mr|mrs))?\.?[ \t]+(?P<name>[a-z][a-z'’-]+)(?![\w-])")
LOWER_BEFORE_RE = re.compile(
    r"(?:\b(?:to|with|and|saw|visited|told|asked|called|rang|phoned|met|said|says|from|by)[ \t]+)$"
)
LOWER_AFTER_RE = re.compile(
    r"[ \t]+(?:said|says|told|asked|rang|phoned|is[ \t]+\d|was[ \t]+\d|has[ \t]+been|and[ \t]+(?:his|her|their)|"
    r"wants|needs|attends|from[ \t]+next[ \t]+door)\b"
)
# First names that are also everyday words in lower case, beyond those never flagged alone.
LOWER_WORDS = {
    "max", "grant", "reed", "rich", "dale", "glen", "lee", "kit", "jan", "sunny", "rocky", "carol", "hunter",
    "mason", "taylor", "brook", "brooke", "chase", "chance", "hazel", "olive", "pearl", "crystal", "storm",
    "river", "eden", "sky", "cole", "lance", "rod", "pip", "nat", "sam", "ali", "tony", "mo", "ben", "gus",
    "bo", "jo", "kay", "val", "viv", "ken", "reggie", "billy", "skye", "misty", "star", "jewel", "honey",
    "ginger", "cherry", "willow", "fern", "rowan", "ash", "asha", "aria", "nova", "ivy", "lily", "ella",
    "harley", "logan", "parker", "tyler", "carter", "porter", "cooper", "archer", "fisher", "walker", "baker",
}


def _lowercase(text, words):
    stop = not_names()
    if "mr" in words or "mrs" in words:
        for m in LOWER_TITLE_RE.finditer(text):
            if m.group("name") not in stop:
                yield Finding("name", m.start(), m.end(), m.group(0))
    for start, end in _word_spans(text, words, _lower_case_names()):  # in text, not text.lower(): lower case only
        if LOWER_BEFORE_RE.search(text[max(0, start - 10):start]) or LOWER_AFTER_RE.match(text, end):
            yield Finding("name", start, end, text[start:end])


@lru_cache(maxsize=1)
def _lower_case_names():
    """First names read as a name in lower case: never everyday words, and at least three letters."""
    return frozenset(
        n for n in common_first_names()
        if len(n) >= 3 and n.isalpha() and n.isascii() and n not in AMBIGUOUS_FIRST_NAMES and n not in LOWER_WORDS
        and n not in not_names()
    )


# A word after a two-word name that makes it the name of a place, a charity or a brand.
INSTITUTION_AFTER_RE = re.compile(
    r"[ \t]+(?:Ward|Foundation|Trust|Hospital|House|Centre|Center|Court|Hall|School|Academy|College|Street|Road|"
    r"Unit|Clinic|Surgery|Practice|Fund|Society|Institute|Lecture|Award|Library|Building|Wing|Suite|Lodge|"
    r"[Nn]urses?|[Bb]ooks?|[Bb]oxes|[Vv]ouchers?|[Hh]olidays?|[Ss]tores?|[Ss]hops?)\b"
)
# A capitalised word on no list, at the start of a sentence, doing what people do: "Grainne says",
# "Dmytro attends", "Reza and his cousin". Mid-sentence capitals are too often places and services.
UNKNOWN_PERSON_AFTER_RE = re.compile(
    r"[ \t]+(?:said|says|told|tells|asked|asks|rang|phoned|texted|explained|disclosed|attends|attended|"
    r"and[ \t]+(?:his|her|their)|is[ \t]+\d|was[ \t]+\d|,[ \t]+\d{1,2},|,[ \t]+aged)\b"
)


def _double_first_name(low, first):
    parts = low.split("-")
    return len(parts) == 2 and all(p in first for p in parts)


def _unknown_person(text, m):
    if m.group(0).endswith("s") or not UNKNOWN_PERSON_AFTER_RE.match(text, m.end()):
        return False  # "Housing said", "Barnardos said": plural and organisations
    before = text[max(0, m.start() - 6):m.start()]
    return bool(SENTENCE_START_RE.search(before))


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
            if _double_first_name(low, first):
                yield Finding("name", m.start(), m.end(), word)  # "Lily-Mae", "Jayden-Lee": never a word
            elif low not in stop and low not in surnames and _unknown_person(text, m):
                yield Finding("name", m.start(), m.end(), word)
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
            if surname_like and INSTITUTION_AFTER_RE.match(text, nxt.end()):
                used_as_surname.add(nxt.start())
                continue  # "Joseph Rowntree Foundation", "Jenny Wren Ward", "Marie Curie nurses"
            if surname_like:
                used_as_surname.add(nxt.start())
                yield Finding("name", m.start(), nxt.end(), text[m.start():nxt.end()])
                continue
            if follower in stop and not known_surname:
                continue  # "Victoria Street", "Elizabeth Line": a place or a service
        after = text[m.end():m.end() + 40]
        if not ambiguous or PERSON_AFTER_RE.match(after) or _said_to_be_a_person(after):
            yield Finding("name", m.start(), m.end(), word)


# Words for the people around someone; what they name is a person: "his nan, Dot", "Mum (Janet)", "Dean (brother)".
RELATIONS = frozenset("""
    mum mom mummy mother dad daddy father stepmum step-mum stepmother step-mother stepdad step-dad stepfather
    step-father nan nana nanna nanny gran granny grandma grandmother grandad granddad grandpa grandfather
    great-nan great-gran great-grandma great-grandad aunt auntie aunty uncle cousin brother sister half-brother
    half-sister son daughter stepson step-son stepdaughter step-daughter brother-in-law sister-in-law son-in-law
    daughter-in-law mother-in-law father-in-law niece nephew partner ex-partner husband wife ex-husband ex-wife
    boyfriend girlfriend fiance fiancee fiancé fiancée neighbour friend lodger landlord landlady carer eldest
    youngest twin baby sibling supervisor supervisee manager tm advocate keyworker key-worker childminder teacher
    senco hv iro gp pa
""".split())
_NAME = rf"(?P<name>{WORD}(?:[ \t]+(?:{WORD}|[A-Z](?![\w'’-])))?)"
# After the relation: "Mum (Janet)", "Mother: Chantelle Brown", "TM: Colette", "Mum = Kirsty Ward", "aunt Bernadette";
# a comma too after "his", "her", "the": "his nan, Dot", "The eldest, Kayden".
NAME_AFTER_RELATION_RE = re.compile(rf"(?:[ \t]*(?:\(|:|=|-|–)[ \t]*|[ \t]+){_NAME}(?![\w'’-])")
NAME_AFTER_COMMA_RE = re.compile(rf",[ \t]+{_NAME}(?![\w'’-])")
POSSESSIVE_BEFORE_RE = re.compile(r"(?<![\w-])(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Tt]he)[ \t]+$")
# Before a relation in brackets: "Vytautas (dad)", "Harjit Kaur (mum)", "Lorraine (step-mum)".
NAME_BEFORE_BRACKET_RE = re.compile(rf"(?<![\w'’-]){_NAME}[ \t]*\($")


# "Guy is a retired teacher", "Sue is the neighbour who...", "Ray has capacity": what a word-like name
# is said to be, or to have, makes it a person.
IS_A_RE = re.compile(
    r"[ \t]+(?:is|was)[ \t]+(?:a|an|the|her|his|their|my|our)[ \t]+(?:(?P<adjective>[a-z]+)[ \t]+)?(?P<noun>[a-z-]+)\b"
)
HAS_CAPACITY_RE = re.compile(r"[ \t]+(?:has|lacks|had|lacked)[ \t]+(?:the[ \t]+)?capacity\b")
PERSON_NOUNS = frozenset(
    "person man woman lady gentleman boy girl child teenager widow widower pensioner resident tenant patient "
    "client pupil student volunteer nurse doctor worker officer retired".split()
)


def _said_to_be_a_person(after):
    m = IS_A_RE.match(after)
    if m is not None:
        nouns = {m.group("noun"), m.group("adjective") or ""}
        return bool(nouns & (RELATIONS | PERSON_NOUNS))
    return bool(HAS_CAPACITY_RE.match(after))


class _Span:
    """A found word's start and end, read as a match's."""

    __slots__ = ("_start", "_end")

    def __init__(self, start, end):
        self._start, self._end = start, end

    def start(self):
        return self._start

    def end(self):
        return self._end


def _word_spans(low, words, wanted):
    """(start, end) of each whole word of `wanted` in low: a set lookup over the text's words (`words`),
    then str.find for the few present, quicker than a pattern of alternatives or a loop over every word."""
    for word in words & wanted:
        i = low.find(word)
        while i >= 0:
            end = i + len(word)
            if (i == 0 or not _joins(low[i - 1])) and (end == len(low) or not _joins(low[end])):
                yield i, end
            i = low.find(word, end)


def _joins(char):
    return char.isalnum() or char in "'’-_"


WORDS_LOWER_RE = re.compile(r"[a-zéè]+(?:-[a-z]+)*")


def _relations(text, words):
    """Names next to a relation or a role: "his nan, Dot", "Mum (Janet)", "Dean (brother)"."""
    stop = not_names()
    for start, end in _word_spans(text.lower(), words, RELATIONS):
        token = _Span(start, end)
        m = None
        if any(c.isupper() for c in text[token.end():token.end() + 4]):  # most relations have no name after them
            m = NAME_AFTER_RELATION_RE.match(text, token.end())
            if m is None and POSSESSIVE_BEFORE_RE.search(text, max(0, token.start() - 8), token.start()):
                m = NAME_AFTER_COMMA_RE.match(text, token.end())
        elif text[token.start() - 1:token.start()] == "(" and text[token.end():token.end() + 1] == ")":
            m = NAME_BEFORE_BRACKET_RE.search(text, max(0, token.start() - 60), token.start())
        if m is None:
            continue
        words = m.group("name").split()
        if words[0].lower() in stop or (words[0].isupper() and len(words[0]) > 1) or TITLE_WORD_RE.fullmatch(words[0]):
            continue  # "Mum (SW)", "his carer Monday", "Dad Said"; "Father - Mr Okeke" is the title's finding
        if len(words) == 2 and (words[1].lower() in stop or words[1].isupper() and len(words[1]) > 1):
            words = words[:1]
        end = m.start("name") + len(" ".join(words)) if len(words) == 1 else m.end("name")
        yield Finding("name", m.start("name"), end, text[m.start("name"):end])


def find_names(text, names=(), *, common=True):
    """Findings of kind "name": configured names anywhere, common names in a person's context."""
    found = list(_configured(text, names))
    if common:
        words = set(WORDS_LOWER_RE.findall(text.lower()))  # every word once, for the rules that look words up
        found += [*_titled(text), *_common(text), *_families(text), *_relations(text, words), *_lowercase(text, words)]
    return found
