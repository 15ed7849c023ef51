"""Fuzzing every form and every GET/POST parameter: no input gives a 500, and what is saved reads back.

Each URL pattern of our apps has a row in ROUTES: who opens it and with which objects. The test
opens each page as that person, reads the forms on it (their action, method and fields, with the
values the page filled in) and then, one field at a time, sends hypothesis-generated values: dates
far in the past and future, huge, negative and non-numeric ids, NUL bytes, unmatched quotes,
unicode and 1 MB of text. Query parameters the views read directly (page, year, statement...) are
fuzzed on every GET page. Every answer must be something other than a 500 (the test client raises
any exception a view lets escape, so those fail too).

The fast run keeps max_examples small; `-m slow` runs the same walk with many more examples.
"""

import datetime
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import get_resolver
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tests.test_url_access import walk

pytestmark = pytest.mark.django_db

ONE_MB = "x" * 1_000_000
ODD_VALUES = [
    "0001-01-01", "9999-12-31", "99999-01-01", "2024-02-30", "31/12/9999",
    "-1", "0", "99999999999999999999", "9" * 400, "1e3", "abc", "²", "1.5",
    "\x00", "a\x00b", '"', "'", '"unmatched', "O'Brien", "(", "*", "%", "\\",
    "ünïcödé ✓ 漢字 🙂", "<script>alert(1)</script>", "javascript:alert(1)", "//evil.example/", "../../admin/",
    "", " ", "\r\n", "x" * 5000, ONE_MB,
]
VALUES = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(lambda d: d.isoformat()),
    st.text(max_size=60),
)
# Parameters views read straight from request.GET, fuzzed on every page.
QUERY_PARAMETERS = ["page", "q", "year", "statement", "supervisee", "team", "start", "end", "large", "next", "sort"]
QUERY = "<query parameters>"
# Fields Django adds or the page's buttons carry: fuzzed too, but never dropped from a form.
SKIP_FIELDS = {"csrfmiddlewaretoken"}

# Not ours to fuzz: allauth's and Wagtail's own views (tested by those projects), the health check.
OUT_OF_SCOPE = re.compile(r"^(account_|mfa_|socialaccount_|openid_connect_|wagtailcore_|health$)")


def _world(people):
    """One of each kind of record, owned by the cast of the root conftest."""
    from allauth.mfa.models import Authenticator

    from learning import record
    from learning.models import Framework, SelfAssessment
    from learning.tests.factories import make_log
    from panels import services as panel_services
    from panels.tests.factories import (
        MeetingFactory,
        PanelFactory,
        PanelRequestFactory,
        submitted_request,
    )
    from people.middleware import mfa_required_for
    from search import models as directory
    from search.tests.factories import ServiceFactory, add_location
    from supervision.models import SessionStatus
    from supervision.tests.factories import (
        ActionFactory,
        AgreementFactory,
        PeerGroupFactory,
        PeerSessionFactory,
        SessionFactory,
    )

    for user in people.values():
        if mfa_required_for(user):
            Authenticator.objects.get_or_create(user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}})
    worker, supervisor = people["worker"], people["supervisor"]
    log = make_log(worker, complete=False)
    done = make_log(worker, complete=True)
    entry = record.contribute(owner=worker, source="fuzz", source_key="1", kind="course", title="A course",
                              occurred_on=timezone.localdate(), hours=1)
    from django.core.files.uploadedfile import SimpleUploadedFile

    from learning import services as learning_services

    manual = learning_services.add_manual_entry(worker, kind="course", title="Hand-added", occurred_on=timezone.localdate(), hours=1)
    evidence = learning_services.add_evidence(worker, SimpleUploadedFile("notes.txt", b"Notes"), log=log)
    framework = Framework.objects.filter(is_active=True).first()
    assessment = SelfAssessment.objects.create(owner=worker, framework=framework)
    now = timezone.now()
    agreement = AgreementFactory(supervisor=supervisor, supervisee=worker, supervisor_accepted_at=now,
                                 supervisee_accepted_at=now)
    session = SessionFactory(supervisor=supervisor, supervisees=[worker], status=SessionStatus.IN_PROGRESS,
                             starts_at=now - datetime.timedelta(hours=1))
    scheduled = SessionFactory(supervisor=supervisor, supervisees=[worker])
    action = ActionFactory(session=session, owner=worker)
    group = PeerGroupFactory(members=[worker, supervisor])
    group.facilitator = supervisor
    group.save()
    peer_session = PeerSessionFactory(group=group, attendees=[worker, supervisor])
    service = ServiceFactory()
    add_location(service)
    note = directory.ServiceNote.objects.create(service=service, author=worker, text="Ask for the duty desk.")
    report = directory.OutOfDateReport.objects.create(service=service, reported_by=worker, reason="Phone is wrong")
    shortlist = directory.Shortlist.objects.create(owner=worker, label="AB")
    item = directory.ShortlistItem.objects.create(shortlist=shortlist, service=service)
    panel = PanelFactory(chair=supervisor)
    panel_draft = PanelRequestFactory(panel=panel, worker=worker)
    meeting = MeetingFactory(panel=panel)
    on_agenda, decided = submitted_request(panel, worker, supervisor), submitted_request(panel, worker, supervisor)
    panel_services.add_to_agenda(meeting, supervisor, on_agenda)
    panel_services.add_to_agenda(meeting, supervisor, decided)
    panel_services.record_attendance(meeting, supervisor, attendees=[supervisor], guests=[])
    decision = panel_services.record_decision(meeting, supervisor, decided, outcome="agreed", rationale="Agreed",
                                              review_on=timezone.localdate(), actions=[("Check in", worker, None)])
    from core.models import Download

    download = Download.objects.create(
        owner=worker, builder="my_data", title="Your data", status=Download.Status.READY, file_name="my-data.zip",
        content_type="application/zip", content=b"PK", size=2, expires_at=timezone.now() + timezone.timedelta(hours=1),
    )
    from penpictures import services as pen_services

    pen_version = pen_services.save_version(worker, texts={"who_i_am": "I am your social worker.", "what_i_do": "Help"})
    return {
        "download": download,
        "pen_version": pen_version,
        "panel": panel, "panel_draft": panel_draft, "meeting": meeting, "on_agenda": on_agenda, "decision": decision,
        "panel_action": decision.actions.get(),
        "log": log, "done": done, "entry": entry, "manual": manual, "evidence": evidence, "framework": framework, "assessment": assessment,
        "agreement": agreement, "session": session, "scheduled": scheduled, "action": action, "group": group,
        "peer_session": peer_session, "service": service, "note": note, "report": report, "shortlist": shortlist,
        "item": item, "revision": log.revisions.first(),
    }


# name -> (who, path kwargs from the world). Destructive routes are walked last (see ORDER_LAST).
ROUTES = {
    "people:my-account": ("worker", lambda w: {}),
    "home": ("worker", lambda w: {}),
    "page-search": ("worker", lambda w: {}),
    "my-data": ("worker", lambda w: {}),
    "email-preferences": ("worker", lambda w: {}),
    "download-detail": ("worker", lambda w: {"pk": w["download"].pk}),
    "download-file": ("worker", lambda w: {"pk": w["download"].pk}),
    "learning:index": ("worker", lambda w: {}),
    "learning:log-list": ("worker", lambda w: {}),
    "learning:log-create": ("worker", lambda w: {}),
    "learning:log-start": ("worker", lambda w: {"template": w["log"].template.slug}),
    "learning:log-start-autosave": ("worker", lambda w: {"template": w["log"].template.slug}),
    "learning:log-shared": ("supervisor", lambda w: {}),
    "learning:log-detail": ("worker", lambda w: {"pk": w["done"].pk}),
    "learning:log-edit": ("worker", lambda w: {"pk": w["log"].pk}),
    "learning:log-autosave": ("worker", lambda w: {"pk": w["log"].pk}),
    "learning:log-share": ("worker", lambda w: {"pk": w["done"].pk}),
    "learning:log-delete": ("worker", lambda w: {"pk": w["done"].pk}),
    "learning:log-forget": ("worker", lambda w: {"pk": w["log"].pk}),
    "learning:log-evidence-add": ("worker", lambda w: {"pk": w["log"].pk}),
    "learning:entry-evidence-add": ("worker", lambda w: {"pk": w["manual"].pk}),
    "learning:evidence-download": ("worker", lambda w: {"pk": w["evidence"].pk}),
    "learning:evidence-remove": ("worker", lambda w: {"pk": w["evidence"].pk}),
    "learning:log-revisions": ("worker", lambda w: {"pk": w["log"].pk}),
    "learning:log-revision": ("worker", lambda w: {"pk": w["log"].pk, "revision_id": w["revision"].pk}),
    "learning:log-revision-restore": ("worker", lambda w: {"pk": w["log"].pk, "revision_id": w["revision"].pk}),
    "learning:record": ("worker", lambda w: {}),
    "learning:record-add": ("worker", lambda w: {}),
    "learning:coverage": ("worker", lambda w: {}),
    "learning:record-entry-delete": ("worker", lambda w: {"pk": w["entry"].pk}),
    "learning:record-export": ("worker", lambda w: {"fmt": "csv"}),
    "learning:record-for": ("supervisor", lambda w: {"user_id": w["log"].owner_id}),
    "learning:coverage-for": ("supervisor", lambda w: {"user_id": w["log"].owner_id}),
    "learning:record-export-for": ("supervisor", lambda w: {"user_id": w["log"].owner_id, "fmt": "json"}),
    "learning:framework-list": ("worker", lambda w: {}),
    "learning:framework-detail": ("worker", lambda w: {"slug": w["framework"].slug}),
    "learning:assessment-create": ("worker", lambda w: {"slug": w["framework"].slug}),
    "learning:assessment-list": ("worker", lambda w: {}),
    "learning:assessment-detail": ("supervisor", lambda w: {"pk": w["assessment"].pk}),
    "supervision:index": ("supervisor", lambda w: {}),
    "supervision:agreement-create": ("supervisor", lambda w: {}),
    "supervision:agreement-detail": ("supervisor", lambda w: {"pk": w["agreement"].pk}),
    "supervision:agreement-edit": ("supervisor", lambda w: {"pk": w["agreement"].pk}),
    "supervision:agreement-accept": ("worker", lambda w: {"pk": w["agreement"].pk}),
    "supervision:session-create": ("supervisor", lambda w: {}),
    "supervision:session-detail": ("supervisor", lambda w: {"pk": w["session"].pk}),
    "supervision:agenda-add": ("worker", lambda w: {"pk": w["session"].pk}),
    "supervision:session-notes": ("supervisor", lambda w: {"pk": w["session"].pk}),
    "supervision:case-add": ("supervisor", lambda w: {"pk": w["session"].pk}),
    "supervision:action-add": ("supervisor", lambda w: {"pk": w["session"].pk}),
    "supervision:session-sign": ("worker", lambda w: {"pk": w["session"].pk}),
    "supervision:addendum-add": ("supervisor", lambda w: {"pk": w["session"].pk}),
    "supervision:session-reschedule": ("supervisor", lambda w: {"pk": w["scheduled"].pk}),
    "supervision:session-ics": ("worker", lambda w: {"pk": w["scheduled"].pk}),
    "supervision:session-transition": ("supervisor", lambda w: {"pk": w["scheduled"].pk, "step": "cancel"}),
    "supervision:action-status": ("worker", lambda w: {"pk": w["action"].pk}),
    "supervision:peer-group-list": ("supervisor", lambda w: {}),
    "supervision:peer-group-create": ("supervisor", lambda w: {}),
    "supervision:peer-group-detail": ("supervisor", lambda w: {"pk": w["group"].pk}),
    "supervision:peer-group-edit": ("supervisor", lambda w: {"pk": w["group"].pk}),
    "supervision:peer-session-create": ("supervisor", lambda w: {"pk": w["group"].pk}),
    "supervision:peer-session-detail": ("worker", lambda w: {"pk": w["peer_session"].pk}),
    "supervision:team-numbers": ("practice_lead", lambda w: {}),
    "supervision:team-numbers-csv": ("practice_lead", lambda w: {}),
    "panels:index": ("worker", lambda w: {}),
    "panels:panel-detail": ("supervisor", lambda w: {"pk": w["panel"].pk}),
    "panels:meeting-create": ("supervisor", lambda w: {"pk": w["panel"].pk}),
    "panels:request-create": ("worker", lambda w: {}),
    "panels:request-detail": ("supervisor", lambda w: {"pk": w["panel_draft"].pk}),
    "panels:request-edit": ("worker", lambda w: {"pk": w["panel_draft"].pk}),
    "panels:request-autosave": ("worker", lambda w: {"pk": w["panel_draft"].pk}),
    "panels:request-step": ("worker", lambda w: {"pk": w["panel_draft"].pk, "step": "submit"}),
    "panels:meeting-detail": ("supervisor", lambda w: {"pk": w["meeting"].pk}),
    "panels:meeting-agenda": ("supervisor", lambda w: {"pk": w["meeting"].pk}),
    "panels:meeting-attendance": ("supervisor", lambda w: {"pk": w["meeting"].pk}),
    "panels:decision-record": ("supervisor", lambda w: {"pk": w["meeting"].pk, "request_pk": w["on_agenda"].pk}),
    "panels:meeting-sign-off": ("supervisor", lambda w: {"pk": w["meeting"].pk}),
    "panels:addendum-add": ("supervisor", lambda w: {"pk": w["meeting"].pk}),
    "panels:meeting-reflection": ("worker", lambda w: {"pk": w["meeting"].pk}),
    "panels:action-status": ("worker", lambda w: {"pk": w["panel_action"].pk}),
    "panels:review-record": ("worker", lambda w: {"pk": w["decision"].pk}),
    "measures:index": ("practice_lead", lambda w: {}),
    "measures:export-csv": ("practice_lead", lambda w: {}),
    "measures:report-pdf": ("practice_lead", lambda w: {}),
    "penpictures:mine": ("worker", lambda w: {}),
    "penpictures:edit": ("worker", lambda w: {}),
    "penpictures:print": ("worker", lambda w: {}),
    "penpictures:pdf": ("worker", lambda w: {}),
    "penpictures:version": ("worker", lambda w: {"pk": w["pen_version"].pk}),
    "penpictures:make-current": ("worker", lambda w: {"pk": w["pen_version"].pk}),
    "penpictures:photo": ("worker", lambda w: {"pk": w["pen_version"].pk}),
    "penpictures:guide": ("worker", lambda w: {}),
    "penpictures:guide-pdf": ("worker", lambda w: {}),
    "search:search": ("worker", lambda w: {}),
    "search:suggest": ("worker", lambda w: {}),
    "search:service-detail": ("worker", lambda w: {"pk": w["service"].pk}),
    "search:note-add": ("worker", lambda w: {"pk": w["service"].pk}),
    "search:report-out-of-date": ("worker", lambda w: {"pk": w["service"].pk}),
    "search:service-mark-reviewed": ("practice_lead", lambda w: {"pk": w["service"].pk}),
    "search:note-delete": ("worker", lambda w: {"note_id": w["note"].pk}),
    "search:review-list": ("practice_lead", lambda w: {}),
    "search:report-resolve": ("practice_lead", lambda w: {"report_id": w["report"].pk}),
    "search:shortlist": ("worker", lambda w: {}),
    "search:shortlist-add": ("worker", lambda w: {}),
    "search:shortlist-new": ("worker", lambda w: {}),
    "search:shortlist-item-edit": ("worker", lambda w: {"item_id": w["item"].pk}),
    "search:shortlist-item-remove": ("worker", lambda w: {"item_id": w["item"].pk}),
    "search:shortlist-detail": ("worker", lambda w: {"shortlist_id": w["shortlist"].pk}),
    "search:shortlist-rename": ("worker", lambda w: {"shortlist_id": w["shortlist"].pk}),
    "search:shortlist-delete": ("worker", lambda w: {"shortlist_id": w["shortlist"].pk}),
    "search:shortlist-print": ("worker", lambda w: {"shortlist_id": w["shortlist"].pk}),
    "search:shortlist-pdf": ("worker", lambda w: {"shortlist_id": w["shortlist"].pk}),
    "search:shortlist-text": ("worker", lambda w: {"shortlist_id": w["shortlist"].pk}),
    "oruk:root": ("worker", lambda w: {}),
    "oruk:openapi": ("worker", lambda w: {}),
    "oruk:service-list": ("worker", lambda w: {}),
    "oruk:service-detail": ("worker", lambda w: {"id": w["service"].pk}),
    "oruk:service-at-location-list": ("worker", lambda w: {}),
    "oruk:service-at-location-detail": ("worker", lambda w: {"id": w["service"].service_at_locations.first().pk}),
    "oruk:taxonomy-list": ("worker", lambda w: {}),
    "oruk:taxonomy-detail": ("worker", lambda w: {"id": w["service"].pk}),
    "oruk:taxonomy-term-list": ("worker", lambda w: {}),
    "oruk:taxonomy-term-detail": ("worker", lambda w: {"id": w["service"].pk}),
}
# Views reached only by a form on another page, or by script, with the fields they take.
FIELDS_FROM = {"learning:log-autosave": "learning:log-edit", "panels:request-autosave": "panels:request-edit"}
ORDER_LAST = ("delete", "remove", "transition", "restore", "accept", "sign", "step")
# The API's query parameters are fuzzed by schemathesis against its OpenAPI description
# (search/tests/test_openapi_contract.py); here they get the shared ones.


def our_url_names():
    """Our pages: Wagtail's admin and page serving are outside, as in tests/test_url_access.py."""
    return sorted({
        name for route, name in walk(get_resolver())
        if name and not OUT_OF_SCOPE.match(name) and "(?:" not in route
        and not route.startswith(("admin/", "documents/", "static/", "media/"))
    })


def test_every_url_of_ours_has_a_fuzz_row():
    missing = [name for name in our_url_names() if name not in ROUTES]
    assert not missing, f"Add a row to ROUTES for: {missing}"


class FormReader(HTMLParser):
    """The forms on a page: action, method and each named field with the value the page gave it."""

    def __init__(self):
        super().__init__()
        self.forms, self._current, self._textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._current = {"action": a.get("action") or "", "method": (a.get("method") or "get").lower(), "fields": {}}
            self.forms.append(self._current)
            if a.get("data-autosave-url"):
                self.forms.append({"action": a["data-autosave-url"], "method": "post", "fields": self._current["fields"]})
        elif self._current is not None and a.get("name"):
            fields = self._current["fields"]
            if tag == "input":
                kind = a.get("type", "text")
                if kind in ("checkbox", "radio"):
                    fields.setdefault(a["name"], [])
                    if "checked" in a or kind == "radio" and not fields[a["name"]]:
                        fields[a["name"]].append(a.get("value", "on"))
                elif kind != "submit":
                    fields[a["name"]] = a.get("value", "")
            elif tag in ("select", "textarea"):
                fields.setdefault(a["name"], "")
                self._textarea = a["name"] if tag == "textarea" else None
            elif tag == "button" and a.get("value"):
                fields.setdefault(a["name"], a["value"])

    def handle_data(self, data):
        if self._textarea and self._current is not None:
            self._current["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        elif tag == "textarea":
            self._textarea = None


def fuzz_units(client_for, people, world):
    """(who, method, path, base data, field) for every field of every form and every query parameter."""
    from django.urls import reverse

    units, seen, pages = [], set(), {}
    names = sorted(ROUTES, key=lambda n: any(word in n for word in ORDER_LAST))
    for name in names:
        who, kwargs = ROUTES[name]
        path = reverse(name, kwargs=kwargs(world))
        client = client_for(people[who])
        response = client.get(path)
        pages[name] = path
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            reader = FormReader()
            reader.feed(response.content.decode())
            for form in reader.forms:
                action = urlsplit(form["action"]).path or path
                if not action.startswith("/") or action.startswith("/accounts/"):
                    continue
                for field in form["fields"]:
                    key = (form["method"], action, field)
                    if key not in seen:
                        seen.add(key)
                        units.append((who, form["method"], action, dict(form["fields"]), field))
        units.append((who, "get", path, {}, QUERY))
        if name in FIELDS_FROM:
            source = [u for u in units if u[2] == pages.get(FIELDS_FROM[name]) and u[1] == "post"]
            for u in source:
                units.append((who, "post", path, u[3], u[4]))
        else:
            units.append((who, "post", path, {}, "pk"))  # a POST with a stray field to every view
    # Destructive routes last, so the other forms still find their objects.
    units.sort(key=lambda u: any(word in u[2] for word in ("delete", "remove", "cancel", "restore")))
    return units


def run_fuzz(client_for, people, max_examples, part=0, parts=1):
    """Fuzz every `parts`-th unit from `part` on; the totals returned are of all units."""
    world = _world(people)
    units = fuzz_units(client_for, people, world)
    total_urls, total_units = len({u[2] for u in units}), len(units)
    units = units[part::parts]  # order kept: the destructive ones still come last
    clients = {who: client_for(people[who]) for who in {u[0] for u in units}}
    sent = []

    def sender(who, method, path, base, field):
        @hsettings(max_examples=max_examples, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))
        @given(value=VALUES)
        def send(value):
            if field == QUERY:  # every parameter views read straight from request.GET, at once
                data = dict.fromkeys(QUERY_PARAMETERS, value)
            else:
                data = {**base, field: value} if field not in SKIP_FIELDS else base
            client = clients[who]
            response = client.post(path, data) if method == "post" else client.get(path, data)
            sent.append(1)
            assert response.status_code < 500, f"{method.upper()} {path} {field}={value[:80]!r} -> {response.status_code}"

        return send

    for unit in units:
        sender(*unit)()
    return total_urls, total_units, len(sent)


# In three parts that together send every unit: one test of several minutes on a loaded machine
# would hold one xdist worker at the end of the run while the other waits.
FUZZ_PARTS = 3


@pytest.mark.parametrize("part", range(FUZZ_PARTS))
def test_no_input_to_any_form_or_parameter_gives_a_500(client_for, people, site_pages, settings, part):
    settings.ELASTICSEARCH_URL = ""
    urls, units, requests = run_fuzz(client_for, people, max_examples=3, part=part, parts=FUZZ_PARTS)
    print(f"fuzz part {part + 1} of {FUZZ_PARTS}: {urls} URLs, {units} parameters, {requests} requests")
    assert urls >= 60 and units >= 300


@pytest.mark.slow
def test_no_input_gives_a_500_many_examples(client_for, people, site_pages, settings):
    settings.ELASTICSEARCH_URL = ""
    urls, units, requests = run_fuzz(client_for, people, max_examples=40)
    print(f"fuzz (slow): {urls} URLs, {units} parameters, {requests} requests")


# ---- What a form accepted reads back unchanged ----------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=400)


def test_a_log_answer_reads_back_as_typed(client_for, people):
    from django.urls import reverse

    from learning.tests.factories import make_log

    log = make_log(people["worker"], complete=False)
    client = client_for(people["worker"])

    @hsettings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(title=TEXT.map(lambda t: t[:200]), answer=TEXT)
    def check(title, answer):
        response = client.post(reverse("learning:log-edit", args=[log.pk]), {
            "title": title, "occurred_on": timezone.localdate().isoformat(), "activity_type": "direct_work",
            "answer_description": answer, "action": "save-keep",
        })
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            log.refresh_from_db()
            assert log.title == title.strip() and log.answers["description"] == answer.strip()

    check()


def test_session_notes_read_back_as_typed(client_for, people):
    from django.urls import reverse

    from supervision.models import SessionStatus
    from supervision.tests.factories import SessionFactory

    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]],
                             status=SessionStatus.IN_PROGRESS)
    key = session.template_snapshot["sections"][0]["prompts"][0]["key"]
    assert not key.endswith("case_reference")
    client = client_for(people["supervisor"])

    @hsettings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(text=TEXT)
    def check(text):
        response = client.post(reverse("supervision:session-notes", args=[session.pk]), {key: text})
        assert response.status_code in (302, 400)
        if response.status_code == 302:
            session.refresh_from_db()
            assert session.notes[key] == text.strip()

    check()


def test_team_notes_read_back_as_typed(client_for, people, settings):
    from django.urls import reverse

    from search import models as directory
    from search.tests.factories import ServiceFactory

    settings.ELASTICSEARCH_URL = ""
    service = ServiceFactory()
    client = client_for(people["worker"])

    @hsettings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(text=TEXT)
    def check(text):
        before = directory.ServiceNote.objects.count()
        response = client.post(reverse("search:note-add", args=[service.pk]), {"text": text})
        assert response.status_code in (200, 302, 400)
        if response.status_code == 302 and text.strip():
            note = directory.ServiceNote.objects.order_by("-pk").first()
            assert directory.ServiceNote.objects.count() == before + 1
            assert note.text == text.strip()

    check()
