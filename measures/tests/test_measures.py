"""Programme measures: the figures a practice lead sees, and that small groups are never shown."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from measures import services
from measures.models import MeasuresSettings
from people.models import Role
from people.tests.factories import make_person

from .factories import measured_team


@pytest.fixture
def lead(db):
    def make(team):
        return make_person(Role.PRACTICE_LEAD, team, email=f"lead-{team.pk}@example.org")
    return make


def _row(report, table_key, label_start):
    for section in report.sections:
        for table in section.tables:
            if table.key == table_key:
                return next(r for r in table.rows if r.label.startswith(label_start))
    raise AssertionError(f"no table {table_key}")


def test_confidence_before_and_after_per_statement_and_domain(lead):
    team, workers = measured_team(5)
    today = timezone.localdate()
    report = services.report(lead(team), team=team, start=today - datetime.timedelta(days=364), end=today)
    row = _row(report, "confidence-statements", "PCF")
    # 5 people, all at 2 before and all at 4 after: 0% confident, then 100%, up 100 points.
    assert row.values[0] == 5
    assert row.values[1:6] == [0, 5, 0, 0, 0]
    assert row.values[6:11] == [0, 0, 0, 5, 0]
    assert row.values[11:] == [0, 100, 100]
    domain = _row(report, "confidence-domains", "PCF")
    assert domain.values == [5, 0, 100, 100]


def test_someone_who_assessed_once_is_not_counted_before_and_after(lead):
    team, workers = measured_team(5)
    today = timezone.localdate()
    # The first assessment falls before the period: each worker has one assessment inside it.
    report = services.report(lead(team), team=team, start=today - datetime.timedelta(days=100), end=today)
    tables = {t.key: t for s in report.sections for t in s.tables}
    assert tables["confidence-statements"].rows == []


def test_supervision_group_practice_and_activity_figures(lead):
    team, workers = measured_team(6)
    today = timezone.localdate()
    report = services.report(lead(team), team=team, start=today - datetime.timedelta(days=364), end=today)
    sessions = _row(report, "supervision-sessions", "One-to-one")
    assert sessions.values[:2] == [6, 6]
    # Every four weeks from 200 days ago: 7 dates each (28, 56 ... 196 days in).
    assert sessions.values[2] == 6 * 7
    assert _row(report, "supervision-sign-off", "Signed off within a week").values == [6, 100]
    assert _row(report, "supervision-actions", "Done by the due date").values == [6, 100]
    assert _row(report, "supervision-agreements", "With an agreement in force").values == [6, 100]
    peer = _row(report, "peer-sessions", "Case consultation")
    assert peer.values == [1, 6, 6, 1.5, 9.0]
    assert _row(report, "logs-model", "Gibbs").values == [6, 6]
    assert _row(report, "cpd-readiness", "No CPD record").values[0] == 6
    assert report.workers == 6


def test_a_small_team_shows_no_figure_on_the_page_csv_or_pdf(lead, client_for):
    team, workers = measured_team(4)
    client = client_for(lead(team))
    page = client.get(reverse("measures:index"), {"team": team.pk, "start": "", "end": ""})
    assert page.status_code == 400  # the dates are required
    today = timezone.localdate()
    query = {"team": team.pk, "start": (today - datetime.timedelta(days=364)).isoformat(), "end": today.isoformat()}
    page = client.get(reverse("measures:index"), query).content.decode()
    csv_text = client.get(reverse("measures:export-csv"), query).content.decode()
    pdf = client.get(reverse("measures:report-pdf"), query)
    assert pdf["Content-Type"] == "application/pdf"
    pdf_text = _pdf_text(pdf.content)
    for body in (page, csv_text, pdf_text):
        assert "Fewer than 5" in body
        assert "Named0" not in body and "Private reflection" not in body
    # The four workers' confidence, sessions, peer session and logs are all hidden, not just blank.
    assert "Workers counted: Fewer than 5" in page
    assert re.search(r"One-to-one,Fewer than 5", csv_text)
    assert re.search(r"Case consultation,Fewer than 5", csv_text)
    assert re.search(r"PCF 1: Professionalism,Fewer than 5", csv_text)


def test_the_threshold_is_the_administrators_setting(lead, client_for):
    team, workers = measured_team(4)
    settings = MeasuresSettings.load()
    settings.smallest_group = 3
    settings.save()
    client = client_for(lead(team))
    csv_text = client.get(reverse("measures:export-csv"), {
        "team": team.pk, "start": (timezone.localdate() - datetime.timedelta(days=364)).isoformat(),
        "end": timezone.localdate().isoformat(),
    }).content.decode()
    assert "Fewer than" not in csv_text.split("Reflective logs completed per month")[0]
    assert "One-to-one,4,4," in csv_text


def test_default_page_is_the_last_twelve_months_for_the_whole_organisation(lead, client_for):
    team, workers = measured_team(5)
    page = client_for(lead(team)).get(reverse("measures:index"))
    assert page.status_code == 200
    today = timezone.localdate()
    assert page.context["report"].end == today
    assert page.context["report"].start == services.default_period(today)[0]
    assert page.context["report"].team is None
    body = page.content.decode()
    assert "Confidence per framework statement" in body and "<svg" in body
    assert "Named0" not in body


@pytest.mark.parametrize("role", [Role.WORKER, Role.SUPERVISOR])
def test_workers_and_supervisors_are_refused(role, client_for, db):
    team, workers = measured_team(5)
    person = make_person(role, team)
    client = client_for(person)
    for name in ("measures:index", "measures:export-csv", "measures:report-pdf"):
        assert client.get(reverse(name)).status_code == 403


def test_a_lead_cannot_choose_a_team_they_do_not_lead(lead, client_for):
    team, workers = measured_team(5)
    other, _ = measured_team(5, name="Another team")
    client = client_for(lead(team))
    today = timezone.localdate()
    answer = client.get(reverse("measures:export-csv"), {"team": other.pk, "start": today.isoformat(), "end": today.isoformat()})
    assert answer.status_code == 400
    assert "Select a valid choice" in answer.content.decode()


def test_administrators_choose_any_team(client_for, db):
    from people.models import SecuritySettings

    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.save()
    team, workers = measured_team(5)
    admin = make_person(Role.ADMINISTRATOR)
    today = timezone.localdate()
    answer = client_for(admin).get(reverse("measures:index"), {
        "team": team.pk, "start": (today - datetime.timedelta(days=364)).isoformat(), "end": today.isoformat()})
    assert answer.status_code == 200
    assert answer.context["report"].workers == 5


def test_bad_dates_are_explained_beside_the_field(lead, client_for):
    team, workers = measured_team(1)
    client = client_for(lead(team))
    answer = client.get(reverse("measures:index"), {"start": "2025-13-45", "end": "0001-01-01"})
    body = answer.content.decode()
    assert answer.status_code == 400
    assert "Enter a real date" in body and "Enter a date between" in body
    answer = client.get(reverse("measures:index"), {"start": "2025-06-01", "end": "2025-01-01"})
    assert "The end of the period must be on or after its start" in answer.content.decode()


def test_dashboard_links_leads_and_administrators_to_the_measures(lead, client_for, site_pages):
    team, workers = measured_team(1)
    assert reverse("measures:index") in client_for(lead(team)).get("/").content.decode()
    assert reverse("measures:index") not in client_for(workers[0]).get("/").content.decode()


def _pdf_text(content):
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_risk_enablement_panel_figures(lead):
    from panels.models import Decision, MeetingStatus, Outcome, Review
    from panels.tests.factories import MeetingFactory, PanelFactory, submitted_request

    team, workers = measured_team(6)
    today = timezone.localdate()
    panel = PanelFactory(team=team, members=workers[:2])
    meeting = MeetingFactory(panel=panel, meets_on=today - datetime.timedelta(days=60), status=MeetingStatus.SIGNED_OFF)
    meeting.attendees.set(workers)
    for n, worker in enumerate(workers):
        request = submitted_request(panel, worker, workers[0])
        decision = Decision.objects.create(
            meeting=meeting, request=request, decided_at=timezone.now() - datetime.timedelta(days=60),
            outcome=Outcome.AGREED_WITH_CONDITIONS if n else Outcome.NOT_AGREED,
            review_on=today - datetime.timedelta(days=10),
        )
        if n:
            Review.objects.create(decision=decision, what_happened="Went well", risk_managed="yes",
                                  reviewed_on=today - datetime.timedelta(days=12))
    report = services.report(lead(team), team=team, start=today - datetime.timedelta(days=364), end=today)
    assert _row(report, "panel-meetings", "Risk enablement").values == [1, 6, 6, 2.0, 12.0]
    assert _row(report, "panel-decisions", "Requests submitted").values == [6, None]
    assert _row(report, "panel-decisions", "Decided: agreed with conditions").values == [5, 83]
    # One worker's "not agreed" is a group of one: hidden.
    assert _row(report, "panel-decisions", "Decided: not agreed").suppressed
    assert _row(report, "panel-reviews", "Reviewed by the review date").values == [5, 83]
    assert "Went well" not in str(report.sections)
