from datetime import date, timedelta

import pytest

from supervision.scheduling import (
    add_interval,
    add_months,
    due_count_between,
    due_dates_between,
    due_status,
)


@pytest.mark.parametrize("start, months, expected", [
    (date(2025, 1, 31), 1, date(2025, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
    (date(2025, 3, 31), 1, date(2025, 4, 30)),
    (date(2025, 12, 15), 1, date(2026, 1, 15)),  # year end
    (date(2025, 11, 30), 3, date(2026, 2, 28)),
    (date(2025, 8, 31), 6, date(2026, 2, 28)),
])
def test_add_months_clamps_to_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_weeks_cross_month_and_year_ends():
    assert add_interval(date(2025, 1, 30), 4, "weeks") == date(2025, 2, 27)
    assert add_interval(date(2025, 12, 20), 2, "weeks") == date(2026, 1, 3)
    assert add_interval(date(2024, 2, 28), 1, "days") == date(2024, 2, 29)


def test_due_counts_from_last_held_session():
    status = due_status(every=4, unit="weeks", starts_on=date(2025, 1, 1), last_held=date(2025, 1, 31), today=date(2025, 2, 21))
    assert status.due_on == date(2025, 2, 28)
    assert status.state == "due" and status.days == 7


def test_overdue_the_day_after_due_and_due_on_the_day():
    kwargs = {"every": 1, "unit": "months", "starts_on": date(2025, 1, 1), "last_held": date(2025, 1, 31)}
    assert due_status(**kwargs, today=date(2025, 2, 28)).state == "due"  # due today: not yet overdue
    assert due_status(**kwargs, today=date(2025, 3, 1)).state == "overdue"
    assert due_status(**kwargs, today=date(2025, 3, 1)).days == -1
    assert due_status(**kwargs, today=date(2025, 2, 1)).state == "ok"


def test_without_a_session_due_one_interval_after_the_agreement_starts():
    status = due_status(every=4, unit="weeks", starts_on=date(2025, 3, 3), last_held=None, today=date(2025, 3, 4))
    assert status.due_on == date(2025, 3, 31) and status.state == "ok"
    # A session held before this agreement started does not count towards it.
    old = due_status(every=4, unit="weeks", starts_on=date(2025, 3, 3), last_held=date(2025, 1, 1), today=date(2025, 3, 4))
    assert old.due_on == date(2025, 3, 31)


def test_monthly_due_dates_do_not_drift():
    dates = due_dates_between(every=1, unit="months", starts_on=date(2025, 1, 31), start=date(2025, 1, 1), end=date(2025, 5, 31))
    assert dates == [date(2025, 2, 28), date(2025, 3, 31), date(2025, 4, 30), date(2025, 5, 31)]


def test_due_dates_in_a_period():
    dates = due_dates_between(every=4, unit="weeks", starts_on=date(2025, 1, 6), start=date(2025, 2, 1), end=date(2025, 3, 31))
    assert dates == [date(2025, 2, 3), date(2025, 3, 3), date(2025, 3, 31)]


def test_due_count_matches_the_listed_dates_without_walking_them():
    """The measures count due dates for thousands of agreements by arithmetic; it agrees with the list."""
    import random

    rng = random.Random(11)
    for _ in range(3000):
        unit = rng.choice(["days", "weeks", "months"])
        every = rng.randint(1, 13)
        starts_on = date(2020, 1, 1) + timedelta(days=rng.randint(0, 2500))
        start = date(2019, 1, 1) + timedelta(days=rng.randint(0, 3000))
        end = start + timedelta(days=rng.randint(-10, 800))
        listed = due_dates_between(every=every, unit=unit, starts_on=starts_on, start=start, end=end) if end >= start else []
        assert due_count_between(every=every, unit=unit, starts_on=starts_on, start=start, end=end) == len(listed)


def test_due_count_stops_at_the_end_of_the_calendar():
    assert due_count_between(every=4, unit="weeks", starts_on=date(9999, 12, 1), start=date(9999, 12, 1), end=date(9999, 12, 31)) == 1
