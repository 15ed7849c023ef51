from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Membership, SupervisionRelationship, Team


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
