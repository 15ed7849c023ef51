"""Retention: administrators set the periods; apply_retention deletes what is past them, and only that."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from core.models import PrivacyEvent, PrivacyEventKind, RetentionSettings
from learning.models import LogStatus, RecordEntry, ReflectiveLog, SelfAssessment
from learning.tests.factories import make_log
from people.models import Membership, User
from people.roles import ensure_role_groups, sync_user_groups
from search.models import Shortlist
from supervision import services as supervision_services
from supervision.models import AccessLogEntry, SessionStatus, SupervisionSession
from supervision.tests.factories import SessionFactory

LONG_AGO = timezone.now() - datetime.timedelta(days=365 * 8)


def revisions_of(log_pk):
    return Revision.objects.filter(content_type=ContentType.objects.get_for_model(ReflectiveLog), object_id=str(log_pk))


def age(log, when=LONG_AGO):
    ReflectiveLog.objects.filter(pk=log.pk).update(updated_at=when)


@pytest.fixture
def estate(people):
    """Old and new drafts, an old complete log, an old signed-off session, old and new access-log lines."""
    worker = people["worker"]
    old_draft = make_log(worker, complete=False, title="Old untouched draft")
    for _ in range(2):
        old_draft.save_revision(user=worker, log_action=False, clean=False)
    age(old_draft)
    new_draft = make_log(worker, complete=False, title="Recent draft")
    old_complete = make_log(worker, title="Old complete log")
    age(old_complete)

    old_session = SessionFactory(supervisor=people["supervisor"], supervisees=[worker], starts_at=LONG_AGO)
    SupervisionSession.objects.filter(pk=old_session.pk).update(status=SessionStatus.SIGNED_OFF, locked_at=LONG_AGO)
    supervision_services.contribute_supervision(old_session)
    new_session = SessionFactory(supervisor=people["supervisor"], supervisees=[worker])
    SupervisionSession.objects.filter(pk=new_session.pk).update(status=SessionStatus.SIGNED_OFF, locked_at=timezone.now())
    supervision_services.contribute_supervision(new_session)

    old_line = supervision_services.log_access(people["supervisor"], old_session, "session-detail", "supervisor")
    AccessLogEntry.objects.filter(pk=old_line.pk).update(at=LONG_AGO)
    supervision_services.log_access(people["supervisor"], new_session, "session-detail", "supervisor")
    return {"old_draft": old_draft, "new_draft": new_draft, "old_complete": old_complete,
            "old_session": old_session, "new_session": new_session, **people}


def run(*args):
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return (ReflectiveLog.objects.count(), Revision.objects.count(), RecordEntry.objects.count(),
            SupervisionSession.objects.count(), AccessLogEntry.objects.count(), User.objects.filter(is_active=True).count())


def test_dry_run_changes_nothing_and_reports_counts(estate):
    before = snapshot()
    output = run("--dry-run")
    assert snapshot() == before
    assert "dry run (nothing deleted)" in output
    assert "Would delete Learning – Untouched draft reflective logs: 1" in output
    assert f"Revisions of those drafts: {revisions_of(estate['old_draft'].pk).count()}" in output
    assert "Signed-off supervision records: 1" in output
    assert "Supervision access-log entries: 1" in output
    event = PrivacyEvent.objects.get()
    assert event.kind == PrivacyEventKind.RETENTION_DRY_RUN and event.counts["Untouched draft reflective logs"] == 1


def test_run_deletes_expired_records_with_their_revisions_and_record_entries(estate):
    old_draft, old_session = estate["old_draft"], estate["old_session"]
    assert revisions_of(old_draft.pk).count() >= 3
    assert RecordEntry.objects.filter(source="supervision", source_key=str(old_session.pk)).exists()

    output = run()

    assert "Deleted Learning – Untouched draft reflective logs: 1" in output
    assert not ReflectiveLog.objects.filter(pk=old_draft.pk).exists()
    assert not revisions_of(old_draft.pk).exists()
    assert not SupervisionSession.objects.filter(pk=old_session.pk).exists()
    assert not RecordEntry.objects.filter(source="supervision", source_key=str(old_session.pk)).exists()
    assert AccessLogEntry.objects.count() == 1
    # Unexpired, and complete logs (not drafts), stay with their history.
    for kept in (estate["new_draft"], estate["old_complete"]):
        assert ReflectiveLog.objects.filter(pk=kept.pk).exists() and revisions_of(kept.pk).exists()
    assert SupervisionSession.objects.filter(pk=estate["new_session"].pk).exists()
    assert RecordEntry.objects.filter(source="supervision", source_key=str(estate["new_session"].pk)).exists()
    assert PrivacyEvent.objects.get().kind == PrivacyEventKind.RETENTION
    # A second run finds nothing left.
    assert "Deleted 0 record(s) in all." in run()


def test_a_blank_period_keeps_that_kind_of_record(estate):
    settings = RetentionSettings.load()
    settings.draft_log_months = None
    settings.save()
    run()
    assert ReflectiveLog.objects.filter(pk=estate["old_draft"].pk).exists()


def test_leavers_accounts_are_anonymised_and_their_own_records_deleted(people):
    leaver = people["other_worker"]
    log = make_log(leaver, title="Leaver's log")
    Shortlist.objects.create(owner=leaver, label="AB")
    Membership.objects.filter(user=leaver).update(left_on=timezone.localdate() - datetime.timedelta(days=500))
    stayer_log = make_log(people["worker"])
    download = PrivacyEvent.objects.create(kind=PrivacyEventKind.SUBJECT_ACCESS, user=leaver, actor=leaver.email)

    assert "Would delete Site – " not in run("--dry-run")
    run()

    leaver.refresh_from_db()
    assert not leaver.is_active and not leaver.has_usable_password()
    assert leaver.email.endswith("@closed.invalid") and "other.worker" not in leaver.email
    assert not ReflectiveLog.objects.filter(owner=leaver).exists() and not revisions_of(log.pk).exists()
    assert not RecordEntry.objects.filter(owner=leaver).exists()
    assert not SelfAssessment.objects.filter(owner=leaver).exists()
    assert not Shortlist.objects.filter(owner=leaver).exists()
    assert ReflectiveLog.objects.filter(pk=stayer_log.pk, status=LogStatus.COMPLETE).exists()
    assert people["worker"].email == User.objects.get(pk=people["worker"].pk).email
    download.refresh_from_db()
    assert download.actor == leaver.email  # the audit line stays, without the name


@pytest.fixture
def admin_groups(site_pages, people):
    from people.models import SecuritySettings

    ensure_role_groups()
    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.save()
    for who in ("practice_lead", "administrator"):
        sync_user_groups(people[who])
    return people


def refused(response):
    """Wagtail's admin refuses with a 403, or (for a page load) a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_only_administrators_edit_retention_settings(admin_groups, client_for):
    settings = RetentionSettings.load()
    url = f"/admin/settings/core/retentionsettings/{settings.pk}/"
    lead = client_for(admin_groups["practice_lead"])
    for response in (lead.get(url), lead.post(url, {"draft_log_months": "1"})):
        assert refused(response)
    assert RetentionSettings.load().draft_log_months == 12
    assert b"retentionsettings" not in lead.get("/admin/").content  # not in the lead's Settings menu

    admin = client_for(admin_groups["administrator"])
    assert admin.get(url).status_code == 200
    response = admin.post(url, {"draft_log_months": "6", "supervision_years": "", "access_log_years": "2", "leaver_months": "12"})
    assert response.status_code == 302
    saved = RetentionSettings.load()
    assert saved.draft_log_months == 6 and saved.supervision_years is None


def test_only_administrators_read_the_privacy_audit(admin_groups, client_for):
    PrivacyEvent.objects.create(kind=PrivacyEventKind.SUBJECT_ACCESS, actor="worker@example.org", counts={"Reflective logs": 2})
    assert refused(client_for(admin_groups["practice_lead"]).get("/admin/privacy-audit/"))
    response = client_for(admin_groups["administrator"]).get("/admin/privacy-audit/")
    assert response.status_code == 200 and b"worker@example.org" in response.content
    assert refused(client_for(admin_groups["administrator"]).get("/admin/privacy-audit/new/"))
