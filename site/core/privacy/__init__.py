"""The privacy core: one identifier check, one name list and one person-reference rule for every app.

    from core.privacy import check_text, validate_person_reference

check_text(text) finds what could identify a person (names, NHS numbers, postcodes, phone numbers,
email addresses, dates of birth) using the configured names; find_identifiers(text, names) is the
pure function under it. Forms get warnings beside each field from core.forms (identifier_fields).
"""

from .configured import check_text, configured_names
from .identifiers import KINDS, Finding, find_identifiers, nhs_check_digit_ok, read_names
from .rules import reference_problem, validate_person_reference
from .wording import KIND_LABELS, describe, in_sentence, mask

__all__ = [
    "KINDS", "KIND_LABELS", "in_sentence", "Finding", "check_text", "configured_names", "describe", "find_identifiers",
    "mask", "nhs_check_digit_ok", "read_names", "reference_problem", "validate_person_reference",
]
