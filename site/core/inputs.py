"""Reading what people send: ids and dates that are safe to use, whatever arrives in a request.

Form fields (ModelChoiceField, DateField with a DateWindow) are the first choice; `id_from` is for the
few places that read one raw id from GET or POST; `text_from` for raw text such as a suggestion prefix.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format

# The largest primary key any of our databases stores (a signed 64-bit integer).
LARGEST_ID = 2**63 - 1


def id_from(value):
    """The id in a raw request value, or None when it is not a whole number a row could have.

    Refuses "abc", "-1", "1e3", "²" (which str.isdigit() accepts), NUL bytes and numbers too big to store.
    """
    text = str(value or "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= LARGEST_ID else None


def text_from(value, limit=500):
    """Raw request text that any database can store: NUL bytes dropped (PostgreSQL refuses them), cut to limit."""
    return str(value or "").replace("\x00", "")[:limit]


class DateWindow:
    """A validator keeping a typed date within a sensible window around today.

    Dates like 0001-01-01 or 9999-12-31 are almost always typing slips, and arithmetic on them
    (adding a session's length, the next due date) runs off the calendar.
    """

    def __init__(self, *, years_back, years_ahead=0):
        self.years_back = years_back
        self.years_ahead = years_ahead

    def bounds(self, today=None):
        today = today or timezone.localdate()
        return _years_from(today, -self.years_back), _years_from(today, self.years_ahead)

    def __call__(self, value):
        if not isinstance(value, datetime.date):
            return
        earliest, latest = self.bounds()
        if not earliest <= value <= latest:
            raise ValidationError(
                f"Enter a date between {date_format(earliest, 'j F Y')} and {date_format(latest, 'j F Y')}",
                code="date_out_of_window",
            )


def _years_from(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)
