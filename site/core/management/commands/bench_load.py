"""`manage.py bench_load --seconds 60 --rps 50`: the site under a mixed load, one JSON line out.

It starts gunicorn on loopback against this checkout's DATABASE_URL and ELASTICSEARCH_URL with
DEBUG off, seeds the demo into an empty database, and runs the workload of
`core/loadtest/workload.py` (locust, in a process of its own) with the nine demo people who sign in
without a second factor. On a 2-core machine locust shares the CPU with the site: its share is part
of what is measured.
"""

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core import serving
from core.demo import DEMO_PASSWORD, DEMO_PEOPLE
from people.models import Role, User


class Command(BaseCommand):
    help = "Run a mixed workload against the site under gunicorn at a constant rate; print one JSON line."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=60, help="How long the timed window lasts.")
        parser.add_argument("--rps", type=float, default=50, help="Requests per second offered.")
        parser.add_argument("--users", type=int, default=0, help="Simulated people (default: one per 2 requests/s, at least 9).")
        parser.add_argument("--arrive-seconds", type=float, default=10, help="People arrive and sign in over this long, before the window.")
        # One request at a time per process, 2 x cores + 1 processes: threads of one process take turns
        # on its interpreter lock, which on 2 cores put 2 x 4 threads' p95 at 380 ms against 160 ms.
        parser.add_argument("--workers", type=int, default=5, help="gunicorn worker processes.")
        parser.add_argument("--threads", type=int, default=1, help="Threads per gunicorn worker (more than 1: gthread).")
        parser.add_argument("--seed", action="store_true", help="Seed the demo even if the database has people (idempotent).")
        parser.add_argument("--url", default="", help="Load a site already running at this address instead of starting gunicorn.")

    def handle(self, *args, **options):
        if options["seconds"] <= 0 or options["rps"] <= 0:
            raise CommandError("--seconds and --rps must be above 0")
        if not options["url"]:
            self.prepare_database(force=options["seed"])
        emails = [email for email, _first, _last, role, _job in DEMO_PEOPLE if role != Role.ADMINISTRATOR]
        missing = set(emails) - set(User.objects.filter(email__in=emails).values_list("email", flat=True))
        if missing:
            raise CommandError(f"The demo people are missing ({', '.join(sorted(missing))}): run with --seed")
        config = {
            "workers": options["workers"], "threads": options["threads"],
            "database": connection.vendor,
            "search": "elasticsearch" if settings.ELASTICSEARCH_URL else "database",
            "cores": os.cpu_count(), "load_before": [round(x, 2) for x in os.getloadavg()],
        }
        with tempfile.TemporaryDirectory(prefix="bench-load-") as folder:
            folder = Path(folder)
            server = None
            url = options["url"].rstrip("/")
            if not url:
                config["server"] = "gunicorn"
                server = serving.start(
                    env={}, log_path=folder / "gunicorn.log", workers=options["workers"], threads=options["threads"],
                    settings_module=os.environ.get("DJANGO_SETTINGS_MODULE", "practice_commons.settings.dev"),
                )
                url = server.url
            figures = {}
            try:
                figures = self.run_workload(url, emails, options, folder)
            finally:
                if server:
                    server.stop()
                    if figures.get("errors", 1):
                        self.stderr.write(f"The server's log ends:\n{server.log_tail()}")
        config["load_after"] = [round(x, 2) for x in os.getloadavg()]
        figures["config"] = config
        self.stdout.write(json.dumps(figures))
        if figures["errors"]:
            raise CommandError(f"{figures['errors']} requests failed: {figures['failures']}")

    def prepare_database(self, force):
        """Migrate and seed the demo when the database has no people yet (or when asked)."""
        call_command("migrate", verbosity=0, interactive=False)
        call_command("createcachetable", verbosity=0)
        if force or not User.objects.exists():
            self.stderr.write("Seeding the demo data...")
            logging.disable(logging.INFO)  # Wagtail logs a line per page and directory revision
            try:
                call_command("seed_demo", stdout=StringIO())
                if settings.ELASTICSEARCH_URL:
                    call_command("directory_index", "--rebuild", stdout=StringIO())
            finally:
                logging.disable(logging.NOTSET)

    def run_workload(self, url, emails, options, folder):
        accounts = folder / "accounts.json"
        accounts.write_text(json.dumps({"password": DEMO_PASSWORD, "emails": emails}))
        root = Path(settings.REPO_ROOT)
        command = [
            sys.executable, "-m", "core.loadtest.workload", "--host", url, "--accounts", str(accounts),
            "--rps", str(options["rps"]), "--seconds", str(options["seconds"]), "--users", str(options["users"]),
            "--arrive-seconds", str(options["arrive_seconds"]),
        ]  # fmt: skip
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "site"), str(root)])}
        started = time.monotonic()
        result = subprocess.run(
            command, env=environment, cwd=root, capture_output=True, text=True,
            timeout=options["seconds"] + options["arrive_seconds"] + 300,
        )
        lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
        if result.returncode or not lines:
            raise CommandError(f"The load generator failed after {time.monotonic() - started:.0f} s:\n{result.stderr[-3000:]}")
        return json.loads(lines[-1])
