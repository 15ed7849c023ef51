"""When supervision is next due, worked out from the agreement's frequency and the last session held.

Plain date arithmetic, no database: unit-tested around month ends and leap years.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

DUE_SOON_DAYS = 7


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day when that month is shorter (31 Jan -> 28/29 Feb)."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _later(start: date, every: int, unit: str) -> date | None:
    """`every` units after start, or None when that falls beyond 31 December 9999."""
    if unit not in ("days", "weeks", "months"):
        raise ValueError(f"Unknown frequency unit: {unit}")
    try:
        if unit == "months":
            return add_months(start, every)
        return start + timedelta(**{unit: every})
    except (OverflowError, ValueError):
        return None


def add_interval(start: date, every: int, unit: str) -> date:
    """`every` units after start; the last day of the calendar when that is beyond it.

    A stored agreement dated near the year 9999 must not break every page that shows when
    supervision is due (forms refuse such dates now; older rows may still hold them).
    """
    return _later(start, every, unit) or date.max


@dataclass(frozen=True)
class DueStatus:
    due_on: date
    state: str  # "overdue", "due" (within DUE_SOON_DAYS) or "ok"
    days: int  # days until due (negative when overdue)

    @property
    def label(self):
        return {"overdue": "Overdue", "due": "Due soon", "ok": "Up to date"}[self.state]

    @property
    def tag_class(self):
        return {"overdue": "govuk-tag--red", "due": "govuk-tag--yellow", "ok": "govuk-tag--green"}[self.state]


def due_status(*, every: int, unit: str, starts_on: date, last_held: date | None, today: date) -> DueStatus:
    """Next due date counts from the last session held, or from the agreement's start if none yet."""
    base = last_held if last_held and last_held >= starts_on else starts_on
    due_on = add_interval(base, every, unit)
    days = (due_on - today).days
    if days < 0:
        state = "overdue"
    elif days <= DUE_SOON_DAYS:
        state = "due"
    else:
        state = "ok"
    return DueStatus(due_on=due_on, state=state, days=days)


def due_dates_between(*, every: int, unit: str, starts_on: date, start: date, end: date) -> list[date]:
    """The dates sessions fall due from an agreement's start, within [start, end]: the expected count for a period."""
    dates = []
    n = 1
    # Multiply rather than chain, so monthly dates do not drift (31 Jan, 28 Feb, 31 Mar...).
    current = _later(starts_on, every, unit)
    while current is not None and current <= end and n < 10000:
        if current >= start:
            dates.append(current)
        n += 1
        current = _later(starts_on, every * n, unit)
    return dates


def due_count_between(*, every: int, unit: str, starts_on: date, start: date, end: date) -> int:
    """How many dates due_dates_between would list, by arithmetic rather than by walking every date
    (the measures count this for thousands of agreements)."""
    if end < start or every < 1:
        return 0

    def before_start(k):
        day = _later(starts_on, every * k, unit)
        return day is not None and day < start

    def after_end(k):  # beyond the calendar counts as after any end
        day = _later(starts_on, every * k, unit)
        return day is None or day > end

    if unit == "months":
        months_to = lambda day: (day.year - starts_on.year) * 12 + day.month - starts_on.month  # noqa: E731
        low, high = max(1, months_to(start) // every - 1), max(1, months_to(end) // every + 1)
    else:
        step = every * (7 if unit == "weeks" else 1)
        low, high = max(1, (start - starts_on).days // step - 1), max(1, (end - starts_on).days // step + 1)
    # The estimates are within a step or two: settle them on the first and last dates inside.
    while low > 1 and not before_start(low - 1):
        low -= 1
    while before_start(low):
        low += 1
    while high >= low and after_end(high):
        high -= 1
    while not after_end(high + 1):
        high += 1
    return max(0, high - low + 1)
