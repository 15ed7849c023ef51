"""Programme measures: the figures each app contributes, aggregate only.

An app adds figures with a module `<app>/measures.py` holding `measures(scope) -> list[Section]`,
found by name (core.app_hooks), so the measures pages never read an app's models. Contributions
count in the database (aggregate, annotate) with a fixed number of queries whatever the size.

Every Row says how many distinct people its figures are about; whoever shows the figures hides a
row whose group is smaller than the administrators' threshold (`suppressed`). Rows carry counts
and labels from the product's own vocabulary (statements, formats, months), never a name or text
someone typed.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count

from .app_hooks import app_modules


@dataclass(frozen=True)
class Scope:
    """Whose figures and when: `members` is a queryset of the people counted (a team, or everyone)."""

    members: object
    start: datetime.date
    end: datetime.date
    team: object = None  # the team chosen, or None for the whole organisation


@dataclass
class Row:
    label: str
    values: list
    people: int  # distinct people the figures are about: the group the threshold applies to
    suppressed: bool = False


@dataclass
class Table:
    key: str
    title: str
    label_heading: str
    columns: list
    rows: list
    explanation: str  # how the figures are counted, shown on the page and in the report
    # What the chart draws: "bars" (the chart_columns of each row, side by side), "distribution"
    # (values are [people, count at each of `levels` before, the same after, ...]: two stacked bars
    # a row), or "" for none.
    chart: str = "bars"
    chart_columns: tuple = (0,)
    unit: str = ""  # "%" when the charted values are percentages
    levels: list = field(default_factory=list)  # labels of the levels a distribution counts

    @property
    def has_data(self):
        return any(row.people for row in self.rows)


@dataclass
class Section:
    key: str
    title: str
    tables: list
    order: int = 100
    note: str = ""
    tables_by_key: dict = field(init=False, repr=False)

    def __post_init__(self):
        self.tables_by_key = {table.key: table for table in self.tables}


def collect(scope):
    """Every app's sections for the scope, in order."""
    sections = []
    for _config, module in app_modules("measures"):
        provider = getattr(module, "measures", None)
        if provider:
            sections.extend(provider(scope))
    return sorted(sections, key=lambda s: (s.order, s.title))


def suppress(sections, smallest_group):
    """Hide the figures of every row about fewer than `smallest_group` people (a row about nobody
    shows its zeros: it describes no one)."""
    for section in sections:
        for table in section.tables:
            for row in table.rows:
                if 0 < row.people < smallest_group:
                    row.suppressed = True
                    row.values = [None] * len(row.values)
                    row.people = None
    return sections


def share(part, whole):
    """A whole-number percentage, or 0 when there is nothing to share."""
    return round(100 * part / whole) if whole else 0


def bucket_rows(queryset, buckets, *, people, count="pk", distinct=False):
    """A Row per (label, condition) of `buckets`: how many of the queryset fall in it, their share of
    all the buckets, and how many distinct `people` they concern. One query."""
    aggregates = {}
    for index, (_label, condition) in enumerate(buckets):
        aggregates[f"n{index}"] = Count(count, distinct=distinct, filter=condition)
        aggregates[f"p{index}"] = Count(people, distinct=True, filter=condition)
    counts = queryset.aggregate(**aggregates)
    total = sum(counts[f"n{index}"] for index in range(len(buckets)))
    return [
        Row(label, [counts[f"n{index}"], share(counts[f"n{index}"], total)], counts[f"p{index}"])
        for index, (label, _condition) in enumerate(buckets)
    ]
