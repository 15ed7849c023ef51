"""Editing the directory in the Wagtail admin: who can, and that edits keep revisions."""

import pytest
from django.contrib.auth.models import Group

from people.roles import ensure_role_groups, sync_user_groups
from search import models as m
from search.permissions import DIRECTORY_EDITORS_GROUP, ensure_directory_editors_group

from .factories import ServiceFactory

pytestmark = pytest.mark.django_db

INLINES = [
    "attributes", "cost_options", "schedules", "service_at_locations", "service_areas", "phones", "contacts",
    "languages", "funding",
]


@pytest.fixture
def groups(people):
    ensure_role_groups()
    ensure_directory_editors_group()
    for user in people.values():
        sync_user_groups(user)
    return people


def edit_data(service, **changes):
    data = {
        "name": service.name, "organization": service.organization_id or "", "status": service.status, "alert": "",
        "description": service.description, "accreditations": "", "minimum_age": "", "maximum_age": "",
        "eligibility_description": "", "fees": "", "url": "", "email": "", "assured_date": "", "assurer_email": "",
    }
    for name in INLINES:
        data.update({f"{name}-TOTAL_FORMS": "0", f"{name}-INITIAL_FORMS": "0", f"{name}-MIN_NUM_FORMS": "0",
                     f"{name}-MAX_NUM_FORMS": "1000"})
    data.update(changes)
    return data


def test_the_directory_editors_group_can_edit_listings_but_not_notes_or_shortlists():
    group = ensure_directory_editors_group()
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_service", "change_service", "delete_service", "change_location",
            "change_taxonomyterm", "change_outofdatereport"} <= codenames
    assert not codenames & {"change_servicenote", "change_shortlist", "view_shortlistitem", "change_postcode"}
    assert Group.objects.filter(name=DIRECTORY_EDITORS_GROUP).count() == 1


@pytest.mark.parametrize("who, allowed", [("practice_lead", True), ("administrator", True), ("worker", False),
                                          ("supervisor", False)])
def test_who_reaches_the_directory_in_the_admin(client_for, groups, who, allowed):
    service = ServiceFactory()
    c = client_for(groups[who])
    for url in ("/admin/directory/services/", f"/admin/directory/services/edit/{service.pk}/", "/admin/directory/services/add/",
                "/admin/directory/locations/", "/admin/directory/reports/"):
        response = c.get(url)
        if allowed:
            assert response.status_code == 200, url
        else:
            assert response.status_code in (302, 403), url


def test_a_directory_editor_edits_a_service_and_a_revision_is_kept(client_for, groups):
    from people.models import Role
    from people.tests.factories import make_person

    editor = make_person(Role.WORKER, groups["worker"].memberships.first().team, email="editor@example.org")
    editor.groups.add(Group.objects.get(name=DIRECTORY_EDITORS_GROUP))
    service = ServiceFactory(name="Old name")
    c = client_for(editor)

    response = c.post(f"/admin/directory/services/edit/{service.pk}/", edit_data(service, name="New name", minimum_age="16"))

    assert response.status_code == 302, response.content.decode()[:2000]
    service.refresh_from_db()
    assert (service.name, service.minimum_age) == ("New name", 16)
    assert service.revisions.count() == 1 and service.revisions.get().user == editor
    assert service.last_modified is not None


def test_the_admin_refuses_an_age_range_the_wrong_way_round(client_for, groups):
    service = ServiceFactory()
    c = client_for(groups["practice_lead"])
    response = c.post(f"/admin/directory/services/edit/{service.pk}/", edit_data(service, minimum_age="30", maximum_age="18"))
    assert response.status_code == 200  # the form again, with the error
    assert "cannot be younger than the youngest" in response.content.decode()
    service.refresh_from_db()
    assert service.minimum_age is None


def test_the_review_list_is_in_the_admin_menu_for_editors(client_for, groups):
    page = client_for(groups["practice_lead"]).get("/admin/").content.decode()
    assert "Directory review list" in page
    assert m.Service.objects.count() == 0
