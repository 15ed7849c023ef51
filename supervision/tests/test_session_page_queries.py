"""A session's page asks the database the same number of questions however full the session is,
and opening it writes one access log line and nothing else."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ReferenceIndex

from people.tests.factories import SupervisionRelationshipFactory, UserFactory
from supervision import services
from supervision.models import AccessLogEntry
from supervision.tests.factories import ActionFactory, SessionFactory


def _opened(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_the_session_page_costs_the_same_queries_with_more_in_it(people, client_for):
    supervisor, worker = people["supervisor"], people["worker"]
    others = [UserFactory() for _ in range(3)]
    for person in others:
        SupervisionRelationshipFactory(supervisor=supervisor, supervisee=person)
    session = SessionFactory(supervisor=supervisor, supervisees=[worker])
    url = reverse("supervision:session-detail", args=[session.pk])
    clients = {"supervisor": client_for(supervisor), "worker": client_for(worker)}
    for c in clients.values():
        c.get(url)  # the first request of a session does one-off work
    small = {who: _opened(c, url) for who, c in clients.items()}

    for person in others:
        session.participants.create(user=person)
    for i in range(8):
        services.add_agenda_item(session, worker, f"Item {i}")
        services.add_case_discussion(session, supervisor, case_reference=f"AB{i}", presenting_situation="A situation")
        ActionFactory(session=session, owner=worker)
        ActionFactory(session=SessionFactory(supervisor=supervisor, supervisees=[worker]), owner=worker)
    assert {who: _opened(c, url) for who, c in clients.items()} == small


def test_opening_a_session_writes_one_access_log_line_and_nothing_for_the_reference_index(people, client_for):
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    c = client_for(people["worker"])
    url = reverse("supervision:session-detail", args=[session.pk])
    c.get(url)
    logged, referenced = AccessLogEntry.objects.count(), ReferenceIndex.objects.count()
    c.get(url)
    assert AccessLogEntry.objects.count() == logged + 1
    assert ReferenceIndex.objects.count() == referenced
    assert not ReferenceIndex.model_is_indexable(AccessLogEntry)  # no task queued per opening
