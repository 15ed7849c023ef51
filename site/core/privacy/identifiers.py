"""Find things in free text that could identify a person: pure Python, no Django needed.

find_identifiers(text, names=()) returns Finding(kind, start, end, text) for:
  nhs_number     10 digits (plain, 3-3-4 spaced or hyphenated) whose Modulus 11 check digit is valid
  postcode       a full UK postcode of a valid shape ("B12 9QX", "sw1a1aa"); never an outward code alone
  phone          UK landlines, mobiles, 03/08 numbers, in 0..., +44 ..., +44 (0)... and 0044 forms
  email          addresses
  date_of_birth  a date the words around it call a birth date ("born 3/4/1950", "DOB 03.04.1950",
                 "aged 82 (12/01/1942)", "date of birth: 3 May"); meeting and review dates are left alone
  name           the given names anywhere, and common UK names where the context says "a person"
                 (see names.py)
A number that follows a reference word ("invoice 0161496000", "case ref 9434765919") is a reference,
not a phone or NHS number. Offsets are character offsets into text. Overlaps resolve to the more
specific kind.
"""

import bisect
import datetime
import re
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    def as_dict(self):
        return asdict(self)


# Earlier kinds win when two findings overlap.
PRIORITY = ["email", "nhs_number", "phone", "postcode", "date_of_birth", "name"]
KINDS = tuple(PRIORITY)

# ---- NHS numbers ----------------------------------------------------------------------------

NHS_RE = re.compile(r"(?<![\w/.-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w/]|[.-]\d)")


def nhs_check_digit_ok(digits: str) -> bool:
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


# Copied by hand in fours and threes ("1374 847 771"): never starting with 0, which a phone number does.
NHS_4_3_3_RE = re.compile(r"(?<![\w/.-])([1-9]\d{3})([ -])(\d{3})\2(\d{3})(?![\w/]|[.-]\d)")


def _nhs(text):
    for regex in (NHS_RE, NHS_4_3_3_RE):
        for m in regex.finditer(text):
            digits = m.group(1) + m.group(3) + m.group(4)
            if nhs_check_digit_ok(digits):
                yield Finding("nhs_number", m.start(), m.end(), m.group(0))


# ---- Postcodes ------------------------------------------------------------------------------

_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9]{1,2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
POSTCODE_RE = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_OUTWARD}[ \t]{{0,2}}[0-9][ABD-HJLNP-UW-Z]{{2}}|GIR ?0AA)(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def _postcodes(text):
    for m in POSTCODE_RE.finditer(text):
        yield Finding("postcode", m.start(), m.end(), m.group(0))


# ---- Phone numbers --------------------------------------------------------------------------

PHONE_RE = re.compile(
    r"(?<![\w+/-])(?:\+\s?44|0044)?[ \-.]?(?:\(0\)[ \-.]?)?\(?\d[\d]*\)?(?:[ \-.]{1,2}\(?\d+\)?){0,5}"
)
_PHONE_START = re.compile(r"^(?:\+\s?44|0044|\(?0)")


def _national_digits(candidate):
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith("+") or candidate.startswith("0044"):
        digits = digits[2:] if candidate.startswith("+") else digits[4:]
        if "(0)" in candidate and digits.startswith("0"):
            digits = digits[1:]
        elif digits.startswith("0"):
            digits = digits[1:]
        return digits
    return digits[1:] if digits.startswith("0") else None


def _valid_uk_national(nat):
    if nat is None or not nat.isdigit():
        return False
    if nat[0] == "7":
        return len(nat) == 10
    if nat[0] in "123":
        return len(nat) in (9, 10)
    if nat[0] == "8":
        return len(nat) in (9, 10)
    return False


def _phones(text):
    for m in PHONE_RE.finditer(text):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip(" -."))
        raw = raw[lead:]
        start = m.start() + lead
        if not _PHONE_START.match(raw):
            continue
        # Shrink from the right group by group until it is a valid UK number (drops trailing numbers).
        groups = [g.end() for g in re.finditer(r"\d\)?(?=[ \-.(]|$)", raw)]
        for end in sorted(groups, reverse=True):
            candidate = raw[:end]
            if _valid_uk_national(_national_digits(candidate)) and not _looks_like_date(candidate):
                yield Finding("phone", start, start + end, candidate)
                break


def _looks_like_date(candidate):
    return bool(re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", candidate))


# ---- Email addresses ------------------------------------------------------------------------

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])"
)


# Addresses written so a machine will not read them: "sam_b [at] example [dot] org", "d.okafor(at)example.nhs.uk",
# "kerry dot walsh at example dot com". A bare " at " counts only with " dot " and a known ending after it.
_AT = r"(?:[ \t]*(?:\[at\]|\(at\)|\{at\}|<at>)[ \t]*|[ \t]+(?:AT|at)[ \t]+)"
_DOT = r"(?:\.|[ \t]*(?:\[dot\]|\(dot\)|\{dot\}|<dot>)[ \t]*|[ \t]+(?:DOT|dot)[ \t]+)"
_ENDING = r"(?:com|org|net|uk|gov|nhs|ac|sch|edu|info|me|io|co)"
OBFUSCATED_EMAIL_RE = re.compile(
    rf"(?<![\w.+-])(?P<local>[A-Za-z0-9][A-Za-z0-9_%+'-]*(?:{_DOT}[A-Za-z0-9_%+'-]+)*)(?P<at>{_AT})"
    rf"[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*{_DOT}{_ENDING}(?![\w-])"
)


def _emails(text):
    for m in EMAIL_RE.finditer(text):
        yield Finding("email", m.start(), m.end(), m.group(0))
    low = text.lower()
    if not any(marker in low for marker in ("(at)", "[at]", "{at}", "<at>", " dot ")):
        return  # the common case, and a quick one: nothing written to hide an address
    for m in OBFUSCATED_EMAIL_RE.finditer(text):
        if m.group("at").strip().lower() == "at" and not (
            re.search(r"(?i)[ \t]dot[ \t]", m.group(0)) and re.search(r"(?i)[ \t]dot[ \t]|[\d_]", m.group("local"))
        ):
            continue  # "look at bbc dot co dot uk" is a website: a bare "at" needs an address-like name before it
        yield Finding("email", m.start(), m.end(), m.group(0))


# ---- Dates of birth -------------------------------------------------------------------------
# A date alone says nothing about a person: meetings, reviews and visits all have dates. A date
# identifies when the words around it say it is a birth date ("born", "DOB", "aged 82 (...)").

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2}|'\d{2})"

NUMERIC_DATE_RE = re.compile(
    r"(?<![\w/.\-£$€])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|[.\-]\d)"
)
ISO_DATE_RE = re.compile(r"(?<![\w/.\-])(?P<y>(?:1[89]|20)\d{2})([/\-.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?![\w/]|[.\-]\d)")
DAY_MONTH_YEAR_RE = re.compile(rf"(?<!\w){_DAY}[ \t]+(?:of[ \t]+)?{_MONTH},?[ \t]+{_YEAR}(?!\w)", re.IGNORECASE)
MONTH_DAY_YEAR_RE = re.compile(rf"(?<!\w){_MONTH}[ \t]+{_DAY},?[ \t]+{_YEAR}(?!\w)", re.IGNORECASE)

_BIRTH_WORDS = (
    # "born-into-care" is a project, not a birth; "b." counts only right before a date
    r"d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s?date|birthday|born(?!-)|b\.(?=[ \t]*(?:\d|$))"
)
# The birth word directly before the date: "born 3/4/1950", "DOB: 03.04.1950", "date of birth is 4 May 1950".
DOB_CONTEXT_RE = re.compile(
    rf"(?<!\w)(?:{_BIRTH_WORDS})(?!\w)[ \t]*(?:[:\-–=,]|is|was|on|in|of)?[ \t]*(?:(?:is|was|on|in|of)[ \t]+)?$",
    re.IGNORECASE,
)
# A little further back in the same clause: "born in Leeds on 3/4/1950", "her DOB, which is 3/4/1950".
DOB_NEARBY_RE = re.compile(rf"(?<!\w)(?:{_BIRTH_WORDS})(?!\w)[^.;!?\n\d]{{0,30}}$", re.IGNORECASE)
# An age then the date in brackets or after a comma: "aged 82 (12/01/1942)", "age 7, 03/05/2019".
AGE_CONTEXT_RE = re.compile(
    r"(?<!\w)(?:aged?|age:)[ \t]*\d{1,3}(?:[ \t]*(?:years?|yrs?)(?:[ \t]*old)?)?[ \t]*[(,][ \t]*$"
    r"|(?<!\w)\d{1,3}[ \t-]*(?:years?|yrs?)[ \t-]*old[ \t]*[(,][ \t]*$",
    re.IGNORECASE,
)
# The birth word just after the date: "12/01/1942 (DOB)", "3 May 1950 was her date of birth".
DOB_AFTER_RE = re.compile(rf"^[ \t]*(?:\(|,|-|–)?[ \t]*(?:(?:is|was)[ \t]+(?:his|her|their|the)[ \t]+)?(?:{_BIRTH_WORDS})(?!\w)", re.IGNORECASE)

PARTIAL_DATE_RES = [
    re.compile(rf"{_DAY}[ \t]+(?:of[ \t]+)?{_MONTH}(?!\w)", re.IGNORECASE),
    re.compile(rf"{_MONTH}[ \t]+{_DAY}(?!\w)", re.IGNORECASE),
    re.compile(rf"{_MONTH},?[ \t]+{_YEAR}(?!\w)", re.IGNORECASE),
    re.compile(r"(?P<day>\d{1,2})[/.\-](?P<mon>\d{1,2})(?![\d/.\-])"),
]
BIRTH_YEAR_RE = re.compile(r"(?P<year>(?:19|20)\d{2})(?!\w)")


def _valid_day_month(day, month):
    return 1 <= month <= 12 and 1 <= day <= 31


def _full_dates(text):
    """(start, end, year or None) of every full date in text."""
    for m in NUMERIC_DATE_RE.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        if m.group("sep") == "." and len(y) == 2:
            continue  # "1.2.33" is more often a section or version number
        if _valid_day_month(a, b) or _valid_day_month(b, a):
            yield m.start(), m.end(), int(y) if len(y) == 4 else None
    for m in ISO_DATE_RE.finditer(text):
        if _valid_day_month(int(m.group("d")), int(m.group("m"))):
            yield m.start(), m.end(), int(m.group("y"))
    for regex in (DAY_MONTH_YEAR_RE, MONTH_DAY_YEAR_RE):
        for m in regex.finditer(text):
            if 1 <= int(m.group("day")) <= 31:
                year = m.group("year")
                yield m.start(), m.end(), None if year.startswith("'") else int(year)


def _clause_before(text, start, width=60):
    """Up to width characters before start, cut at the last line break."""
    before = text[max(0, start - width):start]
    return before.rsplit("\n", 1)[-1]


# A birthday party or card is an event with a date, not a date of birth.
EVENT_AFTER_BIRTH_RE = re.compile(
    rf"(?<!\w)(?:{_BIRTH_WORDS})[ \t]+(?:party|parties|card|cards|present|presents|celebration|meal|cake|treat|trip)\b",
    re.IGNORECASE,
)


def _is_birth_context(text, start, end):
    before = _clause_before(text, start)
    if EVENT_AFTER_BIRTH_RE.search(before):
        return False
    if DOB_CONTEXT_RE.search(before) or AGE_CONTEXT_RE.search(before) or DOB_NEARBY_RE.search(before):
        return True
    return bool(DOB_AFTER_RE.match(text[end:end + 40]))


def _dates_of_birth(text, this_year):
    full = set()  # where full dates start, so a partial date is never read inside one
    for start, end, year in _full_dates(text):
        full.add(start)
        if year is not None and year > this_year:
            continue  # nobody was born in the future: "born" here is a plan or a due date
        if _is_birth_context(text, start, end):
            yield Finding("date_of_birth", start, end, text[start:end])
    # After "DOB", "date of birth" or "born", partial dates identify too ("born 3rd of May").
    for ctx in re.finditer(rf"(?<!\w)(?:{_BIRTH_WORDS})(?!\w)[ \t]*(?:[:\-–,]|is|was)?[ \t]*(?:(?:on|in)[ \t]+)?(?:the[ \t]+)?", text, re.IGNORECASE):
        pos = ctx.end()
        if pos in full:
            continue
        for regex in PARTIAL_DATE_RES:
            m = regex.match(text, pos)
            if not m:
                continue
            groups = m.groupdict()
            if groups.get("day") and not 1 <= int(groups["day"]) <= 31:
                continue
            if groups.get("mon") and not 1 <= int(groups["mon"]) <= 12:
                continue
            end = m.end()
            if text[end - 1] == "." and len(groups.get("month") or "") > 4:
                end -= 1  # "14th February." ends a sentence; "Feb." keeps its dot
            yield Finding("date_of_birth", m.start(), end, text[m.start():end])
            break
        else:
            m = BIRTH_YEAR_RE.match(text, pos)
            if m and int(m.group("year")) <= this_year:
                yield Finding("date_of_birth", m.start("year"), m.end("year"), m.group("year"))


# ---- Putting it together --------------------------------------------------------------------


def find_identifiers(text, names=(), *, common_names=True, this_year=None):
    """Everything in text that could identify a person, in order of position.

    names are configured names, flagged wherever they appear; common_names=False turns off the
    shipped list of common UK names (for a caller that only wants its own list).
    """
    if not text:
        return []
    from .names import find_names  # names.py builds on the helpers above

    this_year = this_year or datetime.date.today().year
    found = [
        *_emails(text), *_nhs(text), *_phones(text), *_postcodes(text), *_dates_of_birth(text, this_year),
        *find_names(text, names, common=common_names),
    ]
    found = [f for f in found if f.kind not in ("phone", "nhs_number") or not _after_reference_word(text, f)]
    found.sort(key=lambda f: (PRIORITY.index(f.kind), f.start, -(f.end - f.start)))
    # Keep the first of overlapping findings; kept stays sorted and disjoint, so each check is a bisect.
    kept, starts = [], []
    for f in found:
        i = bisect.bisect_left(starts, f.start)
        if (i > 0 and kept[i - 1].end > f.start) or (i < len(kept) and kept[i].start < f.end):
            continue
        kept.insert(i, f)
        starts.insert(i, f.start)
    return kept


# Numbers that are references to a document or a case, not to a person's phone or NHS record.
REFERENCE_WORD_RE = re.compile(
    r"(?<!\w)(?:ref(?:erence)?|case|invoice|inv|order|account|acct|claim|file|policy|receipt|booking|"
    r"ticket|serial|payroll|purchase\s+order|po|batch|job|crime|incident|log)(?:\s+(?:ref|no|number|id))?"
    r"\.?\s*(?:[:#=-]|no\.?|number)?\s*$",
    re.IGNORECASE,
)


def _after_reference_word(text, finding):
    before = text[max(0, finding.start - 30):finding.start]
    if re.search(r"(?i)\bnhs\b", before):
        return False
    return bool(REFERENCE_WORD_RE.search(before))


def read_names(path):
    """Names from a file, one a line (blank lines and lines starting with # ignored)."""
    with open(path, encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#")]
