"""Programme measures for practice leads and administrators: aggregate figures for a team or the
whole organisation and a period, with every small group hidden. Views, exports and the benchmark
all call `report`."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from core import measures as contract
from core.inputs import DateWindow
from people import roles
from people.models import Role

from .models import MeasuresSettings

# How long a team's figures for a period are reused (seconds; 0 counts afresh every time).
CACHE_SECONDS = getattr(settings, "MEASURES_CACHE_SECONDS", 600)

# A period may start up to ten years back and end up to a year ahead (core.inputs.DateWindow).
PERIOD_DATES = DateWindow(years_back=10, years_ahead=1)


def can_view_measures(user):
    """Practice leads and administrators; workers and supervisors never (supervisors keep their own
    view of their supervisees on the development record)."""
    return roles.is_practice_lead(user)


def teams_for(user):
    """The teams whose measures the user may choose: those they lead (all, for administrators)."""
    return roles.led_teams(user)


def default_period(today=None):
    """The last 12 months, ending today."""
    today = today or timezone.localdate()
    try:
        a_year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        a_year_ago = today.replace(year=today.year - 1, day=28)
    return a_year_ago + datetime.timedelta(days=1), today


def smallest_group():
    return MeasuresSettings.load().smallest_group


@dataclass
class Report:
    team: object  # None: the whole organisation
    start: datetime.date
    end: datetime.date
    smallest_group: int
    workers: int | None  # None when fewer than the smallest group
    sections: list

    @property
    def scope_label(self):
        return self.team.name if self.team is not None else "The whole organisation"

    @property
    def suppressed_label(self):
        return f"Fewer than {self.smallest_group}"


def report(viewer, *, team=None, start, end):
    """The measures `viewer` may see: refused unless they lead the team (or, for the whole
    organisation, lead any team or administer)."""
    if not can_view_measures(viewer):
        raise PermissionDenied("Measures are for practice leads and administrators.")
    if team is not None and not teams_for(viewer).filter(pk=team.pk).exists():
        raise PermissionDenied("You can see the measures of the teams you lead.")
    threshold = smallest_group()
    # The figures are counts over months: the same team and period asked again within a few minutes
    # (the page, then its CSV and PDF) reuses them. Counted after the permission check, and keyed by
    # the threshold, so nobody reads figures they could not count themselves.
    key = f"measures:{team.pk if team is not None else 'all'}:{start}:{end}:{threshold}"
    found = cache.get(key) if CACHE_SECONDS else None
    if found is None:
        members = roles.members_during(start, end, team=team, role=Role.WORKER)
        workers = members.count()
        scope = contract.Scope(members=members, start=start, end=end, team=team)
        found = (workers, contract.suppress(contract.collect(scope), threshold))
        if CACHE_SECONDS:
            cache.set(key, found, CACHE_SECONDS)
    workers, sections = found
    return Report(team=team, start=start, end=end, smallest_group=threshold,
                  workers=workers if workers >= threshold else None, sections=sections)
