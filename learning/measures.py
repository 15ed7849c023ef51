"""Learning's programme measures (core.measures): confidence before and after, reflective activity,
CPD readiness. Counts only, each in the database with a fixed number of queries."""

import datetime

from django.db import connection
from django.db.models import Count, Q

from core.measures import Row, Section, Table, share

from .models import (
    CONFIDENCE_LABELS,
    FrameworkDomain,
    FrameworkStatement,
    LogStatus,
    Rating,
    RecordEntry,
    ReflectiveLog,
    SelfAssessment,
    registration_year_bounds,
    registration_year_label,
    registration_year_start,
)

LEVELS = sorted(CONFIDENCE_LABELS)  # 1 to 5
CONFIDENT = {4, 5}


def measures(scope):
    return [
        Section(key="confidence", title="Confidence before and after", order=10, tables=_confidence(scope)),
        Section(key="reflective-activity", title="Reflective activity", order=40, tables=_activity(scope)),
    ]


# ---- Confidence -------------------------------------------------------------------------------

# Each person's first and latest self-assessment of a framework within the period (two different
# assessments), then their rating of each statement in both. Window functions pick the two in one
# pass (SQLite 3.25+ and PostgreSQL alike); the ORM cannot join a table to itself on a ranking.
_PAIRS = """
WITH ranked AS (
    SELECT a.id, a.owner_id, a.framework_id,
           ROW_NUMBER() OVER (PARTITION BY a.owner_id, a.framework_id ORDER BY a.assessed_on, a.id) AS up,
           ROW_NUMBER() OVER (PARTITION BY a.owner_id, a.framework_id ORDER BY a.assessed_on DESC, a.id DESC) AS down
    FROM {assessment} a
    WHERE a.assessed_on BETWEEN %s AND %s AND a.owner_id IN ({members})
), pairs AS (
    -- One pass: a person's first and latest of each framework, when they assessed it more than once.
    SELECT owner_id, MAX(CASE WHEN up = 1 THEN id END) AS first_id, MAX(CASE WHEN down = 1 THEN id END) AS last_id
    FROM ranked
    GROUP BY owner_id, framework_id
    HAVING COUNT(*) > 1
)
"""

_BY_STATEMENT = _PAIRS + """
SELECT rb.statement_id, rb.value, ra.value, COUNT(*)
FROM pairs p
JOIN {rating} rb ON rb.assessment_id = p.first_id
JOIN {rating} ra ON ra.assessment_id = p.last_id AND ra.statement_id = rb.statement_id
GROUP BY rb.statement_id, rb.value, ra.value
"""

_BY_DOMAIN = _PAIRS + """
SELECT s.domain_id, COUNT(DISTINCT p.owner_id), COUNT(*),
       SUM(CASE WHEN rb.value >= 4 THEN 1 ELSE 0 END), SUM(CASE WHEN ra.value >= 4 THEN 1 ELSE 0 END)
FROM pairs p
JOIN {rating} rb ON rb.assessment_id = p.first_id
JOIN {rating} ra ON ra.assessment_id = p.last_id AND ra.statement_id = rb.statement_id
JOIN {statement} s ON s.id = rb.statement_id
GROUP BY s.domain_id
"""


def _run(template, scope):
    members_sql, members_params = scope.members.values("pk").query.sql_with_params()
    sql = template.format(
        assessment=SelfAssessment._meta.db_table, rating=Rating._meta.db_table,
        statement=FrameworkStatement._meta.db_table, members=members_sql,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [scope.start, scope.end, *members_params])
        return cursor.fetchall()


def _confidence(scope):
    # statement -> {"before": {level: n}, "after": {level: n}, "people": n}
    by_statement = {}
    for statement_id, before, after, n in _run(_BY_STATEMENT, scope):
        found = by_statement.setdefault(statement_id, {"before": {}, "after": {}, "people": 0})
        found["before"][before] = found["before"].get(before, 0) + n
        found["after"][after] = found["after"].get(after, 0) + n
        found["people"] += n
    by_domain = {row[0]: row[1:] for row in _run(_BY_DOMAIN, scope)}
    statements = FrameworkStatement.objects.filter(pk__in=list(by_statement)).select_related("domain__framework")
    domains = FrameworkDomain.objects.filter(pk__in=list(by_domain)).select_related("framework")

    statement_rows = []
    for statement in sorted(statements, key=lambda s: (s.domain.framework.short_name, s.domain.sort_order, s.sort_order, s.pk)):
        found = by_statement[statement.pk]
        people = found["people"]
        before_high = sum(found["before"].get(level, 0) for level in CONFIDENT)
        after_high = sum(found["after"].get(level, 0) for level in CONFIDENT)
        statement_rows.append(Row(
            label=f"{statement.domain.framework.short_name} {statement.code}: {statement.title}",
            values=[
                people,
                *[found["before"].get(level, 0) for level in LEVELS],
                *[found["after"].get(level, 0) for level in LEVELS],
                share(before_high, people), share(after_high, people),
                share(after_high, people) - share(before_high, people),
            ],
            people=people,
        ))
    domain_rows = []
    for domain in sorted(domains, key=lambda d: (d.framework.short_name, d.sort_order, d.pk)):
        people, ratings, before_high, after_high = by_domain[domain.pk]
        domain_rows.append(Row(
            label=f"{domain.framework.short_name} {domain.code}. {domain.title}",
            values=[people, share(before_high, ratings), share(after_high, ratings),
                    share(after_high, ratings) - share(before_high, ratings)],
            people=people,
        ))
    how = (
        "Each person's first and latest self-assessment of a framework dated within the period, when they "
        "are two different assessments, and their rating of each statement in both (1 not yet confident to "
        "5 very confident). People who assessed only once in the period are not counted. Confident means "
        "4 or 5. Change is in percentage points."
    )
    return [
        Table(
            key="confidence-statements", title="Confidence per framework statement", label_heading="Statement",
            columns=["People", *[f"Before: {level}" for level in LEVELS], *[f"After: {level}" for level in LEVELS],
                     "Confident before (%)", "Confident after (%)", "Change (points)"],
            rows=statement_rows, explanation=how, chart="distribution",
            levels=[f"{level} {CONFIDENCE_LABELS[level]}" for level in LEVELS],
        ),
        Table(
            key="confidence-domains", title="Confidence per framework domain", label_heading="Domain",
            columns=["People", "Confident before (%)", "Confident after (%)", "Change (points)"],
            rows=domain_rows, chart="bars", chart_columns=(1, 2), unit="%",
            explanation="The same pairs of assessments: the share of all ratings of the domain's statements at 4 or 5.",
        ),
    ]


# ---- Reflective activity and CPD readiness ---------------------------------------------------


def _months(start, end):
    month = start.replace(day=1)
    while month <= end:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def _activity(scope):
    complete = ReflectiveLog.objects.filter(
        owner__in=scope.members, status=LogStatus.COMPLETE, occurred_on__range=(scope.start, scope.end)
    )
    per_month = {}
    for row in complete.values_list("occurred_on__year", "occurred_on__month").annotate(
        logs=Count("pk"), people=Count("owner", distinct=True)
    ).order_by():
        per_month[(row[0], row[1])] = row[2:]
    month_rows = []
    for month in _months(scope.start, scope.end):
        logs, people = per_month.get((month.year, month.month), (0, 0))
        month_rows.append(Row(label=f"{month:%B %Y}", values=[logs, people], people=people))

    model_rows = [
        Row(label=row["template_name"] or "No template", values=[row["logs"], row["people"]], people=row["people"])
        for row in complete.values("template_name").annotate(logs=Count("pk"), people=Count("owner", distinct=True))
        .order_by("-logs", "template_name")
    ]
    domain_rows = [
        Row(
            label=f'{row["statements__domain__framework__short_name"]} {row["statements__domain__code"]}. '
                  f'{row["statements__domain__title"]}',
            values=[row["logs"], row["people"]], people=row["people"],
        )
        for row in complete.filter(statements__isnull=False)
        .values("statements__domain", "statements__domain__framework__short_name", "statements__domain__code",
                "statements__domain__title")
        .annotate(logs=Count("pk", distinct=True), people=Count("owner", distinct=True))
        .order_by("statements__domain__framework__short_name", "statements__domain__sort_order")
    ]
    counted = "Complete reflective logs dated within the period (the date of the practice or learning they reflect on)."
    return [
        Table(key="logs-month", title="Reflective logs completed per month", label_heading="Month",
              columns=["Logs", "People writing"], rows=month_rows, explanation=counted),
        Table(key="logs-model", title="Reflective logs by model", label_heading="Reflective model",
              columns=["Logs", "People writing"], rows=model_rows, explanation=counted + " Grouped by the template used."),
        Table(key="logs-domain", title="Reflective logs by framework domain", label_heading="Domain",
              columns=["Logs", "People writing"], rows=domain_rows,
              explanation=counted + " A log linked to statements in several domains counts once in each."),
        _readiness(scope),
    ]


def _readiness(scope):
    year = registration_year_start(scope.end)
    first, last = registration_year_bounds(year)
    people = scope.members.count()
    per_person = (
        RecordEntry.objects.filter(owner__in=scope.members, occurred_on__range=(first, last), counts_as_cpd=True)
        .values("owner").order_by()
        .annotate(cpd=Count("pk"), peer=Count("pk", filter=Q(includes_peer_reflection=True)))
    )
    # Counted by the database (HAVING in a subquery), not person by person.
    started = per_person.count()
    ready = per_person.filter(cpd__gte=2, peer__gte=1).count()
    return Table(
        key="cpd-readiness", title=f"CPD readiness, registration year {registration_year_label(year)}",
        label_heading="Readiness", columns=["People", "Share (%)"],
        rows=[
            Row("Ready: two CPD records, one with peer reflection", [ready, share(ready, people)], people),
            Row("Started: at least one CPD record, not yet ready", [started - ready, share(started - ready, people)], people),
            Row("No CPD record yet this year", [people - started, share(people - started, people)], people),
        ],
        explanation=(
            "Workers in the team during the period, by the development record entries that count as CPD in the "
            "Social Work England registration year holding the period's last day. How many, never who."
        ),
    )


# ---- Benchmark data (manage.py bench_measures) ----------------------------------------------


def bench(people, today, years):
    """Bulk rows for the benchmark: per person a PCF self-assessment each half year, a complete log a
    month linked to a statement, and three CPD entries a year."""
    from .content import load_all
    from .models import ReflectiveLog

    load_all()
    pcf = FrameworkStatement.objects.filter(domain__framework__slug="pcf").select_related("domain__framework")
    statements = list(pcf)
    framework = statements[0].domain.framework
    assessments = [
        SelfAssessment(owner=person, framework=framework, assessed_on=today - datetime.timedelta(days=182 * k + n % 30))
        for n, person in enumerate(people) for k in range(years * 2)
    ]
    SelfAssessment.objects.bulk_create(assessments, batch_size=2000)
    Rating.objects.bulk_create(
        (Rating(assessment=a, statement=s, value=1 + (a.pk + i) % 5) for a in assessments for i, s in enumerate(statements)),
        batch_size=5000,
    )
    logs = [
        ReflectiveLog(owner=person, template_name=("Gibbs reflective cycle", "Driscoll: what, so what, now what")[k % 2],
                      title="Benchmark reflection", status=LogStatus.COMPLETE, occurred_on=today - datetime.timedelta(days=30 * k + n % 28))
        for n, person in enumerate(people) for k in range(years * 12)
    ]
    ReflectiveLog.objects.bulk_create(logs, batch_size=2000)
    through = ReflectiveLog.statements.through
    through.objects.bulk_create(
        (through(reflectivelog_id=log.pk, frameworkstatement_id=statements[i % len(statements)].pk) for i, log in enumerate(logs)),
        batch_size=5000,
    )
    RecordEntry.objects.bulk_create(
        (RecordEntry(owner=person, source="bench", source_key=f"{person.pk}-{k}", kind="course", title="Course",
                     occurred_on=today - datetime.timedelta(days=120 * k + n % 60), counts_as_cpd=True,
                     includes_peer_reflection=k % 2 == 0)
         for n, person in enumerate(people) for k in range(years * 3)),
        batch_size=5000,
    )
