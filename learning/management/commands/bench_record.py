"""Benchmark the development record: fill a worker's record with N entries, then time the page
(full request cycle through the test client) and the PDF export of the current registration year."""

import datetime
import json
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning import content
from learning.models import EntryKind, FrameworkStatement, RecordEntry, registration_year_start
from learning.pdf import render_portfolio
from people.models import User

BENCH_EMAIL = "bench.record@example.org"


def fill(owner, n):
    """Replace owner's entries with n entries spread over the last four registration years."""
    RecordEntry.objects.filter(owner=owner).delete()
    today = timezone.localdate()
    kinds = [EntryKind.REFLECTIVE_LOG, EntryKind.COURSE, EntryKind.READING, EntryKind.SUPERVISION,
             EntryKind.PEER_SESSION, EntryKind.CONFERENCE]
    entries = [
        RecordEntry(
            owner=owner, source="bench", source_key=str(i), kind=kinds[i % len(kinds)],
            title=f"Benchmark entry {i}: learning from practice", occurred_on=today - datetime.timedelta(days=(i * 1461) // max(n, 1)),
            hours=1 + i % 4, summary="A short summary of what was learnt and how it changed practice. " * 3,
            counts_as_cpd=i % 2 == 0, includes_peer_reflection=i % 5 == 0,
            cpd_details=[{"heading": "What you learnt", "text": "Something useful. " * 20}] if i % 2 == 0 else [],
        )
        for i in range(n)
    ]
    RecordEntry.objects.bulk_create(entries, batch_size=500)
    statements = list(FrameworkStatement.objects.values_list("pk", flat=True))
    if statements:
        through = RecordEntry.statements.through
        ids = RecordEntry.objects.filter(owner=owner).values_list("pk", flat=True)
        through.objects.bulk_create(
            [through(recordentry_id=pk, frameworkstatement_id=statements[pk % len(statements)]) for pk in ids],
            batch_size=1000,
        )


class Command(BaseCommand):
    help = "Time the development record page and PDF export for a worker with N entries."

    def add_arguments(self, parser):
        parser.add_argument("--entries", type=int, default=2000)
        parser.add_argument("--requests", type=int, default=30)
        parser.add_argument("--pdf-runs", type=int, default=1)

    def handle(self, *args, **options):
        n = options["entries"]
        content.load_all()
        owner, _ = User.objects.get_or_create(email=BENCH_EMAIL, defaults={"first_name": "Bench", "last_name": "Worker"})
        fill(owner, n)
        client = Client()
        client.force_login(owner)
        url = reverse("learning:record")
        client.get(url)  # warm up templates and caches
        timings = []
        for _ in range(options["requests"]):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
        year = registration_year_start(timezone.localdate())
        pdf_times = []
        for _ in range(options["pdf_runs"]):
            start = time.perf_counter()
            pdf = render_portfolio(owner, year)
            pdf_times.append(time.perf_counter() - start)
        year_entries = RecordEntry.objects.filter(owner=owner, occurred_on__gte=datetime.date(year, 12, 1)).count()
        self.stdout.write(f"Record page, {len(timings)} requests: p50 {statistics.median(timings):.1f} ms, "
                          f"p95 {p95:.1f} ms, {len(queries)} queries")
        self.stdout.write(f"PDF of the current registration year ({year_entries} entries, {len(pdf)} bytes): "
                          f"{min(pdf_times):.2f} s")
        self.stdout.write(json.dumps({
            "entries": n,
            "page_p50_ms": round(statistics.median(timings), 1),
            "page_p95_ms": round(p95, 1),
            "page_queries": len(queries),
            "pdf_seconds": round(min(pdf_times), 2),
        }))
