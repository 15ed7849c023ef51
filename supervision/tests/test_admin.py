import pytest

from people.models import SecuritySettings
from people.roles import ensure_role_groups, sync_user_groups
from supervision import services

from .factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_mfa():
    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.require_mfa_for_practice_leads = False
    security.save()


def test_access_log_is_for_administrators_not_practice_leads(people, client_for):
    ensure_role_groups()
    for who in ("practice_lead", "administrator"):
        sync_user_groups(people[who])
    s = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    services.log_access(people["worker"], s, "session-detail", "supervisee")
    url = "/admin/supervision/access-log/"
    admin_page = client_for(people["administrator"]).get(url)
    assert admin_page.status_code == 200 and people["worker"].email in admin_page.content.decode()
    lead = client_for(people["practice_lead"]).get(url)
    assert lead.status_code in (302, 403) and people["worker"].email not in lead.content.decode()
    # Nobody edits the log, not even administrators.
    assert client_for(people["administrator"]).get(url + "new/").status_code in (302, 403)
    # Practice leads edit templates in the admin.
    assert client_for(people["practice_lead"]).get("/admin/supervision/templates/").status_code == 200


def test_reading_the_access_log_is_itself_logged(people, client_for):
    from supervision.models import AccessLogEntry

    ensure_role_groups()
    for who in ("practice_lead", "administrator"):
        sync_user_groups(people[who])
    s = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    entry = services.log_access(people["worker"], s, "session-detail", "supervisee")
    admin = client_for(people["administrator"])
    assert admin.get("/admin/supervision/access-log/?q=worker").status_code == 200
    assert admin.get(f"/admin/supervision/access-log/inspect/{entry.pk}/").status_code == 200
    reads = AccessLogEntry.objects.filter(user=people["administrator"]).order_by("pk")
    assert [(r.view_name, r.object_id) for r in reads] == [("admin-access-log", 0), ("admin-access-log-entry", entry.pk)]
    assert "q=worker" in reads[0].object_label
    # The reads show in the log itself, for the next administrator to see.
    assert "admin-access-log-entry" in admin.get("/admin/supervision/access-log/").content.decode()
    client_for(people["practice_lead"]).get("/admin/supervision/access-log/")
    assert not AccessLogEntry.objects.filter(user=people["practice_lead"]).exists()
