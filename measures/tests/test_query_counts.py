"""The measures page's queries do not grow with the data: the same count for a small and a larger team."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures import services
from measures.bench import build
from people.models import Role
from people.tests.factories import make_person


def _queries(team):
    lead = make_person(Role.PRACTICE_LEAD, team)
    start, end = services.default_period()
    services.smallest_group()  # the setting's row is made on first read: not part of the page's count
    with CaptureQueriesContext(connection) as queries:
        report = services.report(lead, team=team, start=start, end=end)
    return len(queries), report


@pytest.mark.slow
@pytest.mark.django_db
def test_query_count_is_the_same_for_ten_and_sixty_people_over_two_years():
    small, small_report = _queries(build(10, 2))
    large, large_report = _queries(build(60, 2))
    assert large_report.workers > small_report.workers * 5  # the data really grew
    assert small == large
