"""Reading ids and dates from what people send: never a 500, always a plain answer."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.inputs import LARGEST_ID, DateWindow, id_from


@pytest.mark.parametrize("raw", ["abc", "", None, "-1", "0", "1e3", "²", "1\x00", "99999999999999999999", str(LARGEST_ID + 1)])
def test_anything_that_is_not_an_id_reads_as_none(raw):
    assert id_from(raw) is None


def test_ids_read_as_numbers():
    assert id_from(" 42 ") == 42 and id_from(str(LARGEST_ID)) == LARGEST_ID


def test_a_multiple_choice_of_people_with_a_huge_id_is_an_invalid_choice(db):
    from django import forms

    from people.models import User
    from people.tests.factories import UserFactory

    person = UserFactory()

    class Form(forms.Form):
        people = forms.ModelMultipleChoiceField(queryset=User.objects.all())

    form = Form({"people": [str(person.pk), "99999999999999999999"]})
    assert not form.is_valid() and "people" in form.errors
    assert list(User.objects.filter(pk__in=[person.pk, 10**30])) == [person]
    assert not User.objects.filter(pk__in=[10**30, -(10**30)]).exists()


def test_a_date_window_refuses_slips_with_the_range_in_words():
    window = DateWindow(years_back=10, years_ahead=2)
    earliest, latest = window.bounds(datetime.date(2026, 11, 30))
    assert (earliest, latest) == (datetime.date(2016, 11, 30), datetime.date(2028, 11, 30))
    for slip in (datetime.date(9999, 12, 31), datetime.date(1, 1, 1)):
        with pytest.raises(ValidationError, match="Enter a date between"):
            window(slip)
    window(datetime.date.today())


def test_a_date_window_from_29_february():
    assert DateWindow(years_back=1, years_ahead=1).bounds(datetime.date(2028, 2, 29)) == (
        datetime.date(2027, 2, 28), datetime.date(2029, 2, 28)
    )
