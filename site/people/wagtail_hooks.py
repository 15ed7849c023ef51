"""People in the admin: teams, roles and supervision relationships, for administrators only.

A practice lead's admin is content (templates, frameworks, glossary, directory, guidance) and
counts; who holds which role and who supervises whom decide who may read whose records, so only
administrators change them. The policies below check the role on every view, create and edit
included, whatever permissions a group happens to carry.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import Membership, SupervisionRelationship, Team
from .permission_policies import AdministratorsOnlyPolicy

# Wagtail's own users and groups screens too: a user's groups decide auditor access.
for _model in (Team, Membership, SupervisionRelationship, get_user_model(), Group):
    register_permission_policy(_model, AdministratorsOnlyPolicy(_model))


class TeamViewSet(ModelViewSet):
    model = Team
    icon = "group"
    menu_label = "Teams"
    url_prefix = "people/teams"
    list_display = ["name", "service_area"]
    search_fields = ["name", "service_area"]
    form_fields = ["name", "service_area", "description"]


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = "Memberships and roles"
    url_prefix = "people/memberships"
    list_display = ["user", "team", "role", "joined_on", "left_on"]
    list_filter = ["team", "role"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    form_fields = ["team", "user", "role", "joined_on", "left_on"]


class SupervisionRelationshipViewSet(ModelViewSet):
    model = SupervisionRelationship
    icon = "link"
    menu_label = "Supervision relationships"
    url_prefix = "people/supervision-relationships"
    list_display = ["supervisee", "supervisor", "kind", "start_date", "end_date"]
    list_filter = ["kind"]
    search_fields = ["supervisee__email", "supervisor__email", "supervisee__last_name"]
    form_fields = ["supervisor", "supervisee", "kind", "start_date", "end_date"]


class PeopleViewSetGroup(ViewSetGroup):
    menu_label = "People"
    menu_icon = "group"
    items = (TeamViewSet, MembershipViewSet, SupervisionRelationshipViewSet)


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleViewSetGroup()
