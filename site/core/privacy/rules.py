"""The one rule for a person reference: initials or a case reference, never a name.

Learning's "person supported", supervision's case references and a directory shortlist's label
all ask who something is about; every one of them uses reference_problem / validate_person_reference.
"""

import re

from django.core.exceptions import ValidationError

from .identifiers import find_identifiers

MAX_LENGTH = 30
# Words a reference may hold without being a name: "Case 12", "AB and CD", "ref 2024/113".
ALLOWED_WORDS = {
    "case", "ref", "reference", "family", "no", "child", "adult", "client", "and", "sibling", "siblings",
    "number", "file", "young", "person", "carer", "mother", "father", "baby", "unborn",
}
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
DATE_LIKE_RE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
NAME_ADVICE = "Use initials (for example J.S.) or a case reference (for example CLD-2041), not a name."


def reference_problem(value, *, max_length=MAX_LENGTH):
    """Why value is not initials or a case reference, in words for the person ('' when it is fine)."""
    value = (value or "").strip()
    if not value:
        return "Enter initials or a case reference."
    if len(value) > max_length:
        return f"A reference should be short: initials or a case number, up to {max_length} characters."
    if "@" in value or DATE_LIKE_RE.search(value):
        return "Enter initials or a case reference, not an email address or a date of birth."
    found = [f for f in find_identifiers(value) if f.kind != "name"]
    if found:
        return "Enter initials or a case reference, not a phone number, postcode or NHS number."
    for word in TOKEN_RE.findall(value):
        if word.isdigit() or word.lower() in ALLOWED_WORDS:
            continue
        # Initials are short or in capitals (AB, J.S., CLD); a word of three or more letters
        # written as a word (John, smith) reads as a name.
        if len(word) >= 3 and not word.isupper():
            return f"‘{word}’ looks like a name. {NAME_ADVICE}"
    return ""


def validate_person_reference(value):
    """Django validator: blank passes (the field decides if it is required); anything else must be a reference."""
    if not (value or "").strip():
        return
    problem = reference_problem(value)
    if problem:
        raise ValidationError(problem, code="person_reference")
