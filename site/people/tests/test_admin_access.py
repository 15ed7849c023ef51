"""Only practice leads and administrators reach the Wagtail admin."""

import pytest

from people.roles import ensure_role_groups


@pytest.fixture
def groups(db, site_pages):
    ensure_role_groups()
    # Administrators must set up two-factor authentication by default; tested in test_accounts.
    from people.models import SecuritySettings

    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.save()


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("worker", False),
        ("supervisor", False),
        ("practice_lead", True),
        ("administrator", True),
    ],
)
def test_admin_by_role(groups, people, client_for, who, allowed):
    from people.roles import sync_user_groups

    user = people[who]
    sync_user_groups(user)
    response = client_for(user).get("/admin/")
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/admin/" not in response["Location"] or "login" in response["Location"]


def test_anonymous_admin_goes_to_login(groups, client_for):
    response = client_for(None).get("/admin/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_practice_lead_manages_content_but_not_teams_or_users(groups, people, client_for):
    lead = client_for(people["practice_lead"])
    assert lead.get("/admin/supervision/templates/").status_code == 200
    assert lead.get("/admin/people/teams/").status_code in (302, 403)
    assert lead.get("/admin/users/").status_code in (302, 403)
    admin = client_for(people["administrator"])
    assert admin.get("/admin/users/").status_code == 200


def test_leaving_the_role_removes_admin_access(groups, people, client_for):
    from django.utils import timezone

    lead = people["practice_lead"]
    membership = lead.memberships.get()
    membership.left_on = timezone.localdate() - timezone.timedelta(days=1)
    membership.save()
    assert client_for(lead).get("/admin/").status_code in (302, 403)


def test_administrators_are_sent_to_set_up_two_factor_by_default(db, site_pages, people, client_for):
    ensure_role_groups()
    response = client_for(people["administrator"]).get("/admin/")
    assert response.status_code == 302 and "/accounts/2fa/totp/activate/" in response["Location"]


def test_a_fresh_install_has_the_administrators_groups_without_the_demo(db):
    """`migrate` alone (a production install, no seed_demo) creates the groups roles are given."""
    from django.contrib.auth.models import Group

    leads = Group.objects.get(name="Practice leads")
    admins = Group.objects.get(name="Administrators")
    assert leads.permissions.filter(codename="access_admin").exists()
    assert set(leads.permissions.all()) < set(admins.permissions.all())
