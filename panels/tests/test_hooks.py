"""What panels give the rest of the site: admin screens, the record's audiences, dashboard, my data,
retention and the demo."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.subject_access import sections_for
from learning import record
from learning.models import RecordEntry
from panels import retention, services
from panels.models import AccessLogEntry, Outcome, Panel, PanelMeeting, PanelRequest
from people.models import SecuritySettings
from people.roles import ensure_role_groups, sync_user_groups

pytestmark = pytest.mark.django_db

REFLECTION = "PANEL-REFLECTION what the nurse's view taught me"


@pytest.fixture(autouse=True)
def no_mfa():
    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.require_mfa_for_practice_leads = False
    security.save()


@pytest.fixture
def held(panel_world):
    w = panel_world
    services.add_to_agenda(w["meeting"], w["chair"], w["request"])
    services.record_attendance(w["meeting"], w["chair"], attendees=[w["chair"], w["other_worker"]], guests=[])
    decision = services.record_decision(w["meeting"], w["chair"], w["request"], outcome=Outcome.AGREED, rationale="Agreed",
                                        review_on=timezone.localdate() + datetime.timedelta(days=10),
                                        actions=[("Arrange travel training", w["worker"], None)])
    services.sign_off(w["meeting"], w["chair"])
    services.save_reflection(w["meeting"], w["worker"], REFLECTION)
    return {**w, "decision": decision}


def test_practice_leads_edit_terms_of_reference_but_only_administrators_change_membership(people, client_for):
    ensure_role_groups()
    for who in ("practice_lead", "administrator"):
        sync_user_groups(people[who])
    lead, admin = client_for(people["practice_lead"]), client_for(people["administrator"])
    assert lead.get("/admin/panels/terms/").status_code == 200
    assert lead.get("/admin/panels/panels/").status_code in (302, 403)
    assert lead.get("/admin/panels/access-log/").status_code in (302, 403)
    assert admin.get("/admin/panels/panels/").status_code == 200
    assert admin.get("/admin/panels/panels/new/").status_code == 200
    assert admin.get("/admin/panels/access-log/").status_code == 200
    assert admin.get("/admin/panels/access-log/new/").status_code in (302, 403)  # nobody edits the log
    assert AccessLogEntry.objects.filter(view_name="admin-access-log", user=people["administrator"]).exists()


def test_the_reflection_copied_to_the_record_is_for_the_people_at_the_meeting(held):
    entry = RecordEntry.objects.get(source=services.RECORD_SOURCE, owner=held["worker"])
    assert entry.includes_peer_reflection and entry.summary == REFLECTION
    # The worker's supervisor reads the worker's record, but was not at the meeting.
    [seen] = record.visible_content(held["supervisor"], [entry])
    assert not seen.content_shown and seen.summary == ""
    [seen] = record.visible_content(held["other_worker"], [RecordEntry.objects.get(pk=entry.pk)])
    assert seen.content_shown


def test_the_dashboard_shows_a_worker_their_requests_and_a_chair_what_waits_and_what_is_due(held, client_for, site_pages):
    from panels.tests.factories import submitted_request

    waiting = submitted_request(held["panel"], held["other_worker"], held["supervisor"])
    chair_home = client_for(held["chair"]).get("/").content.decode()
    assert "Risk enablement panels you chair" in chair_home and waiting.case_reference in chair_home
    assert held["request"].case_reference in chair_home  # its review is due within 30 days
    worker_home = client_for(held["worker"]).get("/").content.decode()
    assert "Your risk enablement requests" in worker_home and held["request"].case_reference in worker_home
    assert 'href="/panels/"' in worker_home  # in the main navigation


def test_download_my_data_holds_my_requests_and_my_reflection_not_others_requests(held):
    from panels.tests.factories import submitted_request

    other = submitted_request(held["panel"], held["other_worker"], held["supervisor"], what_person_wants="OTHER-CASE-TEXT")
    assert other.pk
    worker = next(s for s in sections_for(held["worker"]) if s["app"] == "panels")
    text = repr(worker)
    assert held["request"].what_person_wants in text and REFLECTION in text and "OTHER-CASE-TEXT" not in text
    chair = next(s for s in sections_for(held["chair"]) if s["app"] == "panels")
    assert held["request"].what_person_wants not in repr(chair) and REFLECTION not in repr(chair)


def test_retention_deletes_signed_off_meetings_past_the_period_with_their_entries(held):
    from core.retention import RetentionPolicy

    later = timezone.now() + datetime.timedelta(days=1)
    policy = RetentionPolicy(now=later, supervision_signed_off_before=later, access_log_before=later)
    counts = retention.expire(policy, dry_run=True)
    assert counts["Signed-off panel meeting records"] == 1 and PanelMeeting.objects.filter(pk=held["meeting"].pk).exists()
    retention.expire(policy, dry_run=False)
    assert not PanelMeeting.objects.filter(pk=held["meeting"].pk).exists()
    assert not PanelRequest.objects.filter(pk=held["request"].pk).exists()
    assert not RecordEntry.objects.filter(source=services.RECORD_SOURCE).exists()
    assert not AccessLogEntry.objects.exists()


def test_the_demo_seeds_a_panel_with_requests_in_different_states_once(site_pages):
    from core.demo import seed_people
    from panels import demo

    seed_people()  # the demo logins the panel is made of; the other apps' demos are not needed (40 s)
    demo.seed(lambda line: None)
    demo.seed(lambda line: None)
    panel = Panel.objects.get()
    assert panel.external_members.count() == 3 and panel.terms.body
    statuses = set(panel.requests.values_list("status", flat=True))
    assert {"draft", "submitted", "decided"} <= statuses
    decision = panel.meetings.get(status="signed_off").decisions.get()
    assert decision.outcome == Outcome.AGREED_WITH_CONDITIONS and decision.review_on and decision.conditions
    assert reverse("panels:index")
