"""The mixed workload of `manage.py bench_load`, run by locust in a process of its own.

This module never imports Django: locust patches the standard library with gevent, and the load
generator must stay out of the site's processes. `bench_load` starts it as
`python -m core.loadtest.workload --host ... --accounts accounts.json ...` and reads the one JSON
line it prints.

Each simulated person signs in once (one of the demo accounts, in turn), finds a log to write and a
supervision session of theirs through the pages, as a browser would, and then asks for one page at a
time at a constant rate (locust's constant_throughput), chosen by weight: dashboards, the development
record, logs (writing and autosaving one), directory searches, the ORUK API and supervision. Sign-ins
are reported on their own: they happen while people arrive, before the timed window.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import random
import re
import sys
import time
from urllib.parse import urlencode, urlsplit

import gevent
from locust import FastHttpUser, constant_throughput, events, task
from locust.env import Environment

SEARCHES = ["carers", "short breaks", "advocacy", "transport", "mental capacity", "autism", "parent forum", "housing"]
ORUK_SEARCHES = ["carers", "advocacy", "short breaks", "day opportunities", "transport"]

_accounts: itertools.cycle | None = None
_password = ""
_per_user_rate = 1.0
_signed_in = 0


def _csrf(client) -> str:
    for cookie in client.cookiejar:
        if cookie.name == "csrftoken":
            return cookie.value
    return ""


class Practitioner(FastHttpUser):
    """One person of the demo team at work, with their own browser session."""

    def wait_time(self):
        return constant_throughput(_per_user_rate)(self)

    def on_start(self):
        global _signed_in
        self.email = next(_accounts)
        self.log_url = self.autosave_url = self.session_url = None
        self.version = None
        self.answer_field = None
        self.sign_in()
        self.find_a_log()
        self.find_a_session()
        _signed_in += 1

    def page(self, url, name, **kwargs):
        """GET a page that must answer 200 without sending us back to the sign-in page."""
        with self.client.get(url, name=name, catch_response=True, **kwargs) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif "/accounts/login/" in (response.url or ""):
                response.failure("sent to the sign-in page")
            return response

    def sign_in(self):
        self.client.get("/accounts/login/", name="sign in (form)")
        with self.client.post(
            "/accounts/login/", name="sign in",
            data={"login": self.email, "password": _password, "csrfmiddlewaretoken": _csrf(self.client)},
            headers={"Referer": self.host + "/accounts/login/"}, catch_response=True, allow_redirects=False,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in answered HTTP {response.status_code}, not a redirect")

    def find_a_log(self):
        """Choose the first reflective model on 'Write a reflection'; autosave stores the new log."""
        page = self.page("/learning/logs/new/", "write a reflection (choose)")
        templates = re.findall(r'name="template" type="radio" value="(\d+)"', page.text or "")
        if not templates:
            return
        with self.client.post(
            "/learning/logs/new/", name="write a reflection (form)", data={"template": templates[0], "csrfmiddlewaretoken": _csrf(self.client)},
            catch_response=True,
        ) as form:
            form_url = form.url or ""
            if form.status_code != 200 or "/learning/logs/new/" not in form_url:
                form.failure(f"HTTP {form.status_code} at {form_url}")
                return
            fields = re.findall(r'name="(answer_[\w-]+)"', form.text or "")
        self.answer_field = fields[0] if fields else None
        with self.client.post(
            urlsplit(form_url).path + "autosave/", name="autosave (first)", data=self.draft(),
            headers={"X-CSRFToken": _csrf(self.client)}, catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                return
            saved = response.json()
            self.log_url = saved["edit_url"].removesuffix("edit/")
            self.autosave_url = saved["autosave_url"]
            self.version = saved["version"]

    def find_a_session(self):
        """A supervisor with no session coming up schedules one with their supervisees for tomorrow."""
        page = self.page("/supervision/", "supervision")
        sessions = re.findall(r'href="(/supervision/sessions/\d+/)"', page.text or "")
        if sessions or 'href="/supervision/sessions/new/' not in (page.text or ""):
            self.session_url = sessions[0] if sessions else None
            return  # not a supervisor: their supervisor's session shows up later
        form = self.page("/supervision/sessions/new/", "schedule a session (form)")
        supervisees = re.findall(r'name="supervisees" value="(\d+)"', form.text or "")
        templates = re.findall(r'name="template" value="(\d+)"', form.text or "")
        if not (supervisees and templates):
            return
        tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
        form = {"supervisees": supervisees, "template": templates[0], "date": tomorrow, "time": "14:00",
                "length_minutes": "90", "place": "Load test room", "csrfmiddlewaretoken": _csrf(self.client)}
        with self.client.post(
            "/supervision/sessions/new/", name="schedule a session", catch_response=True,
            data=urlencode(form, doseq=True), headers={"Content-Type": "application/x-www-form-urlencoded"},
        ) as response:
            path = urlsplit(response.url or "").path
            if response.status_code != 200 or not re.fullmatch(r"/supervision/sessions/\d+/", path):
                response.failure(f"HTTP {response.status_code} at {path}: the session was not scheduled")
                return
            self.session_url = path

    def draft(self):
        data = {"title": f"Load test reflection {random.randint(1, 10_000)}"}
        if self.answer_field:
            data[self.answer_field] = "What went well, what I would do differently, and what I learnt. " * random.randint(1, 8)
        if self.version is not None:
            data["based_on"] = str(self.version)
        return data

    @task(3)
    def dashboard(self):
        self.page("/", "dashboard")

    @task(2)
    def record(self):
        self.page("/learning/record/", "development record")

    @task(1)
    def logs(self):
        self.page("/learning/logs/", "logs")

    @task(1)
    def log_edit(self):
        if self.log_url:
            self.page(self.log_url + "edit/", "log (edit)")
        else:
            self.dashboard()

    @task(3)
    def autosave(self):
        if not self.autosave_url:
            return self.logs()
        with self.client.post(
            self.autosave_url, name="autosave", data=self.draft(),
            headers={"X-CSRFToken": _csrf(self.client)}, catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            else:
                self.version = response.json()["version"]

    @task(1)
    def log_detail(self):
        if self.log_url:
            self.page(self.log_url, "log")
        else:
            self.logs()

    @task(3)
    def directory_search(self):
        self.page("/directory/", "directory search", params={"q": random.choice(SEARCHES)})

    @task(2)
    def oruk_api(self):
        self.page("/api/oruk/services", "ORUK API search", params={"text": random.choice(ORUK_SEARCHES), "per_page": 10})

    @task(1)
    def supervision(self):
        page = self.page("/supervision/", "supervision")
        sessions = re.findall(r'href="(/supervision/sessions/\d+/)"', page.text or "")
        if sessions and not self.session_url:
            self.session_url = sessions[0]

    @task(2)
    def supervision_session(self):
        if self.session_url:
            self.page(self.session_url, "supervision session")
        else:
            self.supervision()


def _ms(entry, fraction):
    return round(entry.get_response_time_percentile(fraction)) if entry.num_requests else None


def _summary(entries):
    """Figures per page name."""
    return {
        name: {"requests": e.num_requests, "errors": e.num_failures, "p50_ms": _ms(e, 0.5), "p95_ms": _ms(e, 0.95)}
        for (name, _method), e in sorted(entries.items())
        if e.num_requests
    }


def run(host, accounts, password, rps, seconds, users, arrive_seconds):
    global _accounts, _password, _per_user_rate
    _accounts, _password, _per_user_rate = itertools.cycle(accounts), password, rps / users
    environment = Environment(user_classes=[Practitioner], host=host, events=events)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=max(users / max(arrive_seconds, 0.1), 1))
    deadline = time.monotonic() + arrive_seconds + 120
    while _signed_in < users and time.monotonic() < deadline:
        gevent.sleep(0.1)
    arrival = _summary(environment.stats.entries)
    arrival_errors = environment.stats.total.num_failures
    failures = {f"{e.name}: {e.error}": e.occurrences for e in environment.stats.errors.values()}
    environment.stats.reset_all()
    started = time.monotonic()
    gevent.sleep(seconds)
    runner.quit()
    elapsed = time.monotonic() - started
    total = environment.stats.total
    for e in environment.stats.errors.values():
        failures[f"{e.name}: {e.error}"] = failures.get(f"{e.name}: {e.error}", 0) + e.occurrences
    return {
        "rps": round(total.num_requests / elapsed, 1),
        "requests": total.num_requests,
        "errors": total.num_failures + arrival_errors,
        "p50_ms": _ms(total, 0.5),
        "p95_ms": _ms(total, 0.95),
        "p99_ms": _ms(total, 0.99),
        "offered_rps": rps,
        "seconds": round(elapsed, 1),
        "users": users,
        "signed_in": _signed_in,
        "pages": _summary(environment.stats.entries),
        "arrival": arrival,
        "failures": failures,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", required=True)
    parser.add_argument("--accounts", required=True, help="A JSON file: {'password': ..., 'emails': [...]}")
    parser.add_argument("--rps", type=float, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=0, help="Simulated people (default: one per 2 requests/s, at least one per account)")
    parser.add_argument("--arrive-seconds", type=float, default=10, help="People arrive and sign in over this long")
    options = parser.parse_args(argv)
    with open(options.accounts) as f:
        accounts = json.load(f)
    users = options.users or max(len(accounts["emails"]), round(options.rps / 2))
    figures = run(options.host, accounts["emails"], accounts["password"], options.rps, options.seconds, users, options.arrive_seconds)
    sys.stdout.write(json.dumps(figures) + "\n")


if __name__ == "__main__":
    main()
