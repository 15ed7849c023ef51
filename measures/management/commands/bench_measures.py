"""Time the measures page for a large organisation: one JSON line with p50/p95 ms and queries."""

import json
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.bench import build
from people.models import Membership, Role, User


class Command(BaseCommand):
    help = "Build N workers with Y years of records (unless --reuse finds them) and time the measures page."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=2000)
        parser.add_argument("--years", type=int, default=3)
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument("--reuse", action="store_true", help="Use the benchmark team made by an earlier run.")

    def handle(self, *args, workers, years, runs, **options):
        team = None
        if options["reuse"]:
            from people.models import Team

            team = Team.objects.filter(name__startswith="Benchmark team").order_by("-pk").first()
        if team is None:
            started = time.perf_counter()
            team = build(workers, years)
            self.stderr.write(f"built {workers} people and {years} years of records in {time.perf_counter() - started:.0f} s")
        lead, _ = User.objects.get_or_create(email=f"bench-lead-{team.pk}@bench.invalid")
        Membership.objects.get_or_create(team=team, user=lead, role=Role.PRACTICE_LEAD)
        client = Client()
        client.force_login(lead)
        url = reverse("measures:index")
        query = {"team": team.pk}
        from measures.services import default_period

        start, end = default_period()
        query.update(start=start.isoformat(), end=end.isoformat())
        from measures import services

        def timed(cache_seconds, url=url, query=query):
            services.CACHE_SECONDS = cache_seconds
            client.get(url, query)  # warm up: templates, connection (and the cache, when on)
            timings = []
            for _ in range(runs):
                began = time.perf_counter()
                response = client.get(url, query)
                timings.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200, response.status_code
            with CaptureQueriesContext(connection) as queries:
                client.get(url, query)
            timings.sort()
            return round(statistics.median(timings), 1), round(timings[max(0, round(0.95 * len(timings)) - 1)], 1), len(queries)

        counted = timed(0)  # every request counts afresh
        reused = timed(600)  # the page asked again within the cache's time (then its CSV, its PDF)
        # A small page of the same site in the same minute, to read the figures against the machine's load.
        baseline = timed(600, url=reverse("people:my-account"), query={})
        result = {
            "benchmark": "measures", "workers": team.memberships.count(), "years": years, "runs": runs,
            "database": connection.vendor, "p50_ms": counted[0], "p95_ms": counted[1], "queries": counted[2],
            "cached_p50_ms": reused[0], "cached_p95_ms": reused[1], "cached_queries": reused[2],
            "account_page_p50_ms": baseline[0], "account_page_p95_ms": baseline[1],
        }
        self.stdout.write(json.dumps(result))
