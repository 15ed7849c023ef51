"""Each role's "My practice" dashboard asks the database the same number of times however much each
person has (logs, record entries, sessions, actions, agreements, panel requests), within a budget.

The dashboard is the page people open most: every panel is a fixed handful of queries (a list and
its count in one, core.dashboard.first_and_count), and what several panels need (whom the person
supervises) is read once per request.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.tests.factories import add_entries, make_log
from panels.tests.factories import PanelFactory, submitted_request
from people.models import SecuritySettings
from supervision.models import SessionStatus
from supervision.tests.factories import ActionFactory, AgreementFactory, SessionFactory

# Queries for the whole page, signing in included (session, person, roles: 3), measured when this
# test was written; a new panel has to fit or raise its role's budget here, knowingly.
BUDGET = {"worker": 14, "supervisor": 22, "practice_lead": 20, "administrator": 18}


def grow(people, n):
    """n more of everything the panels list or count, for the worker, their supervisor and the lead."""
    worker, supervisor, lead = people["worker"], people["supervisor"], people["practice_lead"]
    panel = PanelFactory(chair=lead, members=[supervisor])
    AgreementFactory(supervisor=supervisor, supervisee=worker)
    add_entries(worker, n, start=timezone.localdate())
    for i in range(n):
        make_log(worker, title=f"Log {i}", share_with_all_supervisors=True)
        held = SessionFactory(supervisor=supervisor, supervisees=[worker],
                              starts_at=timezone.now() - datetime.timedelta(days=i + 1))
        held.status = SessionStatus.AWAITING_SIGN_OFF
        held.save(update_fields=["status"])
        ActionFactory(session=held, owner=worker)
        SessionFactory(supervisor=supervisor, supervisees=[worker], starts_at=timezone.now() + datetime.timedelta(days=i + 1))
        submitted_request(panel, worker, supervisor)


def dashboard_queries(client):
    client.get("/")  # the first visit may renew the session or fill per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_dashboard_queries_do_not_grow_with_the_data(site_pages, people, client_for):
    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.save()
    clients = {role: client_for(people[role]) for role in BUDGET}
    grow(people, 1)
    few = {role: dashboard_queries(client)[0] for role, client in clients.items()}
    grow(people, 6)
    many, pages = {}, {}
    for role, client in clients.items():
        many[role], pages[role] = dashboard_queries(client)
    assert many == few, "the dashboard's queries grew with the data"
    over = {role: n for role, n in many.items() if n > BUDGET[role]}
    assert not over, f"over the budget of {BUDGET}: {over}"
    # The lists stop at five; the counts beside them are of all seven rows.
    assert "Awaiting sign-off (7)" in pages["supervisor"] and "Open actions (7)" in pages["supervisor"]
    assert pages["supervisor"].count("Action ") == 5
    assert "Your open actions (7)" in pages["worker"]
    assert "Requests waiting to be scheduled (7)" in pages["practice_lead"]
    other = dashboard_queries(client_for(people["other_supervisor"]))[1]
    assert "Awaiting sign-off (0)" in other and "Open actions (0)" in other
