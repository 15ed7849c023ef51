"""What an operator's load balancer and log shipper see: /healthz states and request-id'd JSON logs."""

import json
import logging

import pytest
from django.db import OperationalError

from core import logs, worker

CLOSED_PORT_URL = "http://127.0.0.1:9"  # nothing listens there


@pytest.fixture
def search_down(settings):
    from search.engine import es

    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    es.breaker.reset()
    es._clients.clear()
    yield
    es.breaker.reset()
    es._clients.clear()


def test_without_a_worker_or_search_the_site_is_degraded_not_failed(client, db, search_down):
    answer = client.get("/healthz")
    assert answer.status_code == 200  # pages still work: keep this process in the pool
    body = answer.json()
    assert body["status"] == "degraded"
    assert body["checks"]["worker"] == "no heartbeat"
    assert body["checks"]["search"].startswith("unavailable")
    assert body["checks"]["database"] == "ok"


def test_without_the_database_the_process_fails_its_health_check(client, db, monkeypatch):
    from core import health

    def database_down():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "_database", database_down)
    worker.beat("test-worker")
    answer = client.get("/healthz")
    assert answer.status_code == 503
    assert answer.json()["status"] == "failed"
    assert answer.json()["checks"]["database"] == "unavailable"


def test_each_response_carries_a_request_id_and_a_sane_one_from_the_balancer_is_kept(client, db):
    mine = client.get("/healthz")
    assert len(mine["X-Request-ID"]) == 32
    assert client.get("/healthz", HTTP_X_REQUEST_ID="lb-1234.abc")["X-Request-ID"] == "lb-1234.abc"
    # Anything else (a new line to forge log lines, an essay) is replaced.
    assert client.get("/healthz", HTTP_X_REQUEST_ID="x\\nlevel=ERROR")["X-Request-ID"] != "x\\nlevel=ERROR"


def test_json_logs_are_one_object_per_line_with_the_request_id():
    record = logging.LogRecord("search.engine", logging.WARNING, __file__, 1, "Service %s not indexed", ("42",), None)
    token = logs.request_id.set("abc123")
    try:
        logs.RequestIdFilter().filter(record)
    finally:
        logs.request_id.reset(token)
    line = logs.JsonFormatter().format(record)
    assert "\\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Service 42 not indexed"
    assert entry["request_id"] == "abc123"
    assert entry["level"] == "WARNING" and entry["logger"] == "search.engine"
