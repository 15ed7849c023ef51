"""Someone signed in without admin access who opens the admin is told no, not sent round in circles."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_worker_opening_the_admin_gets_the_refusal_page(people, client_for, site_pages):
    response = client_for(people["worker"]).get("/admin/")
    assert response.status_code == 403
    assert "Only practice leads and administrators use the admin." in response.content.decode()


def test_a_practice_lead_still_reaches_the_admin(people, client_for):
    from people.models import SecuritySettings

    security = SecuritySettings.load()
    security.require_mfa_for_practice_leads = False
    security.save()
    assert client_for(people["practice_lead"]).get("/admin/").status_code == 200
