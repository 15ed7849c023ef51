"""The log pages ask the database the same number of questions however much a worker has written,
and the framework statements are read once per process, not once a page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning import services
from learning.models import FrameworkStatement
from learning.tests.factories import make_log
from people.tests.factories import TeamFactory


def _queries(client, url, method="get", **data):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data)
    assert response.status_code == 200, response.content[:500]
    return [q["sql"] for q in queries.captured_queries]


def _grow(log, worker, supervisor, statements, saves):
    """More statements, tags, sharing and saved versions on the log."""
    services.update_log(log, user=worker, statements=statements, tags=[f"tag {i}" for i in range(len(statements))])
    log.shared_supervisors.add(supervisor)
    log.shared_teams.add(TeamFactory())
    for i in range(saves):
        services.update_log(log, user=worker, changes={"title": f"Visit {i}"})


def test_a_log_and_the_list_of_logs_cost_the_same_queries_with_more_written(people, client_for):
    worker = people["worker"]
    c = client_for(worker)
    log = make_log(worker, complete=False)
    statements = list(FrameworkStatement.objects.all()[:12])
    services.update_log(log, user=worker, statements=statements[:1], tags=["court"])
    pages = [reverse("learning:log-list"), reverse("learning:log-detail", args=[log.pk]), reverse("learning:log-edit", args=[log.pk])]
    for url in pages:
        c.get(url)  # the first request of a session does one-off work
    small = {url: _queries(c, url) for url in pages}

    _grow(log, worker, people["supervisor"], statements, saves=10)
    for _ in range(10):
        make_log(worker, complete=False)
    large = {url: _queries(c, url) for url in pages}
    assert {url: len(q) for url, q in large.items()} == {url: len(q) for url, q in small.items()}


def test_autosave_stores_in_a_fixed_number_of_queries_and_keeps_one_rolling_version(people, client_for):
    worker = people["worker"]
    c = client_for(worker)
    log = make_log(worker, complete=False)
    url = reverse("learning:log-autosave", args=[log.pk])
    c.post(url, {"title": "First words"})
    versions = log.revisions.count()
    first = _queries(c, url, "post", title="More words", answer_description="What happened")
    _grow(log, worker, people["supervisor"], list(FrameworkStatement.objects.all()[:12]), saves=10)
    c.post(url, {"title": "First words again"})
    later = _queries(c, url, "post", title="Yet more words", answer_description="What happened next")
    assert len(later) == len(first) <= 11
    log.refresh_from_db()
    assert log.title == "Yet more words" and log.answers["description"] == "What happened next"
    assert log.revisions.count() == versions + 11 + 1  # the explicit saves, and one rolling autosave after them
    assert log.autosave_revision.content["title"] == "Yet more words"


def test_framework_statements_are_read_once_and_an_edit_shows_at_once(people, client_for):
    c = client_for(people["worker"])
    make_log(people["worker"], complete=False)
    url = reverse("learning:log-list")
    c.get(url)
    listed = [sql for sql in _queries(c, url) if 'FROM "learning_frameworkstatement"' in sql and "_statements" not in sql]
    assert listed == []
    statement = FrameworkStatement.objects.order_by("pk").first()
    statement.title = "Renamed in the admin"
    statement.save()
    assert "Renamed in the admin" in c.get(url).content.decode()
