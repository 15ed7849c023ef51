"""Benchmark data for the measures: `build(workers, years)` makes a team of people and asks each app's
`<app>/measures.py: bench(people, today, years)` for its rows, so measures still reads no app's models."""

import datetime

from django.db import transaction
from django.utils import timezone

from core.app_hooks import app_modules
from people.models import Membership, Role, Team, User


@transaction.atomic
def build(workers, years, name="Benchmark team"):
    """A new team of `workers` people (one in twenty a supervisor) with `years` of records; returns the team."""
    today = timezone.localdate()
    team = Team.objects.create(name=f"{name} {Team.objects.count() + 1}")
    stamp = team.pk
    people = User.objects.bulk_create(
        [User(email=f"bench-{stamp}-{n}@bench.invalid", first_name="Bench", last_name=f"Person {n}") for n in range(workers)],
        batch_size=2000,
    )
    joined = today - datetime.timedelta(days=365 * years)
    Membership.objects.bulk_create(
        [Membership(team=team, user=person, joined_on=joined, role=Role.SUPERVISOR if n % 20 == 0 else Role.WORKER)
         for n, person in enumerate(people)],
        batch_size=2000,
    )
    for _config, module in app_modules("measures"):
        seed = getattr(module, "bench", None)
        if seed:
            seed(people, today, years)
    return team
