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
            down = time.monotonic()
            cluster.stop()  # PostgreSQL restarted for patching: down for a few seconds
            time.sleep(4)
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
    before = [a for a in answers if a[1] < down]
    during = [a for a in answers if a[0] > down + 0.5 and a[1] < up]
    after = [a for a in answers if a[0] > up + 1]
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
