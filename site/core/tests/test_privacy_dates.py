"""Dates of birth are found by the words around them; meeting and review dates are left alone."""

import pytest

from core.privacy import find_identifiers


def dates_of_birth(text):
    return [f.text for f in find_identifiers(text, this_year=2026) if f.kind == "date_of_birth"]


@pytest.mark.parametrize(("text", "expected"), [
    ("born 3/4/1950", "3/4/1950"),
    ("DOB 03.04.1950, lives alone", "03.04.1950"),
    ("Client d.o.b. 12/01/1942", "12/01/1942"),
    ("Her date of birth is 21 June 1987.", "21 June 1987"),
    ("We celebrated his birthday, 14th February.", "14th February"),
    ("Gentleman aged 82 (12/01/1942) referred", "12/01/1942"),
    ("She is 7 years old (03/05/2019).", "03/05/2019"),
    ("His passport says he was born 30/06/1975 in Lagos.", "30/06/1975"),
    ("D.O.B: 5/10/55 on the old form", "5/10/55"),
])
def test_dates_of_birth_by_context(text, expected):
    assert dates_of_birth(text) == [expected]


@pytest.mark.parametrize("text", [
    "Date of next supervision 12/03/2027, to be confirmed.",
    "Seen on 4 May 2026 with the duty worker.",
    "The meeting was held on 17/09/2026.",
    "Review booked for 2 October 2026 at the family centre.",
    "The baby is due on 18/11/2026.",
    "She will be 18 on 10/02/2027, when the plan must be ready.",
    "The birthday party on 20/12/2026 is a chance to see the family.",
    "She was born in Leeds and moved here in 2015.",
])
def test_other_dates_are_not_dates_of_birth(text):
    assert dates_of_birth(text) == []


def test_a_meeting_date_is_not_flagged_at_all():
    assert find_identifiers("Supervision held 11.11.2026, next one 09.12.2026.") == []


@pytest.mark.parametrize("text", [
    "The invoice 4200071088 for the agency was queried.",  # a valid NHS check digit, but an invoice
    "Case reference 4806899909 was opened by the front door team.",
    "Crime ref 01632 960123 was given by the police.",
    "Order number 07700 900456 is on the delivery note.",
    "Account number 0987 654321 is for the appointee's bank.",
])
def test_reference_numbers_are_not_phone_or_nhs_numbers(text):
    assert find_identifiers(text) == []


def test_b_dot_before_a_date_is_born_but_born_into_care_is_a_project():
    assert dates_of_birth("b. 11/11/1930, one of eleven children.") == ["11/11/1930"]
    assert dates_of_birth("We discussed the born-into-care project on 4 March 2026.") == []
