"""`manage.py bench_load` keeps working: its workload, run for a few seconds at a low rate against the
test server, signs in the nine demo people, writes a log, schedules a session and fails nothing."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from conftest import require_service


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_bench_load_runs_the_mixed_workload_without_errors(live_server):
    # SQLite's shared in-memory test database refuses the test server's threads at once ("table is locked").
    require_service("PostgreSQL", connection.vendor == "postgresql", "DATABASE_URL is not a postgres:// URL")
    call_command("seed_demo", stdout=StringIO())
    out = StringIO()
    # People arrive over 4 s: allauth's per-address sign-in limit holds a cache lock, and a sign-in
    # that waits more than a second for it is refused (429), as nine at once on a busy machine were.
    call_command("bench_load", url=live_server.url, seconds=3, rps=6, users=9, arrive_seconds=4, stdout=out)

    figures = json.loads(out.getvalue().strip().splitlines()[-1])
    assert figures["errors"] == 0, figures["failures"]
    assert figures["requests"] > 0 and figures["p95_ms"] is not None
    assert figures["signed_in"] == 9
    arrival = figures["arrival"]
    assert arrival["sign in"]["requests"] == 9
    assert arrival["autosave (first)"]["requests"] == 9  # each person started a log
    assert arrival["schedule a session"]["requests"] >= 1  # supervisors scheduled one
    assert {"rps", "p50_ms", "p99_ms", "offered_rps", "pages", "config"} <= figures.keys()
