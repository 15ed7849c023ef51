"""The shared cache on the database (core.cache): what every process sees, at one statement a write."""

import threading

import pytest
from django.core.cache import cache, caches
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from core import cache as shared_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_site_uses_the_one_statement_cache_by_default():
    assert isinstance(caches["default"], shared_cache.DatabaseCache)


def test_set_and_add_keep_what_they_are_given_in_one_statement(monkeypatch):
    monkeypatch.setattr(shared_cache, "_last_cull", {cache._table: float("inf")})  # no cull due
    with CaptureQueriesContext(connection) as writes:
        cache.set("limit", [1.0, 2.0], 60)
        assert cache.add("lock", True, 10)
    assert len(writes) == 2
    assert cache.get("limit") == [1.0, 2.0] and cache.get("lock") is True
    cache.set("limit", [3.0], 60)
    assert cache.get("limit") == [3.0]


def test_add_refuses_a_live_key_and_takes_an_expired_one():
    assert cache.add("lock", "first", 10)
    assert not cache.add("lock", "second", 10)
    assert cache.get("lock") == "first"
    cache.set("lock", "ran out", -1)  # already expired: as a lock whose holder died
    assert cache.add("lock", "third", 10)
    assert cache.get("lock") == "third"


def test_entries_over_the_limit_are_culled_now_and_then(monkeypatch):
    monkeypatch.setattr(caches["default"], "_max_entries", 3)
    for n in range(6):
        cache.set(f"old-{n}", n, -1)  # expired entries: the next cull removes them
    monkeypatch.setattr(shared_cache, "_last_cull", {})  # a minute has passed since the last cull
    cache.set("kept", 1, 60)
    assert cache.get("kept") == 1
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {cache._table}")
        assert cursor.fetchone()[0] <= 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_only_one_of_several_processes_takes_a_lock():
    """Each thread has its own connection, as each gunicorn worker does: one add wins."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    winners, start = [], threading.Barrier(6)

    def take():
        try:
            start.wait()
            if cache.add("sign-in lock", threading.get_ident(), 10):
                winners.append(1)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1
