import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from people.tests.factories import SupervisionRelationshipFactory, UserFactory
from supervision import dashboard, services
from supervision.models import PeerFormat, SessionParticipant, SessionStatus, SupervisionSession

from .factories import (
    ActionFactory,
    AgreementFactory,
    PeerGroupFactory,
    PeerSessionFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def make_sessions(supervisor, supervisees, n, start_index=0):
    snapshot = {"name": "t", "sections": []}
    now = timezone.now()
    sessions = SupervisionSession.objects.bulk_create([
        SupervisionSession(
            supervisor=supervisor, starts_at=now - datetime.timedelta(days=i + start_index), template_snapshot=snapshot,
            status=SessionStatus.AWAITING_SIGN_OFF if i % 2 else SessionStatus.SIGNED_OFF,
        )
        for i in range(n)
    ])
    SessionParticipant.objects.bulk_create([
        SessionParticipant(session=s, user=supervisees[i % len(supervisees)]) for i, s in enumerate(sessions)
    ])
    return sessions


def panel_queries(user):
    request = RequestFactory().get("/")
    request.user = type(user).objects.get(pk=user.pk)  # fresh: no cached roles
    with CaptureQueriesContext(connection) as ctx:  # the query for request.user is outside
        panels = dashboard.dashboard_panels(request)
        from django.template.loader import render_to_string

        for p in panels:
            render_to_string(p.template, {"panel_context": p.context, "request": request})
    return len(ctx.captured_queries), panels


def test_supervisor_dashboard_queries_constant_at_5_and_500_sessions(people):
    sup = people["supervisor"]
    supervisees = [people["worker"]]
    for _ in range(4):
        person = UserFactory()
        SupervisionRelationshipFactory(supervisor=sup, supervisee=person)
        supervisees.append(person)
    for person in supervisees:
        AgreementFactory(supervisor=sup, supervisee=person)
    sessions = make_sessions(sup, supervisees, 5)
    ActionFactory(session=sessions[1], owner=people["worker"])
    small, panels = panel_queries(sup)
    assert any(p.title == "Supervision you give" for p in panels)
    more = make_sessions(sup, supervisees, 495, start_index=5)
    for s in more[:50]:
        ActionFactory(session=s, owner=supervisees[0])
    large, panels = panel_queries(sup)
    assert small == large
    context = next(p for p in panels if p.title == "Supervision you give").context
    assert context["awaiting_count"] == 249 and context["actions_count"] == 51


def test_due_and_overdue_on_supervisor_panel(people):
    sup, worker = people["supervisor"], people["worker"]
    AgreementFactory(supervisor=sup, supervisee=worker, frequency=4, frequency_unit="weeks",
                     starts_on=timezone.localdate() - datetime.timedelta(days=200))
    s = SessionFactory(supervisor=sup, supervisees=[worker], starts_at=timezone.now() - datetime.timedelta(days=40))
    s.status = SessionStatus.SIGNED_OFF
    s.save()
    context = dashboard.supervisor_panel_context(sup)
    assert [(a["supervisee"], a["due"].state) for a in context["due"]] == [(str(worker), "overdue")]
    SessionFactory(supervisor=sup, supervisees=[worker], starts_at=timezone.now() - datetime.timedelta(days=2)).__class__.objects.filter(
        starts_at__gt=timezone.now() - datetime.timedelta(days=3)).update(status=SessionStatus.IN_PROGRESS)
    assert dashboard.supervisor_panel_context(sup)["due"] == []


def test_worker_panel_shows_next_session_and_actions(people):
    worker = people["worker"]
    s = SessionFactory(supervisor=people["supervisor"], supervisees=[worker])
    ActionFactory(session=s, owner=worker, description="Write up the review")
    context = dashboard.worker_panel_context(worker)
    assert context["next_session"]["id"] == s.pk and [a["description"] for a in context["actions"]] == ["Write up the review"]


def test_worker_panel_reads_next_session_and_records_to_sign_in_one_query(people):
    """The next session is the earliest coming one even behind many records to sign; a group record
    waits only for those who have not signed it; each list stops at five."""
    worker, other, sup = people["worker"], people["other_worker"], people["supervisor"]
    now = timezone.now()
    for days in range(1, 8):
        SessionFactory(supervisor=sup, supervisees=[worker], starts_at=now + datetime.timedelta(days=days), place=f"Room {days}")
    group = []
    for days in range(1, 8):
        held = SessionFactory(supervisor=sup, supervisees=[worker, other], starts_at=now - datetime.timedelta(days=days))
        held.status = SessionStatus.AWAITING_SIGN_OFF
        held.save(update_fields=["status"])
        group.append(held)
    SessionParticipant.objects.filter(session__in=group[:6], user=worker).update(signed_at=now)
    with CaptureQueriesContext(connection) as queries:
        context = dashboard.worker_panel_context(worker)
    assert context["next_session"]["place"] == "Room 1"
    assert [s["id"] for s in context["to_sign"]] == [group[6].pk]  # the one the worker has not signed yet
    assert sum('FROM "supervision_supervisionsession"' in q["sql"] for q in queries.captured_queries) == 1
    others = dashboard.worker_panel_context(other)
    assert [s["id"] for s in others["to_sign"]] == [s.pk for s in sorted(group, key=lambda s: s.starts_at)[:5]]
    assert others["next_session"] is None


def test_team_numbers_table_and_csv(people, team, client_for):
    sup, worker = people["supervisor"], people["worker"]
    AgreementFactory(supervisor=sup, supervisee=worker, frequency=4, frequency_unit="weeks",
                     starts_on=timezone.localdate() - datetime.timedelta(days=365))
    s = SessionFactory(supervisor=sup, supervisees=[worker], starts_at=timezone.now() - datetime.timedelta(days=10))
    s.status = SessionStatus.SIGNED_OFF
    s.notes = {"x": "Private note text"}
    s.save()
    group = PeerGroupFactory(team=team, members=[worker, people["other_worker"]])
    PeerSessionFactory(group=group, attendees=[worker, people["other_worker"]], format=PeerFormat.REFLECTIVE_TEAM,
                       length_minutes=90, guests=[{"role": "Nurse", "organisation": "NHS"}])
    numbers = services.team_numbers(team, timezone.localdate() - datetime.timedelta(days=90), timezone.localdate())
    one = numbers["supervision"][0]
    assert one["held"] == 1 and one["signed_off"] == 1 and one["due"] in (3, 4)
    reflective = next(r for r in numbers["peer"] if r["format"] == "Reflective team")
    assert reflective == {"format": "Reflective team", "sessions": 1, "attendances": 2, "guests": 1, "hours": 1.5, "person_hours": 4.5}
    c = client_for(people["practice_lead"])
    page = c.get(reverse("supervision:team-numbers")).content.decode()
    assert "Reflective team" in page and "Private note text" not in page and "Bar chart" in page
    r = c.get(reverse("supervision:team-numbers-csv"))
    rows = list(csv.reader(io.StringIO(r.content.decode())))
    assert ["Reflective team", "1", "2", "1", "1.5", "4.5"] in rows
    assert r["Content-Type"].startswith("text/csv")
    bad = c.get(reverse("supervision:team-numbers"), {"team": team.pk, "start": "2025-05-01", "end": "2025-01-01"})
    assert bad.status_code == 400 and "The end date must be on or after the start date" in bad.content.decode()


def test_lead_dashboard_panel_has_chart(people, team):
    count, panels = panel_queries(people["practice_lead"])
    lead_panel = next(p for p in panels if p.template == "supervision/panel_lead.html")
    assert lead_panel.wide and lead_panel.context["chart"]
