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
