"""Supervision's programme measures (core.measures): sessions held against due, agreements, sign-off
times, actions closed on time, and peer sessions. Counts only, with a fixed number of queries."""

import datetime

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from core.measures import Row, Section, Table, bucket_rows, share

from .models import (
    HELD_STATUSES,
    ActionStatus,
    PeerFormat,
    PeerSession,
    SessionMode,
    SupervisionAction,
    SupervisionAgreement,
    SupervisionSession,
)
from .scheduling import due_count_between


def measures(scope):
    return [
        Section(key="supervision", title="Supervision", order=20, tables=[
            _sessions(scope), _agreements(scope), _sign_off(scope), _actions(scope),
        ]),
        Section(key="group-practice", title="Group practice", order=30, tables=[_peer_sessions(scope)]),
    ]


def _moments(scope):
    start = timezone.make_aware(datetime.datetime.combine(scope.start, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(scope.end, datetime.time.max))
    return start, end


def _held(scope):
    return SupervisionSession.objects.filter(
        status__in=HELD_STATUSES, starts_at__range=_moments(scope), participants__user__in=scope.members
    )


def _sessions(scope):
    held = {
        row["mode"]: row
        for row in _held(scope).values("mode").order_by()
        .annotate(sessions=Count("pk", distinct=True), people=Count("participants__user", distinct=True))
    }
    # Due dates come from each agreement in force during the period, up to its end.
    due = 0
    agreements = SupervisionAgreement.objects.filter(
        supervisee__in=scope.members, starts_on__lte=scope.end
    ).exclude(ended_on__lt=scope.start).values_list("frequency", "frequency_unit", "starts_on", "ended_on")
    for frequency, unit, starts_on, ended_on in agreements:
        due += due_count_between(every=frequency, unit=unit, starts_on=starts_on, start=scope.start,
                                 end=min(scope.end, ended_on or scope.end))
    one = held.get(SessionMode.ONE_TO_ONE, {"sessions": 0, "people": 0})
    group = held.get(SessionMode.GROUP, {"sessions": 0, "people": 0})
    return Table(
        key="supervision-sessions", title="Supervision sessions held against due", label_heading="Type",
        columns=["Sessions held", "People supervised", "Due by agreements", "Held against due (%)"],
        rows=[
            Row("One-to-one", [one["sessions"], one["people"], due, share(one["sessions"], due)], one["people"]),
            Row("Group", [group["sessions"], group["people"], None, None], group["people"]),
        ],
        explanation=(
            "Sessions started, awaiting sign-off or signed off, dated within the period, with at least one "
            "worker of the team taking part. Due: the dates one-to-one supervision fell due within the period "
            "under each agreement's frequency, counted from its start until it ended. Group supervision has no "
            "agreed frequency."
        ),
    )


def _agreements(scope):
    people = scope.members.count()
    in_force = SupervisionAgreement.objects.filter(supervisee__in=scope.members, starts_on__lte=scope.end).exclude(
        ended_on__lt=scope.end
    )
    counts = in_force.aggregate(
        any=Count("supervisee", distinct=True),
        accepted=Count("supervisee", distinct=True, filter=Q(
            supervisor_accepted_at__isnull=False, supervisee_accepted_at__isnull=False
        )),
    )
    return Table(
        key="supervision-agreements", title="Supervision agreements in place", label_heading="Workers",
        columns=["People", "Share (%)"],
        rows=[
            Row("With an agreement in force on the period's last day", [counts["any"], share(counts["any"], people)], people),
            Row("With an agreement both have accepted", [counts["accepted"], share(counts["accepted"], people)], people),
        ],
        explanation="Workers in the team during the period with a supervision agreement that had started and not ended "
                    "on the period's last day.",
        chart="bars", chart_columns=(1,), unit="%",
    )


def _sign_off(scope):
    gap = ExpressionWrapper(F("locked_at") - F("starts_at"), output_field=DurationField())
    sessions = _held(scope).annotate(gap=gap)
    week, four_weeks = datetime.timedelta(days=7), datetime.timedelta(days=28)
    buckets = [
        ("Signed off within a week", Q(locked_at__isnull=False, gap__lte=week)),
        ("Signed off within four weeks", Q(locked_at__isnull=False, gap__gt=week, gap__lte=four_weeks)),
        ("Signed off after four weeks", Q(locked_at__isnull=False, gap__gt=four_weeks)),
        ("Not signed off yet", Q(locked_at__isnull=True)),
    ]
    return Table(
        key="supervision-sign-off", title="Time from session to sign-off", label_heading="Signed off",
        columns=["Sessions", "Share (%)"],
        rows=bucket_rows(sessions, buckets, people="participants__user", distinct=True),
        explanation="Sessions held in the period, by the time from the session's start to the last signature, "
                    "which locks the record.",
    )


def _actions(scope):
    closed_on = TruncDate("closed_at")
    actions = SupervisionAction.objects.filter(owner__in=scope.members, due_on__range=(scope.start, scope.end)).annotate(
        closed_on=closed_on
    )
    today = timezone.localdate()
    buckets = [
        ("Done by the due date", Q(status=ActionStatus.DONE, closed_on__lte=F("due_on"))),
        ("Done after the due date", Q(status=ActionStatus.DONE, closed_on__gt=F("due_on"))),
        ("Open and past due", Q(status=ActionStatus.OPEN, due_on__lt=today)),
        ("Open, not yet due", Q(status=ActionStatus.OPEN, due_on__gte=today)),
        ("No longer needed", Q(status=ActionStatus.DROPPED)),
    ]
    return Table(
        key="supervision-actions", title="Supervision actions closed on time", label_heading="Actions",
        columns=["Actions", "Share (%)"],
        rows=bucket_rows(actions, buckets, people="owner"),
        explanation="Actions owned by workers of the team with a due date within the period, by what happened to them. "
                    "Done on time: marked done on or before the due date.",
    )


def _peer_sessions(scope):
    in_period = PeerSession.objects.filter(held_on__range=(scope.start, scope.end))
    if scope.team is not None:
        in_period = in_period.filter(Q(group__team=scope.team) | Q(attendees__in=scope.members))
    # Two queries: joining attendees would repeat each session's length once per attendee.
    ids = in_period.values("pk")
    sessions = {
        row["format"]: row
        for row in PeerSession.objects.filter(pk__in=ids).values("format").order_by()
        .annotate(sessions=Count("pk"), minutes=Sum("length_minutes"))
    }
    attendance = {
        row["format"]: row
        for row in PeerSession.objects.filter(pk__in=ids, attendees__isnull=False).values("format").order_by()
        .annotate(attendances=Count("attendees"), people=Count("attendees", distinct=True),
                  person_minutes=Sum("length_minutes"))
    }
    rows = []
    for value, label in PeerFormat.choices:
        held = sessions.get(value, {"sessions": 0, "minutes": 0})
        came = attendance.get(value, {"attendances": 0, "people": 0, "person_minutes": 0})
        rows.append(Row(label, [
            held["sessions"], came["attendances"], came["people"],
            round((held["minutes"] or 0) / 60, 1), round((came["person_minutes"] or 0) / 60, 1),
        ], came["people"]))
    return Table(
        key="peer-sessions", title="Peer learning sessions by format", label_heading="Format",
        columns=["Sessions", "Attendances", "People attending", "Hours", "Person-hours"],
        rows=rows,
        explanation="Peer sessions held within the period by the team's peer groups or attended by its workers "
                    "(everyone's for the whole organisation). Attendances and person-hours count staff with an account; "
                    "guests are not counted.",
    )


# ---- Benchmark data (manage.py bench_measures) ----------------------------------------------


def bench(people, today, years):
    """Bulk rows for the benchmark: an agreement per person, a one-to-one every two months (signed off)
    with an action, and a monthly peer session per group of 20 people, all attending."""
    from .models import ActionStatus, PeerFormat, PeerGroup, SessionParticipant

    supervisors = people[::20]
    SupervisionAgreement.objects.bulk_create(
        [SupervisionAgreement(supervisor=supervisors[n // 20], supervisee=person, starts_on=today - datetime.timedelta(days=365 * years))
         for n, person in enumerate(people) if n % 20],
        batch_size=2000,
    )
    now = timezone.now()
    sessions, owners = [], []
    for n, person in enumerate(people):
        if not n % 20:
            continue
        for k in range(years * 6):
            starts = now - datetime.timedelta(days=61 * k + n % 30)
            sessions.append(SupervisionSession(
                supervisor=supervisors[n // 20], starts_at=starts, status="signed_off",
                locked_at=starts + datetime.timedelta(days=n % 40), template_snapshot={},
            ))
            owners.append(person)
    SupervisionSession.objects.bulk_create(sessions, batch_size=2000)
    SessionParticipant.objects.bulk_create(
        (SessionParticipant(session=s, user=p) for s, p in zip(sessions, owners, strict=True)), batch_size=5000
    )
    SupervisionAction.objects.bulk_create(
        (SupervisionAction(session=s, owner=p, description="Benchmark action", due_on=s.starts_at.date() + datetime.timedelta(days=28),
                           status=ActionStatus.DONE if i % 3 else ActionStatus.OPEN,
                           closed_at=s.starts_at + datetime.timedelta(days=20 + i % 20) if i % 3 else None)
         for i, (s, p) in enumerate(zip(sessions, owners, strict=True))),
        batch_size=5000,
    )
    formats = [value for value, _label in PeerFormat.choices]
    attendance = PeerSession.attendees.through
    for g in range(0, len(people), 20):
        members = people[g:g + 20]
        group = PeerGroup.objects.create(name=f"Benchmark group {g // 20}")
        peer = PeerSession.objects.bulk_create(
            PeerSession(group=group, held_on=today - datetime.timedelta(days=30 * k), format=formats[k % len(formats)])
            for k in range(years * 12)
        )
        attendance.objects.bulk_create(attendance(peersession_id=s.pk, user_id=m.pk) for s in peer for m in members)
