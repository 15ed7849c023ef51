"""A prepared query gives what its queryset gives, for each call's own values, and refuses to freeze
a date or time inside its SQL."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.prepared import PreparedQuery
from people.models import Membership, User


def members_since(team, day):
    return (Membership.objects.filter(team_id=team, joined_on__lte=day).order_by("user__email")
            .values("role", "user__email"))


def test_each_call_gets_the_rows_of_its_own_values(people, team):
    prepared = PreparedQuery(members_since, team=int, day=datetime.date)
    today = timezone.localdate()
    assert prepared(team=team.pk, day=today) == list(members_since(team.pk, today))
    assert len(prepared(team=team.pk, day=today)) == len(people)
    assert prepared(team=team.pk, day=today - datetime.timedelta(days=10_000)) == []
    assert prepared(team=team.pk + 1000, day=today) == []


def test_it_builds_the_sql_once_and_asks_one_query_a_call(people, team):
    built = []
    prepared = PreparedQuery(lambda team, day: built.append(1) or members_since(team, day), team=int, day=datetime.date)
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            prepared(team=team.pk, day=timezone.localdate())
        assert len(queries) == 1
    assert built == [1]


def test_a_date_worked_out_inside_the_query_is_refused():
    """A "today" computed when the SQL is built would stay fixed for the life of the process."""
    prepared = PreparedQuery(lambda team: members_since(team, timezone.localdate()), team=int)
    with pytest.raises(ImproperlyConfigured, match="fixed"):
        prepared(team=1)


def test_a_value_that_does_not_reach_the_sql_is_refused():
    prepared = PreparedQuery(lambda user, since: User.objects.filter(pk=user).values("email"),
                             user=int, since=datetime.datetime)
    with pytest.raises(ImproperlyConfigured, match="since"):
        prepared(user=1, since=timezone.now())


def test_model_instances_are_refused():
    prepared = PreparedQuery(lambda user: User.objects.filter(pk=user), user=int)
    with pytest.raises(ImproperlyConfigured, match="values"):
        prepared(user=1)
