"""The glossary in the Wagtail admin, and the demo seed."""

import pytest

from search.engine.models import GlossaryTerm

ADMIN_LIST = "/admin/directory/glossary/"


@pytest.fixture
def lead_groups(people):
    from people.roles import ensure_role_groups, sync_user_groups

    ensure_role_groups()
    for user in people.values():
        sync_user_groups(user)
    return people


def test_practice_leads_edit_the_glossary_in_the_admin(lead_groups, client_for, db_settings):
    client = client_for(lead_groups["practice_lead"])
    assert client.get(ADMIN_LIST).status_code == 200
    response = client.post(
        f"{ADMIN_LIST}add/", {"term": "WRAP", "expansions": "wellness recovery action plan", "notes": "", "in_use": "on"}
    )
    assert response.status_code == 302
    added = GlossaryTerm.objects.get(term="WRAP")
    assert added.expansion_list() == ["wellness recovery action plan"]
    assert added.source == "local"


@pytest.mark.parametrize("role", ["worker", "supervisor"])
def test_workers_and_supervisors_cannot_reach_the_glossary(lead_groups, client_for, role):
    before = GlossaryTerm.objects.count()
    response = client_for(lead_groups[role]).get(ADMIN_LIST)
    assert response.status_code in (302, 403)
    response = client_for(lead_groups[role]).post(f"{ADMIN_LIST}add/", {"term": "WRAP", "expansions": "x", "in_use": "on"})
    assert response.status_code in (302, 403)
    assert GlossaryTerm.objects.count() == before


def test_demo_seed_loads_the_glossary_and_is_idempotent(db, db_settings):
    from search.engine.demo import seed

    lines = []
    seed(lines.append)
    count = GlossaryTerm.objects.count()
    assert count >= 30
    assert GlossaryTerm.objects.get(term="LD").expansion_list() == ["learning disability", "learning disabilities"]
    seed(lines.append)
    assert GlossaryTerm.objects.count() == count
    assert any("0 terms added, 0 updated" in line for line in lines)
