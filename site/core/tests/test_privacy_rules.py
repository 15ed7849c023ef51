import pytest

from core.privacy import reference_problem


@pytest.mark.parametrize("value", ["JS", "J.S.", "CLD-2041", "Case 12", "AB and CD", "ref 2024/113", "M"])
def test_initials_and_references_are_accepted(value):
    assert reference_problem(value) == ""


@pytest.mark.parametrize("value", ["John Smith", "smith", "Mrs Jones", "JS 12/03/1990", "js@example.org", ""])
def test_names_and_identifiers_are_refused(value):
    assert reference_problem(value)
