"""Several app processes, one truth: two gunicorn servers (two workers each) sharing PostgreSQL
and the cache behave as one site, whichever of them answers a request.

Requests alternate between the two servers, as a round-robin load balancer would send them.
Search points at a stand-in Elasticsearch that accepts connections and hangs up (an outage), and
counts how often it is asked.

Every test runs twice, once per shared cache a council may choose: the database cache (the
default) and Redis (`CACHE_URL=redis://...`). Redis is REDIS_URL when set (a database these tests
may empty), else a redis-server of the tests' own on a free loopback port; without either the
Redis case skips (fails under REQUIRE_SERVICES=1).
"""

import os
import re
import shutil
import socket
import subprocess
import threading
import time

import environ
import pytest
import requests
from django.core.cache import cache
from django.db import connection

from conftest import require_service
from core import serving
from people.models import Role
from people.tests.factories import TEST_PASSWORD, make_person

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


class HangingUpSearchEngine:
    """Listens on loopback, hangs up on every connection and counts them."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.connections = 0
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self):
        self.sock.close()


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="module")
def search_engine():
    engine = HangingUpSearchEngine()
    yield engine
    engine.close()


def start_redis(folder):
    """A redis-server of our own on a free loopback port, keeping nothing on disk."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    return process, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail("redis-server did not answer within 20 s")


@pytest.fixture(scope="module", params=["database", "redis"])
def cache_url(request, tmp_path_factory):
    """The CACHE_URL both servers (and this test process) share."""
    if request.param == "database":
        yield "dbcache://pc_cache"
        return
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    require_service("Redis", shutil.which("redis-server"), "no REDIS_URL and no redis-server on PATH (Debian: redis-server)")
    process, url = start_redis(tmp_path_factory.mktemp("redis"))
    try:
        yield url
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def servers(django_db_setup, tmp_path_factory, search_engine, cache_url):
    """Started once for the module and cache (starting gunicorn takes a while on a busy machine)."""
    require_service("PostgreSQL", connection.vendor == "postgresql", "DATABASE_URL is not a postgres:// URL")
    logs = tmp_path_factory.mktemp("gunicorn")
    env = {
        "DATABASE_URL": database_url(),
        "ELASTICSEARCH_URL": search_engine.url,
        "ELASTICSEARCH_INDEX_PREFIX": "pc-two-servers",
        "CACHE_URL": cache_url,
    }
    servers = []
    try:
        for name in ("a", "b"):
            servers.append(
                serving.start(env=env, log_path=logs / f"gunicorn-{name}.log", workers=2, threads=2, settings_module="practice_commons.settings.test")
            )
        yield servers
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def two_servers(servers, cache_url, settings):
    # This process shares the servers' cache too: the test clears it and sees what they keep.
    settings.CACHES = {"default": environ.Env.cache_url_config(cache_url)}
    cache.clear()  # the cache outlives each test's rows: no limits or outages left over
    return servers


class RoundRobin:
    """One browser (one cookie jar) whose requests go to each server in turn."""

    def __init__(self, servers):
        self.servers = servers
        self.turn = 0
        self.http = requests.Session()

    def next_url(self, path):
        server = self.servers[self.turn % len(self.servers)]
        self.turn += 1
        return server.url + path

    def get(self, path, **kwargs):
        return self.http.get(self.next_url(path), timeout=30, allow_redirects=False, **kwargs)

    def post_form(self, path, data):
        """GET the form from one server, POST it to the next (the CSRF token travels with the cookie)."""
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return self.http.post(self.next_url(path), data={**data, "csrfmiddlewaretoken": token}, timeout=30, allow_redirects=False)


def sign_in(browser, email, password=TEST_PASSWORD):
    return browser.post_form("/accounts/login/", {"login": email, "password": password})


def test_a_session_started_on_one_process_is_known_and_ended_on_every_process(two_servers):
    make_person(Role.WORKER, email="wendy@example.org")
    browser = RoundRobin(two_servers)

    assert sign_in(browser, "wendy@example.org").status_code == 302
    for _ in range(4):  # each server twice
        assert browser.get("/learning/").status_code == 200

    assert browser.post_form("/accounts/logout/", {}).status_code == 302
    for _ in range(2):
        answer = browser.get("/learning/")
        assert answer.status_code == 302 and "/accounts/login/" in answer.headers["Location"]


def test_failed_sign_ins_are_counted_across_processes(two_servers):
    make_person(Role.WORKER, email="target@example.org")
    browser = RoundRobin(two_servers)

    for _ in range(5):  # the limit: 5 failures in 5 minutes for one account, spread over both servers
        answer = sign_in(browser, "target@example.org", "not-the-password")
        assert answer.status_code == 200 and "Too many failed" not in answer.text

    answer = sign_in(browser, "target@example.org")  # even the right password, on either server
    assert answer.status_code == 200 and "Too many failed login attempts" in answer.text

    cache.clear()  # the counts live in the one cache this process shares: emptying it lifts the limit
    assert sign_in(browser, "target@example.org").status_code == 302


def test_the_glossary_and_the_search_outage_are_the_same_on_every_process(two_servers, search_engine):
    from search.engine.models import GlossaryTerm

    make_person(Role.WORKER, email="wendy@example.org")
    term = GlossaryTerm.objects.create(term="CAMHS", expansions="child and adolescent mental health services")
    browser = RoundRobin(two_servers)
    assert sign_in(browser, "wendy@example.org").status_code == 302

    first = browser.get("/directory/?q=CAMHS")
    assert first.status_code == 200 and "fallback mode" in first.text
    asked = search_engine.connections
    assert asked >= 1

    for _ in range(6):  # the other server, and every worker of both, already know search is down
        page = browser.get("/directory/?q=CAMHS")
        assert page.status_code == 200 and "fallback mode" in page.text
        assert "child and adolescent mental health services" in page.text
    assert search_engine.connections == asked

    term.expansions = "children and young people's mental health services"
    term.save()
    for _ in range(2):  # a glossary edit reaches both servers at once
        page = browser.get("/directory/?q=CAMHS")
        assert "children and young people&#x27;s mental health services" in page.text or "children and young people's mental health services" in page.text
