"""`manage.py profile_pages`: what each page of the load mix costs, per demo role, without load.

For each demo person who signs in without a second factor, it asks for the pages of
`core/loadtest/workload.py`'s mix through Django's test client (the whole middleware stack, DEBUG
off as in production) and prints, per page and role, the median CPU milliseconds of this process
(Python, templates and the database driver; PostgreSQL's own time is not counted) and the number of
queries. The last line is JSON with the mix's mean CPU ms per request, weighted as the workload
weighs its tasks: the figure `bench_load` divides the cores by. `--cprofile` adds the functions
that cost most, page by page. `--fixed` adds what every request pays whatever the page: an empty
page on the site's layout (middleware, session, person, roles, navigation) through the same stack,
reported as `fixed_cpu_ms`. Run it against a seeded database (`bench_load` seeds one, or
`seed_demo`); the autosave it measures writes to the signed-in person's own first log.
"""

import cProfile
import io
import json
import pstats
import re
import statistics
import time
from types import ModuleType

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.shortcuts import render
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import path

from core.demo import DEMO_PEOPLE
from people.models import Role, User

# The mix of core/loadtest/workload.py: (name, weight). Kept beside it by name; the workload module
# cannot be imported here (locust patches the standard library with gevent when it loads).
MIX = [
    ("dashboard", 3), ("development record", 2), ("logs", 1), ("log (edit)", 1), ("autosave", 3), ("log", 1),
    ("directory search", 3), ("ORUK API search", 2), ("supervision", 1), ("supervision session", 2),
]  # fmt: skip


class Command(BaseCommand):
    help = "CPU ms and queries per page of the load mix, per demo role; one JSON line at the end."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5, help="Timed requests per page and person (the median is shown).")
        parser.add_argument("--page", action="append", default=[], help="Only this page of the mix (repeatable).")
        parser.add_argument("--person", action="append", default=[], help="Only this demo email (repeatable).")
        parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="Print the N costliest functions per page.")
        parser.add_argument("--sql", action="store_true", help="Print each page's queries once.")
        parser.add_argument("--fixed", action="store_true", help="Also an empty page on the site's layout: the cost every request pays.")

    def handle(self, *args, **options):
        if options["repeat"] < 1:
            raise CommandError("--repeat must be at least 1")
        names = [name for name, _weight in MIX]
        for page in options["page"]:
            if page not in names:
                raise CommandError(f"No page {page!r} in the mix: {', '.join(names)}")
        emails = options["person"] or [email for email, _f, _l, role, _j in DEMO_PEOPLE if role != Role.ADMINISTRATOR]
        people = {u.email: u for u in User.objects.filter(email__in=emails)}
        if len(people) != len(emails):
            raise CommandError("The demo people are missing: run `manage.py seed_demo` (or bench_load) first")
        pages = [*(options["page"] or names), *([FIXED] if options["fixed"] else [])]
        rows = []
        with override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"], ROOT_URLCONF=_with_empty_page()):
            for email in emails:
                rows.extend(self.profile_person(people[email], pages, options))
        self.report(rows, options)

    def profile_person(self, user, pages, options):
        client = Client()
        client.force_login(user)
        requests = _requests_for(client)
        rows = []
        for name in pages:
            ask = requests.get(name)
            if ask is None:
                continue  # this person has no log or session to open
            ask()  # the first visit fills per-process caches; it is not what a busy site pays
            with CaptureQueriesContext(connection) as captured:
                response = ask()
            queries = list(captured.captured_queries)  # read now: the next request empties the log
            if response.status_code != 200:
                raise CommandError(f"{name} for {user.email} answered HTTP {response.status_code}")
            if options["sql"]:
                self.stdout.write(f"--- {name} as {user.email}: {len(queries)} queries")
                for query in queries:
                    self.stdout.write(f"  {query['sql'][:300]}")
            cpu = []
            for _ in range(options["repeat"]):
                started = time.thread_time()
                ask()
                cpu.append((time.thread_time() - started) * 1000)
            profile = None
            if options["cprofile"]:
                profile = cProfile.Profile(time.thread_time)  # CPU time: waiting for PostgreSQL is not cost here
                profile.runcall(ask)
            rows.append({"page": name, "person": user.email, "cpu_ms": statistics.median(cpu),
                         "queries": len(queries), "profile": profile})
        return rows

    def report(self, rows, options):
        weights = dict(MIX)
        self.stdout.write(f"{'page':<22} {'person':<26} {'CPU ms':>7} {'queries':>7}")
        for row in rows:
            self.stdout.write(f"{row['page']:<22} {row['person']:<26} {row['cpu_ms']:>7.1f} {row['queries']:>7}")
        by_page = {}
        for row in rows:
            by_page.setdefault(row["page"], []).append(row)
        summary = {
            name: {"cpu_ms": round(statistics.mean(r["cpu_ms"] for r in found), 1),
                   "queries_max": max(r["queries"] for r in found)}
            for name, found in by_page.items()
        }
        fixed = summary.pop(FIXED, None)
        weight = sum(weights[name] for name in summary)
        mix_ms = sum(weights[name] * figures["cpu_ms"] for name, figures in summary.items()) / weight if weight else 0
        if options["cprofile"]:
            for name, found in by_page.items():
                stats = pstats.Stats(found[0]["profile"], stream=(out := io.StringIO()))
                for row in found[1:]:
                    stats.add(row["profile"])
                stats.sort_stats("cumulative").print_stats(options["cprofile"])
                self.stdout.write(f"=== {name} (all people, one request each)\n{out.getvalue()}")
        figures = {"mix_cpu_ms": round(mix_ms, 1), "pages": summary}
        if fixed:
            figures.update(fixed_cpu_ms=fixed["cpu_ms"], fixed_queries=fixed["queries_max"])
        self.stdout.write(json.dumps(figures))


FIXED = "fixed cost"
EMPTY_PAGE = "/profile-pages/empty/"


def _empty_page(request):
    return render(request, "base.html", {})


def _with_empty_page():
    """The site's URLs and an empty page on its layout, for this command only (never served)."""
    from django.urls import get_resolver

    urls = ModuleType("profile_pages_urls")  # a URLconf may be a module object; the resolver keeps it by identity
    urls.urlpatterns = [path(EMPTY_PAGE.strip("/") + "/", _empty_page), *get_resolver().url_patterns]
    return urls


def _requests_for(client):
    """The mix's requests for one signed-in person, as callables; found through the pages, as locust does."""
    requests = {
        FIXED: lambda: client.get(EMPTY_PAGE),
        "dashboard": lambda: client.get("/"),
        "development record": lambda: client.get("/learning/record/"),
        "logs": lambda: client.get("/learning/logs/"),
        "directory search": lambda: client.get("/directory/", {"q": "short breaks"}),
        "ORUK API search": lambda: client.get("/api/oruk/services", {"text": "carers", "per_page": 10}),
        "supervision": lambda: client.get("/supervision/"),
    }
    logs = re.findall(r'href="(/learning/logs/\d+/)"', client.get("/learning/logs/").text)
    if logs:
        log = logs[0]
        requests["log"] = lambda: client.get(log)
        requests["log (edit)"] = lambda: client.get(log + "edit/")
        fields = re.findall(r'name="(answer_[\w-]+)"', client.get(log + "edit/").text)
        text = "What went well, what I would do differently, and what I learnt. " * 4

        draft = {"title": "A reflection on a home visit", **({fields[0]: text} if fields else {})}
        requests["autosave"] = lambda: client.post(log + "autosave/", draft)
    sessions = re.findall(r'href="(/supervision/sessions/\d+/)"', client.get("/supervision/").text)
    if sessions:
        requests["supervision session"] = lambda: client.get(sessions[0])
    return requests
