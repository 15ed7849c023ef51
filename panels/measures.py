"""Risk enablement panels' programme measures (core.measures): meetings held with attendance and
hours, requests and decisions by outcome, reviews done on time. Counts only, a fixed number of queries."""

import datetime

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from core.measures import Row, Section, Table, bucket_rows, share

from .models import Decision, MeetingStatus, Outcome, PanelMeeting, PanelRequest


def measures(scope):
    return [Section(key="risk-enablement", title="Group practice: risk enablement panels", order=31, tables=[
        _meetings(scope), _decisions(scope), _reviews(scope),
    ])]


def _requests_in_scope(scope):
    """Requests brought by the scope's workers, or to a panel the team runs."""
    if scope.team is None:
        return PanelRequest.objects.all()
    return PanelRequest.objects.filter(Q(worker__in=scope.members) | Q(panel__team=scope.team))


def _meetings(scope):
    held = PanelMeeting.objects.filter(meets_on__range=(scope.start, scope.end)).exclude(status=MeetingStatus.CANCELLED)
    if scope.team is not None:
        held = held.filter(Q(panel__team=scope.team) | Q(attendees__in=scope.members))
    ids = held.values("pk")
    # Two queries: joining attendees would repeat each meeting's length once per attendee.
    meetings = PanelMeeting.objects.filter(pk__in=ids).aggregate(n=Count("pk"), minutes=Sum("length_minutes"))
    came = PanelMeeting.objects.filter(pk__in=ids, attendees__isnull=False).aggregate(
        attendances=Count("attendees"), people=Count("attendees", distinct=True), person_minutes=Sum("length_minutes"),
    )
    return Table(
        key="panel-meetings", title="Risk enablement panel meetings held", label_heading="Format",
        columns=["Meetings", "Attendances", "People attending", "Hours", "Person-hours"],
        rows=[Row("Risk enablement panel", [
            meetings["n"], came["attendances"], came["people"],
            round((meetings["minutes"] or 0) / 60, 1), round((came["person_minutes"] or 0) / 60, 1),
        ], came["people"])],
        explanation="Panel meetings dated within the period and not cancelled, of the team's panels or attended by its "
                    "workers (every panel for the whole organisation). Attendances count staff with an account; the "
                    "person, family, advocates and guests recorded by role are not counted.",
    )


def _moments(scope):
    return (timezone.make_aware(datetime.datetime.combine(scope.start, datetime.time.min)),
            timezone.make_aware(datetime.datetime.combine(scope.end, datetime.time.max)))


def _decisions(scope):
    requests = _requests_in_scope(scope)
    submitted = requests.filter(submitted_at__range=_moments(scope)).aggregate(
        n=Count("pk", distinct=True), people=Count("worker", distinct=True)
    )
    by_outcome = {
        row["outcome"]: row
        for row in Decision.objects.filter(request__in=requests.values("pk"), decided_at__range=_moments(scope))
        .values("outcome").order_by().annotate(n=Count("pk"), people=Count("request__worker", distinct=True))
    }
    total = sum(row["n"] for row in by_outcome.values())
    rows = [Row("Requests submitted", [submitted["n"], None], submitted["people"])]
    for value, label in Outcome.choices:
        found = by_outcome.get(value, {"n": 0, "people": 0})
        rows.append(Row(f"Decided: {label.lower()}", [found["n"], share(found["n"], total)], found["people"]))
    return Table(
        key="panel-decisions", title="Risk enablement requests and decisions by outcome", label_heading="Requests",
        columns=["Number", "Share of decisions (%)"], rows=rows,
        explanation="Requests by the team's workers or to the team's panels: those submitted within the period, and the "
                    "panel's shared decisions made within it, by outcome. People: the workers who brought them.",
    )


def _reviews(scope):
    today = timezone.localdate()
    due = Decision.objects.filter(
        request__in=_requests_in_scope(scope).values("pk"), review_on__range=(scope.start, scope.end)
    )
    buckets = [
        ("Reviewed by the review date", Q(review__isnull=False, review__reviewed_on__lte=F("review_on"))),
        ("Reviewed after the review date", Q(review__isnull=False, review__reviewed_on__gt=F("review_on"))),
        ("Not reviewed, review date passed", Q(review__isnull=True, review_on__lt=today)),
        ("Not reviewed, not yet due", Q(review__isnull=True, review_on__gte=today)),
    ]
    return Table(
        key="panel-reviews", title="Risk enablement reviews done on time", label_heading="Reviews",
        columns=["Decisions", "Share (%)"],
        rows=bucket_rows(due, buckets, people="request__worker"),
        explanation="Decisions whose review date falls within the period, by whether the outcome for the person was "
                    "recorded by that date.",
    )
