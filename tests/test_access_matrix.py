"""The access matrix (tests/access_matrix.py), proven with real requests against one planted world.

Every URL pattern must have a row; every row is requested as every role; each answer is checked for
its status and for planted text the role may not read (in HTML, CSV, JSON, PDF text and .ics alike).
Cells that wait for another part of issue 10 run as strict xfails, so they fail the day they pass.
"""

import io
import re
import time
import zipfile

import pytest
from django.db import transaction
from django.test import Client
from django.urls import get_resolver, reverse

from tests.access_matrix import (
    ADMIN_FAMILY,
    ADMIN_NOT_SAMPLED,
    ALL_ROWS,
    READERS,
    ROLES,
    UNNAMED_ROUTES,
)
from tests.access_world import SEARCH_WORD, build_world
from tests.test_url_access import walk

# One worker builds the world and requests every cell (scripts/test: --dist loadgroup), rather than
# each pytest-xdist worker building it for its share of the tests.
pytestmark = pytest.mark.xdist_group("access-matrix")

TIMINGS = {}
LOGIN_PATHS = ("/accounts/login/", "/admin/login/", "/_util/login/")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def targets(world):
    """target name -> (URL kwargs, query string)."""
    log = world.log_unshared
    return {
        "-": ({}, ""),
        "download": ({"pk": world.download.pk}, ""),
        "search": ({}, f"q={SEARCH_WORD}"),
        "unshared": ({"pk": log.pk}, ""),
        "template": ({"template": log.template.slug}, ""),
        "unshared-revision": ({"pk": log.pk, "revision_id": world.rev_unshared.pk}, ""),
        "shared": ({"pk": world.log_shared.pk}, ""),
        "draft": ({"pk": world.log_draft.pk}, ""),
        "manual-entry": ({"pk": world.manual_entry.pk}, ""),
        "evidence-unshared": ({"pk": world.evidence_unshared.pk}, ""),
        "evidence-shared": ({"pk": world.evidence_shared.pk}, ""),
        "csv": ({"fmt": "csv"}, "year=all"),
        "json": ({"fmt": "json"}, "year=all"),
        "pdf": ({"fmt": "pdf"}, "year=all"),
        "owner": ({"user_id": world.owner.pk}, "year=all"),
        "owner-csv": ({"user_id": world.owner.pk, "fmt": "csv"}, "year=all"),
        "owner-json": ({"user_id": world.owner.pk, "fmt": "json"}, "year=all"),
        "owner-pdf": ({"user_id": world.owner.pk, "fmt": "pdf"}, "year=all"),
        "framework": ({"slug": world.framework.slug}, ""),
        "assessment": ({"pk": world.assessment.pk}, ""),
        "agreement": ({"pk": world.agreement.pk}, ""),
        "former-agreement": ({"pk": world.former_agreement.pk}, ""),
        "session": ({"pk": world.session.pk}, ""),
        "session-start": ({"pk": world.session.pk, "step": "start"}, ""),
        "former-session": ({"pk": world.former_session.pk}, ""),
        "action": ({"pk": world.action.pk}, ""),
        "peer-group": ({"pk": world.peer_group.pk}, ""),
        "peer-session": ({"pk": world.peer_session.pk}, ""),
        "panel": ({"pk": world.panel.pk}, ""),
        "panel-request": ({"pk": world.panel_request.pk}, ""),
        "panel-request-agree": ({"pk": world.panel_request.pk, "step": "agree"}, ""),
        "panel-meeting": ({"pk": world.panel_meeting.pk}, ""),
        "panel-meeting-request": ({"pk": world.panel_meeting.pk, "request_pk": world.panel_request.pk}, ""),
        "panel-decision": ({"pk": world.panel_decision.pk}, ""),
        "panel-action": ({"pk": world.panel_action.pk}, ""),
        "pen-version": ({"pk": world.pen_version.pk}, ""),
        "pen-version-query": ({}, f"version={world.pen_version.pk}"),
        "pen-version-large": ({}, f"version={world.pen_version.pk}&large=1"),
        "large": ({}, "large=1"),
        "service": ({"pk": world.service.pk}, ""),
        "oruk-service": ({"id": world.service.pk}, ""),
        "note": ({"note_id": world.note.pk}, ""),
        "report": ({"report_id": world.report.pk}, ""),
        "shortlist": ({"shortlist_id": world.shortlist.pk}, ""),
        "shortlist-item": ({"item_id": world.shortlist_item.pk}, ""),
        "sample-id": ({"id": "00000000-0000-0000-0000-000000000000"}, ""),
        "sample-key": (None, ""),
        "sample-provider": ({"provider_id": "no-such-provider"}, ""),
        "sample-restriction": (None, ""),
        "sample-document": (None, ""),
        "home": ("/", ""),
        "guidance": ("/guidance/", ""),
        "no-such-page": ("/no-such-page/", ""),
    }


SAMPLE_URLS = {
    "account_confirm_email": "/accounts/confirm-email/no-such-key/",
    "account_reset_password_from_key": "/accounts/password/reset/key/1-no-such-key/",
    "wagtailcore_authenticate_with_password": "/_util/authenticate_with_password/999999/999999/",
    "wagtaildocs_serve": "/documents/999999/nothing.pdf",
    "wagtaildocs_authenticate_with_password": "/documents/authenticate_with_password/999999/",
}


def url_for(row, world, table):
    kwargs, query = table[row.target]
    if isinstance(kwargs, str):
        path = kwargs
    elif kwargs is None:
        path = SAMPLE_URLS[row.name]
    else:
        path = reverse(row.name, kwargs=kwargs)
    return f"{path}?{query}" if query else path


def pdf_text(content):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    # PDF text extraction may break a long marker across lines; join them back.
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))


def body_text(response):
    """What a person would read in the answer: the text of a PDF or of each file in a ZIP, else the body."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if kind.startswith("application/pdf"):
        return pdf_text(content)
    if kind.startswith("application/zip"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "\n".join(
                pdf_text(archive.read(n)) if n.endswith(".pdf") else archive.read(n).decode("utf-8", "replace")
                for n in archive.namelist()
            )
    return content.decode("utf-8", "replace")


def check(url, status, location, expected, text, role, row, markers):
    """The problems with one answer ('' when it keeps the promise)."""
    problems = []
    if expected == "C" or expected == "F":
        if status != 200:
            problems.append(f"answered {status}{' to ' + location if location else ''}, expected 200")
    elif expected == "L":
        if not (status in (301, 302) and location.startswith(LOGIN_PATHS)):
            problems.append(f"answered {status} {location}, expected a redirect to sign in")
    elif expected == "R":
        if not (status in (301, 302) and not location.startswith(LOGIN_PATHS)):
            problems.append(f"answered {status} {location}, expected a redirect")
    elif expected == "D":
        if not (status == 403 or (status == 302 and not location.startswith(url))):
            problems.append(f"answered {status} {location}, expected the admin to refuse")
    elif str(status) != expected:
        problems.append(f"answered {status}, expected {expected}")
    leaked = [kind for kind, text_ in markers.items() if text_ in text and role not in READERS[kind]]
    if leaked:
        problems.append(f"shows {', '.join(sorted(leaked))}")
    if expected == "C":
        missing = [k for k in row.shows if role in READERS[k] and markers[k] not in text]
        if missing:
            problems.append(f"does not show {', '.join(missing)}")
    return "; ".join(problems)


def request_cell(row, role, world, clients, table):
    if row.admin:
        url = reverse(row.name, args=row.target.split("/") if row.target != "-" else None)
    else:
        url = url_for(row, world, table)
    started = time.perf_counter()
    response = clients[role].get(url)
    TIMINGS[row.label] = TIMINGS.get(row.label, 0) + time.perf_counter() - started
    location = response.get("Location", "") if response.status_code in (301, 302) else ""
    if row.admin and location.startswith(url):
        # Wagtail sends settings to their one record's page: that page is the answer.
        response = clients[role].get(location)
        location = response.get("Location", "") if response.status_code in (301, 302) else ""
    return url, response.status_code, location, body_text(response)


@pytest.fixture(scope="module")
def clients(world, django_db_blocker):
    made = {"anonymous": Client()}
    with django_db_blocker.unblock():
        for role in ROLES[1:]:
            made[role] = Client()
            made[role].force_login(world.cast[role])
    return made


@pytest.fixture(scope="module")
def table(world):
    return targets(world)


def cells():
    return [(row, role) for row in ALL_ROWS for role in ROLES]


# ---- Every URL has a row ---------------------------------------------------------------------------


def test_every_url_pattern_has_a_row():
    named = {row.name for row in ALL_ROWS}
    missing = []
    for route, name in walk(get_resolver()):
        if route.startswith(ADMIN_FAMILY) or route.startswith(("static/", "media/")):
            continue  # the admin family rule covers these
        if name is None:
            name = UNNAMED_ROUTES.get(route)
        if name not in named:
            missing.append(f"{name or '(unnamed)'}  {route}")
    assert not missing, "URL patterns with no row in tests/access_matrix.py:\n  " + "\n  ".join(missing)


def test_every_admin_listing_is_in_the_admin_sample():
    """A new viewset or snippet must be placed: content for practice leads, or administrators only."""
    sampled = {row.name for row in ALL_ROWS if row.admin} | ADMIN_NOT_SAMPLED
    listings = {
        name for route, name in walk(get_resolver())
        if route.startswith(ADMIN_FAMILY) and name and name.endswith((":index", ":list"))
        and not name.startswith("wagtailadmin_api") and "<" not in route
    }
    assert not listings - sampled, f"Admin listings with no place in ADMIN_CONTENT or ADMIN_SYSTEM: {sorted(listings - sampled)}"


# ---- The settled cells: one request each, one readable message for all that fail -------------------


@pytest.mark.django_db
def test_access_matrix(world, clients, table):
    failures = []
    cpu = time.process_time()
    for row, role in cells():
        expected = row.expected(role)
        try:
            url, status, location, text = request_cell(row, role, world, clients, table)
        except Exception as error:  # a 500 is a failing cell too; keep going to list them all
            failures.append(f"{row.label:60} {role:22} raised {error!r:.200}")
            continue
        problem = check(url, status, location, expected, text, role, row, world.markers)
        if problem:
            failures.append(f"{row.label:60} {role:22} {url}: {problem}")
    slowest = sorted(TIMINGS.items(), key=lambda kv: -kv[1])[:8]
    print(f"{len(cells())} cells in {time.process_time() - cpu:.1f}s of CPU; slowest rows:", ", ".join(f"{k} {v:.2f}s" for k, v in slowest))
    assert not failures, f"{len(failures)} cells break the access matrix:\n" + "\n".join(failures)


# ---- Download my data: each person's archive holds their own records and nothing they may not read --


OWN_DATA = ["log-unshared", "log-shared", "log-draft", "assessment-note", "agreement-text", "session-notes",
            "peer-reflection", "shortlist-note", "pen-picture"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES[1:])
def test_download_my_data_holds_only_what_each_person_may_read(world, clients, role, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        started = clients[role].post(reverse("my-data"))
    assert started.status_code == 302  # to the download's page, where the prepared file is linked
    assert clients[role].get(started["Location"]).status_code == 200
    response = clients[role].get(started["Location"] + "file")
    assert response.status_code == 200
    text = body_text(response)
    leaked = sorted(k for k, t in world.markers.items() if t in text and role not in READERS[k])
    assert not leaked, f"{role}'s archive shows {leaked}"
    if role == "owner":
        missing = [k for k in OWN_DATA if world.markers[k] not in text]
        assert not missing, f"the owner's archive misses {missing}"


# ---- Emails: whoever receives a message may read everything in it -----------------------------------


def mail_problems(outbox, world, readers):
    """Each message's text (subject, body, attachments) against what each of its recipients may read."""
    role_of = {person.email: role for role, person in world.cast.items()}
    problems = []
    for message in outbox:
        text = "\n".join([message.subject, message.body] + [
            a[1] if isinstance(a[1], str) else a[1].decode("utf-8", "replace") for a in message.attachments
        ])
        for address in message.to + message.cc + message.bcc:
            role = role_of.get(address, address)
            leaked = sorted(k for k, t in world.markers.items() if t in text and role not in readers[k])
            if leaked:
                problems.append(f"'{message.subject}' to {role} shows {leaked}")
    return problems


@pytest.mark.django_db
def test_supervision_emails_reach_only_the_people_in_the_room(
    world, clients, mailoutbox, django_capture_on_commit_callbacks
):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from supervision.models import SupervisionSession, SupervisionTemplate
    from tests.access_world import plant

    place = plant(world.markers, "invite-place")
    readers = {**READERS, "invite-place": {"owner", "supervisor"}}
    when = timezone.localdate() + datetime.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = clients["supervisor"].post(reverse("supervision:session-create"), {
            "supervisees": [world.owner.pk], "template": SupervisionTemplate.objects.filter(is_active=True).first().pk,
            "date": when.isoformat(), "time": "10:00", "length_minutes": 60, "place": place,
        })
    assert response.status_code == 302, response.context["form"].errors
    session = SupervisionSession.objects.get(place=place)
    invited = sorted(address for message in mailoutbox for address in message.to)
    assert invited == sorted([world.owner.email, world.cast["supervisor"].email])
    assert all(place in m.body for m in mailoutbox), "the invitation says where"

    with django_capture_on_commit_callbacks(execute=True):
        clients["supervisor"].post(reverse("supervision:session-transition", args=[session.pk, "cancel"]))
    assert any(m.subject.startswith("Cancelled") for m in mailoutbox)

    world.action.due_on = timezone.localdate()
    world.action.save(update_fields=["due_on"])
    call_command("send_reminders", stdout=io.StringIO())
    reminders = [m for m in mailoutbox if "action" in m.subject.lower()]
    # Reminders give titles, dates and links: the action's words stay on the site.
    assert reminders and world.markers["session-action"] not in reminders[0].body

    Client().post(reverse("account_reset_password"), {"email": world.owner.email})
    problems = mail_problems(mailoutbox, world, readers)
    assert not problems, "Emails carry text their recipients may not read:\n" + "\n".join(problems)


# ---- Writes: nobody changes a record that is not theirs to change ----------------------------------

# (URL name, target, form data, roles allowed to make the change). Everyone else is refused
# (403/404, or sent to sign in) and the world is unchanged afterwards.
WRITES = [
    ("learning:log-autosave", "unshared", {"title": "Overwritten", "description": "Overwritten"}, {"owner"}),
    ("learning:log-share", "unshared", {"audience": "all_supervisors"}, {"owner"}),
    ("learning:log-delete", "unshared", {}, {"owner"}),
    ("learning:log-revision-restore", "unshared-revision", {}, {"owner"}),
    ("learning:assessment-detail", "assessment", {"comment": "Overwritten"}, {"supervisor"}),
    ("supervision:agreement-accept", "agreement", {}, {"owner", "supervisor"}),
    ("supervision:agenda-add", "session", {"text": "Overwritten"}, set()),  # signed off: agenda closed
    ("supervision:session-notes", "session", {"text": "Overwritten"}, set()),  # locked
    ("supervision:addendum-add", "session", {"addendum-text": "An addendum"}, {"owner", "supervisor"}),
    ("supervision:session-transition", "session-start", {}, set()),
    ("supervision:action-status", "action", {"status": "done"}, {"owner", "supervisor"}),
    ("supervision:peer-session-detail", "peer-session", {"text": "A reflection"}, {"owner", "other_worker"}),
    ("search:shortlist-rename", "shortlist", {"label": "CR-77"}, {"owner"}),
    ("search:shortlist-delete", "shortlist", {}, {"owner"}),
    ("search:shortlist-item-edit", "shortlist-item", {"note": "Overwritten"}, {"owner"}),
    ("search:shortlist-item-remove", "shortlist-item", {}, {"owner"}),
    ("search:note-delete", "note", {}, {"other_worker", "practice_lead", "administrator"}),  # author, editors
    ("search:report-resolve", "report", {"resolution": "Checked"}, {"practice_lead", "administrator"}),
    ("search:service-mark-reviewed", "service", {}, {"practice_lead", "administrator"}),
]


def fingerprint(world):
    """Everything the writes above could change, as plain values."""
    from learning.models import AssessmentComment, ReflectiveLog
    from search.models import OutOfDateReport, Service, ServiceNote, Shortlist, ShortlistItem
    from supervision.models import (
        Addendum,
        AgendaItem,
        PeerReflection,
        SupervisionAction,
        SupervisionAgreement,
        SupervisionSession,
    )

    return [
        list(ReflectiveLog.objects.order_by("pk").values_list("pk", "title", "answers", "status", "share_with_all_supervisors")),
        world.log_unshared.revisions.count(),
        list(AssessmentComment.objects.order_by("pk").values_list("pk", "assessment_id", "text")),
        list(SupervisionAgreement.objects.order_by("pk").values_list("pk", "supervisor_accepted_at", "supervisee_accepted_at")),
        list(SupervisionSession.objects.order_by("pk").values_list("pk", "status", "notes")),
        AgendaItem.objects.count(), Addendum.objects.count(),
        list(SupervisionAction.objects.values_list("pk", "status")),
        list(PeerReflection.objects.values_list("pk", "text")),
        list(Shortlist.objects.values_list("pk", "label")), list(ShortlistItem.objects.values_list("pk", "note")),
        ServiceNote.objects.count(), list(OutOfDateReport.objects.values_list("pk", "resolved_at")),
        list(Service.objects.values_list("pk", "assured_date", "assurer_email")),
    ]


@pytest.mark.django_db
def test_nobody_changes_what_is_not_theirs(world, clients, table):
    from django.test import Client as FreshClient

    failures = []
    for name, target, data, allowed in WRITES:
        kwargs, _ = table[target]
        url = reverse(name, kwargs=kwargs)
        for role in ROLES:
            with transaction.atomic():
                before = fingerprint(world)
                client = clients[role]
                if role == "anonymous":
                    client = FreshClient()
                response = client.post(url, data)
                status, location = response.status_code, response.get("Location", "")
                changed = fingerprint(world) != before
                transaction.set_rollback(True)
            if role in allowed:
                if status >= 400 or not changed:
                    failures.append(f"{name} [{target}] {role}: allowed, but answered {status}, changed={changed}")
            elif role == "anonymous":
                if not (status == 302 and location.startswith(LOGIN_PATHS)) or changed:
                    failures.append(f"{name} [{target}] anonymous: answered {status} {location}, changed={changed}")
            elif status not in (403, 404) or changed:
                failures.append(f"{name} [{target}] {role}: answered {status} {location}, changed={changed}")
    assert not failures, f"{len(failures)} writes break the promise:\n" + "\n".join(failures)
