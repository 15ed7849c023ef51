"""Case references: initials or a case number, never a name."""

import re

from django.core.exceptions import ValidationError

# Words that can appear in a reference without being a name.
ALLOWED_WORDS = {"case", "ref", "reference", "family", "no", "child", "adult", "client", "and", "sibling", "siblings"}
TOKEN = re.compile(r"[A-Za-z]+|\d+")


def reference_problem(value: str) -> str:
    """Why a value does not look like initials or a case reference ('' when it is fine)."""
    value = (value or "").strip()
    if not value:
        return "Enter initials or a case reference."
    if len(value) > 30:
        return "A case reference should be short: initials or a case number, up to 30 characters."
    if "@" in value or re.search(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", value):
        return "Enter initials or a case reference, not an email address or a date of birth."
    for word in TOKEN.findall(value):
        if word.isdigit() or word.lower() in ALLOWED_WORDS:
            continue
        # Initials are short or all capitals (AB, J.S., CLD); a capitalised or lower-case
        # word of three or more letters looks like a name (John, smith).
        if len(word) >= 3 and not word.isupper():
            return (
                f"'{word}' looks like a name. Use initials (for example J.S.) or a case "
                "reference (for example CLD-2041) instead."
            )
    return ""


def validate_case_reference(value):
    problem = reference_problem(value)
    if problem:
        raise ValidationError(problem)


def identifier_warnings(text: str) -> list:
    """Anything in free text that could identify a person, from the learning app's checker if present."""
    try:
        from learning.identifiers import find_identifiers
    except ImportError:
        return []
    try:
        found = find_identifiers(text or "")
    except Exception:  # a checker fault must never stop someone saving their notes
        return []
    return list(found or [])
