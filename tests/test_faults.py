"""Faults a council's service meets, against the real processes: PostgreSQL restarted under load,
and Elasticsearch going away during edits (with the real worker draining what waited).

(The worker killed mid-task is in tests/test_worker.py.)
"""

import re
import threading
import time
import uuid

import psycopg
import pytest
import requests
from django.db import connection

from conftest import require_service
from core import serving
from people.models import Role
from people.tests.factories import TEST_PASSWORD, make_person
from tests.private_postgres import PrivatePostgres

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SERVICE_ERROR = "Sorry, there is a problem with the service"


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def on_postgres():
    require_service("PostgreSQL", connection.vendor == "postgresql", "DATABASE_URL does not point at PostgreSQL")


def signed_in(base_url, email):
    http = requests.Session()
    page = http.get(f"{base_url}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    answer = http.post(f"{base_url}/accounts/login/", data={"login": email, "password": TEST_PASSWORD,
                       "csrfmiddlewaretoken": token}, timeout=30, allow_redirects=False)
    assert answer.status_code == 302, answer.text[:500]
    form = http.get(f"{base_url}/learning/record/add/", timeout=30)
    http.form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    return http


class Load:
    """A few people using the site at once: reading their record and their logs, and adding
    learning to their record (a form save: an entry and its framework statements in one go)."""

    def __init__(self, base_url, sessions, statement_ids):
        self.base_url = base_url
        self.sessions = sessions
        self.statement_ids = statement_ids
        self.answers = []  # (started, finished, what, status, body or error, title)
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._use, args=(http, n), daemon=True) for n, http in enumerate(sessions)]

    def _use(self, http, n):
        step = 0
        while not self.stopping.is_set():
            step += 1
            title = ""
            started = time.monotonic()
            try:
                if step % 3 == 0:
                    title = f"Fault drill course {n}-{step}-{uuid.uuid4().hex[:6]}"
                    what = "save"
                    answer = http.post(f"{self.base_url}/learning/record/add/", timeout=30, allow_redirects=False, data={
                        "csrfmiddlewaretoken": http.form_token, "kind": "course", "title": title,
                        "occurred_on": "2026-11-02", "hours": "3", "summary": "Learnt about the restart drill.",
                        "statements": self.statement_ids,
                    })
                else:
                    what = "/learning/record/" if step % 3 == 1 else "/learning/logs/"
                    answer = http.get(f"{self.base_url}{what}", timeout=30, allow_redirects=False)
                self.answers.append((started, time.monotonic(), what, answer.status_code, answer.text, title))
            except requests.RequestException as error:  # the site itself did not answer
                self.answers.append((started, time.monotonic(), what, None, repr(error), title))
            time.sleep(0.05)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)


def test_postgresql_restarted_under_load_fails_cleanly_and_recovers_without_restarting_the_site(on_postgres, tmp_path):
    from learning import content
    from learning.models import FrameworkStatement, RecordEntry

    content.load_all()
    statement_ids = [str(pk) for pk in FrameworkStatement.objects.filter(
        domain__framework__is_active=True).order_by("pk").values_list("pk", flat=True)[:2]]
    assert len(statement_ids) == 2
    emails = [f"fault.drill.{n}@example.org" for n in range(3)]
    for email in emails:
        make_person(Role.WORKER, email=email)

    # The site's database lives in a cluster of this test's own: restarting it touches nobody else.
    cluster = PrivatePostgres().create()
    server = None
    try:
        site_database = cluster.copy_database(database_url(), "site")
        server = serving.start(
            env={"DATABASE_URL": site_database, "ELASTICSEARCH_URL": "", "CACHE_URL": "dbcache://pc_cache"},
            log_path=tmp_path / "gunicorn.log", workers=2, threads=2, settings_module="practice_commons.settings.test",
        )
        gunicorn_pid = server.process.pid
        with Load(server.url, [signed_in(server.url, e) for e in emails], statement_ids) as load:
            time.sleep(4)
            stopping = time.monotonic()
            cluster.stop()  # PostgreSQL restarted for patching: down for a few seconds
            down = time.monotonic()  # a fast shutdown can take a while on a busy machine: the outage starts here
            time.sleep(4)
            restarting = time.monotonic()
            cluster.start()
            up = time.monotonic()
            time.sleep(8)
        assert server.process.poll() is None and server.process.pid == gunicorn_pid  # never restarted
        log = server.log_tail(80)

        with psycopg.connect(site_database, autocommit=True) as db:
            entries = dict(db.execute(
                f'SELECT e.title, count(s.*) FROM "{RecordEntry._meta.db_table}" e '
                f'LEFT JOIN "{RecordEntry.statements.through._meta.db_table}" s ON s.recordentry_id = e.id '
                "WHERE e.title LIKE 'Fault drill course %' GROUP BY e.title"
            ).fetchall())
    finally:
        if server:
            server.stop()
        cluster.destroy()

    answers = load.answers
    before = [a for a in answers if a[1] < stopping]
    # Started once PostgreSQL had gone, finished before it was asked to come back.
    during = [a for a in answers if a[0] > down and a[1] < restarting]
    after = [a for a in answers if a[0] > up + 1]
    first_ok = min((a[1] for a in answers if a[0] > up and a[3] in (200, 302)), default=None)
    print(f"PostgreSQL restart: {len(before)} answers before, {len(during)} during the outage, {len(after)} after; "
          f"first good answer {first_ok - up if first_ok else float('nan'):.2f} s after PostgreSQL was back")
    summary = f"{len(before)} before, {len(during)} during, {len(after)} after\n{log}"
    assert before and during and after, summary
    ok = {200, 302}

    assert all(a[3] in ok for a in before), [(a[2], a[3]) for a in before if a[3] not in ok]
    # During the outage: the service's own error page, never a traceback, a bare server error or a
    # sign-in page that would drop what was being saved.
    for _started, _finished, what, status, body, _title in during:
        assert status in (500, 503), (what, status, body[:300])
        assert SERVICE_ERROR in body and "Traceback" not in body, (what, status, body[:300])
    # After: the same processes serve again, by themselves.
    assert all(a[3] in ok for a in after), [(a[2], a[3], a[4][:200]) for a in after if a[3] not in ok]
    assert any(a[2] == "save" for a in after)

    # Nothing half-saved: every entry has both its statements, every confirmed save is there.
    assert all(count == 2 for count in entries.values()), entries
    confirmed = {a[5] for a in answers if a[2] == "save" and a[3] == 302}
    assert confirmed and confirmed <= set(entries), confirmed - set(entries)
    refused = {a[5] for a in answers if a[2] == "save" and a[3] != 302}
    assert refused, "no save was tried during the outage"


def test_elasticsearch_stopped_during_edits_search_falls_back_nothing_is_lost_and_the_worker_catches_up(
    on_postgres, people, client_for, settings, tmp_path
):
    import os
    from urllib.parse import urlsplit

    from django.db import transaction
    from django_tasks_db.models import DBTaskResult
    from elasticsearch import Elasticsearch

    from search.engine import es, indexing
    from search.engine.models import PendingIndexUpdate
    from search.tests.factories import ServiceFactory
    from tests.stoppable_proxy import StoppableProxy
    from tests.test_worker import start_worker, stop, wait_for

    real = os.environ.get("ELASTICSEARCH_URL", "")
    try:
        Elasticsearch(real, request_timeout=70).cluster.health(wait_for_status="yellow", timeout="60s")
        available, reason = True, ""
    except Exception as error:  # noqa: BLE001 - any failure: not available
        available, reason = False, f"cannot reach {real!r}: {error}"
    require_service("Elasticsearch", available, reason)

    # The site and the worker reach the real node through a forwarder this test can stop.
    target = urlsplit(real)
    engine = StoppableProxy(target.hostname, target.port or 9200).start()
    prefix = f"pc-faults-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_URL = ""
    heron = ServiceFactory(name="Heron Lodge short breaks", description="Overnight short breaks for teenagers.")
    settings.ELASTICSEARCH_URL = engine.url
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    settings.ELASTICSEARCH_OUTAGE_SECONDS = 2
    settings.ELASTICSEARCH_TIMEOUT = 30  # building the index is set-up, on a busy machine
    es._clients.clear()
    es.breaker.reset()
    indexing.rebuild(log=lambda *args: None)
    settings.ELASTICSEARCH_TIMEOUT = 2  # pages: the product's own short timeout
    es._clients.clear()
    es.breaker.reset()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # edits queue work for the worker

    browser = client_for(people["worker"])
    worker = start_worker(tmp_path, extra_env={
        "ELASTICSEARCH_URL": engine.url, "ELASTICSEARCH_INDEX_PREFIX": prefix, "ELASTICSEARCH_OUTAGE_SECONDS": "2",
    })
    try:
        page = browser.get("/directory/", {"q": "Heron Lodge"})
        assert page.status_code == 200 and "fallback mode" not in page.content.decode()

        engine.stop()  # Elasticsearch goes away
        with transaction.atomic():  # an editor renames a service and adds one
            heron.name = "Kingfisher Lodge short breaks"
            heron.save()
            otter = ServiceFactory(name="Otter Holt family support", description="Support for families at home.")
        queued = DBTaskResult.objects.filter(task_path="search.engine.tasks.apply_index_updates")
        wait_for(lambda: queued.filter(status="SUCCESSFUL").exists(), 90, "the worker to try the update")
        assert queued.get().return_value["waiting"] == 2  # it could not apply them: they wait
        assert PendingIndexUpdate.objects.count() == 2

        for words in ("Kingfisher Lodge", "Otter Holt"):  # search answers from the database, edits included
            page = browser.get("/directory/", {"q": words})
            text = page.content.decode()
            assert page.status_code == 200 and "fallback mode" in text and words in text, words

        engine.start()  # it is back: the worker's scheduled drain applies what waited
        wait_for(lambda: not PendingIndexUpdate.objects.exists(), 150, "the worker to drain the waiting updates")
    finally:
        output = stop(worker)
        engine.stop()

    node = Elasticsearch(real, request_timeout=30)
    try:
        indexed = {hit["_id"]: hit["_source"]["name"] for hit in node.search(
            index=f"{prefix}-*", query={"match_all": {}}, size=10)["hits"]["hits"]}
        assert indexed == {str(heron.pk): "Kingfisher Lodge short breaks", str(otter.pk): "Otter Holt family support"}, output
    finally:
        node.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)
        es._clients.clear()
        es.breaker.reset()
