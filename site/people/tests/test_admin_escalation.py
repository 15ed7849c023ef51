"""A practice lead cannot grant themselves anything through the admin; an administrator can.

Every model the admin edits is declared below as content (leads edit it) or as deciding who may
read what (administrators only). A new admin screen without a row fails the first test.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from people.models import Membership, Role, SecuritySettings, SupervisionRelationship
from people.roles import ensure_role_groups, roles_of, sync_user_groups

# Content: what a practice lead looks after.
LEAD_CONTENT = {
    "learning.ReflectiveTemplate",
    "learning.Framework",
    "learning.FrameworkStatement",
    "core.IdentifierName",
    "supervision.SupervisionTemplate",
    "search_engine.GlossaryTerm",
    "search_engine.EverydayPhrase",
    "panels.TermsOfReference",
    "penpictures.PenPictureLayout",
    "penpictures.ConversationPrompt",
    "directory.Service",
    "directory.Organization",
    "directory.Location",
    "directory.Taxonomy",
    "directory.TaxonomyTerm",
    "directory.OutOfDateReport",
}
# Who holds which role, who supervises whom, who sits in which group, and the logs of access.
ADMINISTRATORS_ONLY = {
    "people.Team",
    "people.Membership",
    "people.SupervisionRelationship",
    "people.User",
    "auth.Group",
    "supervision.PeerGroup",
    "supervision.AccessLogEntry",
    "panels.Panel",
    "panels.AccessLogEntry",
    "wagtailcore.Site",
    "core.PrivacyEvent",
}
# Other admin screens that change who may do what, or site-wide behaviour.
ADMINISTRATOR_URLS = [
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/collections/",
    "/admin/redirects/",
]


# Every test runs in its own savepoint over one cast built for the module (conftest.shared_site).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_site")]


@pytest.fixture(scope="module")
def admin_cast(shared_site, django_db_blocker):
    with django_db_blocker.unblock():
        return _admin_cast(shared_site["people"])


def _admin_cast(people):
    ensure_role_groups()
    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.require_mfa_for_practice_leads = False
    security.save()
    for user in people.values():
        sync_user_groups(user)
    from supervision.demo import ensure_auditor_group
    from supervision.models import PeerGroup

    group = PeerGroup.objects.create(name="Complex cases", team=people["worker"].memberships.get().team)
    group.members.add(people["worker"], people["supervisor"])
    return {"auditors": ensure_auditor_group(), "peer_group": group, **people}


def _model_viewsets():
    reverse("wagtailadmin_home")  # viewsets register themselves as the admin's URLs load
    return [v for v in viewsets.viewsets if isinstance(v, ModelViewSet)]


def _url(viewset, name, *args):
    names = ["index", "list"] if name == "index" else [name]  # snippets call their index "list"
    for candidate in names:
        try:
            return reverse(viewset.get_url_name(candidate), args=args)
        except NoReverseMatch:
            pass
    return None


def _settings_urls():
    from wagtail.contrib.settings.registry import registry

    return [reverse("wagtailsettings:edit", args=[m._meta.app_label, m._meta.model_name]) for m in registry]


def _an_instance(viewset):
    return viewset.model._default_manager.order_by("pk").first()


def test_every_admin_screen_is_declared_content_or_administrators_only(admin_cast):
    labels = {v.model._meta.label for v in _model_viewsets()}
    assert labels - LEAD_CONTENT - ADMINISTRATORS_ONLY == set(), "declare the new admin screen above"
    assert {"people.User", "auth.Group", "people.Membership", "supervision.PeerGroup"} <= labels


def test_a_practice_lead_is_refused_every_people_role_and_group_screen(admin_cast, client_for):
    lead = client_for(admin_cast["practice_lead"])
    checked = 0
    for viewset in _model_viewsets():
        if viewset.model._meta.label not in ADMINISTRATORS_ONLY:
            continue
        urls = [_url(viewset, "index"), _url(viewset, "add")]
        instance = _an_instance(viewset)
        if instance is not None:
            urls += [_url(viewset, name, instance.pk) for name in ("edit", "delete", "inspect", "history", "copy")]
        for url in filter(None, urls):
            response = lead.get(url)
            assert response.status_code in (302, 403), (url, response.status_code)
            if response.status_code == 302:
                assert not response["Location"].startswith(url)
            checked += 1
    settings_urls = _settings_urls()
    assert "/admin/settings/people/securitysettings/" in settings_urls
    for url in ADMINISTRATOR_URLS + settings_urls:
        assert lead.get(url).status_code in (302, 403), url
    assert checked >= 20


def test_a_practice_lead_still_edits_content(admin_cast, client_for):
    lead = client_for(admin_cast["practice_lead"])
    for viewset in _model_viewsets():
        if viewset.model._meta.label not in LEAD_CONTENT:
            continue
        assert lead.get(_url(viewset, "index")).status_code == 200, viewset.model
        add = _url(viewset, "add")
        if add and viewset.model._meta.label != "directory.OutOfDateReport":
            assert lead.get(add).status_code == 200, add
    assert lead.get("/admin/images/").status_code == 200
    assert lead.get("/admin/documents/").status_code == 200


def test_an_administrator_reaches_every_people_screen(admin_cast, client_for):
    admin = client_for(admin_cast["administrator"])
    for viewset in _model_viewsets():
        label = viewset.model._meta.label
        if label in ADMINISTRATORS_ONLY and label != "wagtailcore.Site":
            assert admin.get(_url(viewset, "index")).status_code == 200, label


def _today():
    return timezone.localdate().isoformat()


def test_a_lead_cannot_make_themselves_an_administrator(admin_cast, client_for):
    lead_user = admin_cast["practice_lead"]
    team = lead_user.memberships.get().team
    before = Membership.objects.count()
    response = client_for(lead_user).post(
        reverse("membership:add"),
        {"team": team.pk, "user": lead_user.pk, "role": Role.ADMINISTRATOR, "joined_on": _today()},
    )
    assert response.status_code in (302, 403) and Membership.objects.count() == before
    own = lead_user.memberships.get()
    response = client_for(lead_user).post(
        reverse("membership:edit", args=[own.pk]),
        {"team": team.pk, "user": lead_user.pk, "role": Role.ADMINISTRATOR, "joined_on": _today()},
    )
    assert response.status_code in (302, 403)
    own.refresh_from_db()
    assert own.role == Role.PRACTICE_LEAD
    lead_user.__dict__.pop("_practice_roles", None)
    assert Role.ADMINISTRATOR not in roles_of(lead_user)


def test_a_lead_cannot_join_the_auditors_or_change_a_group(admin_cast, client_for):
    lead_user = admin_cast["practice_lead"]
    auditors = admin_cast["auditors"]
    lead = client_for(lead_user)
    lead.post(
        reverse("wagtailusers_users:edit", args=[lead_user.pk]),
        {"email": lead_user.email, "first_name": "L", "last_name": "L", "groups": [auditors.pk]},
    )
    lead.post(reverse("wagtailusers_groups:edit", args=[auditors.pk]), {"name": auditors.name})
    administrators = Group.objects.get(name="Administrators")
    lead.post(reverse("wagtailusers_groups:edit", args=[administrators.pk]), {"name": "Administrators"})
    lead.post(reverse("wagtailusers_groups:add"), {"name": "Shadow auditors"})
    assert not lead_user.groups.filter(pk=auditors.pk).exists()
    assert administrators.permissions.exists()
    assert not Group.objects.filter(name="Shadow auditors").exists()
    assert not lead_user.has_perm("supervision.audit_supervision")


def test_a_lead_cannot_make_themselves_a_supervisor(admin_cast, client_for):
    lead_user, worker = admin_cast["practice_lead"], admin_cast["worker"]
    response = client_for(lead_user).post(
        reverse("supervisionrelationship:add"),
        {"supervisor": lead_user.pk, "supervisee": worker.pk, "kind": "line_manager", "start_date": _today()},
    )
    assert response.status_code in (302, 403)
    assert not SupervisionRelationship.objects.filter(supervisor=lead_user).exists()


def test_a_lead_cannot_join_a_peer_group_through_the_admin(admin_cast, client_for):
    lead_user, group = admin_cast["practice_lead"], admin_cast["peer_group"]
    members = [admin_cast["worker"].pk, admin_cast["supervisor"].pk, lead_user.pk]
    response = client_for(lead_user).post(
        reverse("peergroup:edit", args=[group.pk]),
        {"name": group.name, "members": members, "facilitator": lead_user.pk, "default_format": group.default_format},
    )
    assert response.status_code in (302, 403)
    group.refresh_from_db()
    assert lead_user not in group.members.all() and group.facilitator_id is None


def test_an_administrator_grants_roles_auditor_access_and_supervision(admin_cast, client_for):
    admin_user, worker = admin_cast["administrator"], admin_cast["worker"]
    admin = client_for(admin_user)
    team = worker.memberships.get().team
    response = admin.post(
        reverse("membership:add"),
        {"team": team.pk, "user": worker.pk, "role": Role.SUPERVISOR, "joined_on": _today()},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert worker.memberships.filter(role=Role.SUPERVISOR).exists()
    response = admin.post(
        reverse("supervisionrelationship:add"),
        {"supervisor": admin_cast["other_supervisor"].pk, "supervisee": worker.pk, "kind": "clinical",
         "start_date": _today()},
    )
    assert response.status_code == 302
    assert SupervisionRelationship.objects.filter(supervisor=admin_cast["other_supervisor"], supervisee=worker).exists()
    group = admin_cast["peer_group"]
    response = admin.post(
        reverse("peergroup:edit", args=[group.pk]),
        {"name": group.name, "members": [worker.pk, admin_cast["other_worker"].pk],
         "default_format": group.default_format},
    )
    assert response.status_code == 302
    assert admin_cast["other_worker"] in group.members.all()


def test_administrators_changes_to_roles_and_groups_are_in_wagtails_history(admin_cast, client_for):
    from wagtail.models import ModelLogEntry

    admin_user, worker, auditors = admin_cast["administrator"], admin_cast["worker"], admin_cast["auditors"]
    admin = client_for(admin_user)
    admin.post(
        reverse("membership:add"),
        {"team": worker.memberships.get().team.pk, "user": worker.pk, "role": Role.SUPERVISOR, "joined_on": _today()},
    )
    membership = worker.memberships.get(role=Role.SUPERVISOR)
    response = admin.post(
        reverse("wagtailusers_users:edit", args=[worker.pk]),
        {"email": worker.email, "first_name": worker.first_name, "last_name": worker.last_name,
         "is_active": "on", "groups": [auditors.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert worker.groups.filter(pk=auditors.pk).exists()
    logged = {(e.content_type.model, e.object_id, e.action) for e in ModelLogEntry.objects.filter(user=admin_user)}
    assert ("membership", str(membership.pk), "wagtail.create") in logged
    assert ("user", str(worker.pk), "wagtail.edit") in logged
    history = admin.get("/admin/reports/site-history/")
    assert history.status_code == 200 and str(membership) in history.content.decode()
