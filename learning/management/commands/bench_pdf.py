"""Time the CPD portfolio PDF of one registration year for a worker with N entries on their record.

    manage.py bench_pdf --entries 60 --years 1     # a realistic worker's year: 60 entries
    manage.py bench_pdf --entries 2000             # a long record: 500 of them in the year

Prints one JSON line: the median and p95 seconds of the render (and its CPU time), pages and bytes. The entries are
spread evenly over `--years` registration years ending with the last complete one, so a quarter of
them fall in the benchmarked year by default. Half count as CPD with the four written parts of
Social Work England's form, as a completed reflective log gives them.
"""

import datetime
import io
import json
import statistics
import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from learning import content
from learning.models import (
    EntryKind,
    FrameworkStatement,
    RecordEntry,
    registration_year_bounds,
    registration_year_start,
)
from learning.pdf import render_portfolio
from people.models import User

BENCH_EMAIL = "bench.pdf@example.org"
# About 30 words; a CPD record gets about 130 in its four parts, a summary about 30.
WORDS = ("I met the person at home with their sister and we talked about what a good week looks like, "
         "what worries them about the move and which option to try first. ")


def fill(owner, n, last_year, years):
    """Replace owner's entries with n entries spread over `years` registration years ending with last_year."""
    RecordEntry.objects.filter(owner=owner).delete()
    first_day = registration_year_bounds(last_year - years + 1)[0]
    span = (registration_year_bounds(last_year)[1] - first_day).days
    kinds = [EntryKind.REFLECTIVE_LOG, EntryKind.COURSE, EntryKind.READING, EntryKind.SUPERVISION,
             EntryKind.PEER_SESSION, EntryKind.CONFERENCE]
    parts = [("description", "Description of the activity and why it was relevant to your practice", 1),
             ("learning", "What you learnt", 2), ("impact", "The impact on your practice and on the people you work with", 1),
             ("peer_reflection", "Peer reflection", 1)]
    RecordEntry.objects.bulk_create([
        RecordEntry(
            owner=owner, source="bench", source_key=str(i), kind=kinds[i % len(kinds)],
            title=f"Supporting a move home: what I learnt from visit {i}",
            occurred_on=first_day + datetime.timedelta(days=(i * span) // max(n, 1)),
            hours=1 + i % 4, summary=WORDS, counts_as_cpd=i % 2 == 0, includes_peer_reflection=i % 4 == 0,
            cpd_details=[{"key": key, "heading": heading, "text": WORDS * size} for key, heading, size in parts]
            if i % 2 == 0 else [],
        )
        for i in range(n)
    ], batch_size=500)
    statements = list(FrameworkStatement.objects.values_list("pk", flat=True))
    if statements:
        through = RecordEntry.statements.through
        ids = RecordEntry.objects.filter(owner=owner).values_list("pk", flat=True)
        through.objects.bulk_create(
            [through(recordentry_id=pk, frameworkstatement_id=statements[(pk + k * 7) % len(statements)])
             for pk in ids for k in range(2)],
            batch_size=1000, ignore_conflicts=True,
        )


class Command(BaseCommand):
    help = "Time the CPD portfolio PDF of a registration year for a worker with N entries (one JSON line)."

    def add_arguments(self, parser):
        parser.add_argument("--entries", type=int, default=2000, help="entries on the record (default 2000)")
        parser.add_argument("--years", type=int, default=4, help="registration years they span (default 4)")
        parser.add_argument("--runs", type=int, default=5, help="renders to time (default 5)")

    def handle(self, *args, **options):
        from pypdf import PdfReader

        content.load_all()
        year = registration_year_start(timezone.localdate()) - 1  # the last complete registration year
        owner, _ = User.objects.get_or_create(email=BENCH_EMAIL, defaults={"first_name": "Bench", "last_name": "Worker"})
        fill(owner, options["entries"], year, max(1, options["years"]))
        render_portfolio(owner, year)  # warm up: templates, fonts
        timings, cpu = [], []
        for _ in range(max(1, options["runs"])):
            start, start_cpu = time.perf_counter(), time.process_time()
            pdf = render_portfolio(owner, year)
            timings.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
        self.stdout.write(json.dumps({
            "entries": options["entries"],
            "entries_in_year": RecordEntry.objects.filter(owner=owner, occurred_on__range=registration_year_bounds(year)).count(),
            "runs": len(timings),
            "median_seconds": round(statistics.median(timings), 3),
            "p95_seconds": round(p95, 3),
            # This process's own CPU time: steadier than the clock on a shared machine.
            "median_cpu_seconds": round(statistics.median(cpu), 3),
            "pages": len(PdfReader(io.BytesIO(pdf)).pages),
            "bytes": len(pdf),
        }))
