"""Admin screens: templates for practice leads; peer groups and the access log for administrators only.

Peer-group membership decides who reads a group's sessions, so, like roles, it is granted by
administrators alone (people.permission_policies).
"""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core import viewsets
from people.permission_policies import AdministratorsOnlyPolicy, AdministratorsReadOnlyPolicy

from .models import AccessLogEntry, PeerGroup, SupervisionTemplate

register_permission_policy(AccessLogEntry, AdministratorsReadOnlyPolicy(AccessLogEntry))
register_permission_policy(PeerGroup, AdministratorsOnlyPolicy(PeerGroup))


class SupervisionTemplateViewSet(ModelViewSet):
    model = SupervisionTemplate
    icon = "doc-full"
    menu_label = "Supervision templates"
    url_prefix = "supervision/templates"
    list_display = ["name", "mode", "is_active"]
    list_filter = ["mode", "is_active"]
    search_fields = ["name", "summary"]


class PeerGroupViewSet(ModelViewSet):
    model = PeerGroup
    icon = "group"
    menu_label = "Peer groups"
    url_prefix = "supervision/peer-groups"
    list_display = ["name", "team", "facilitator"]
    list_filter = ["team"]
    search_fields = ["name"]


class AccessLogViewSet(viewsets.AccessLogViewSet):
    model = AccessLogEntry
    menu_label = "Supervision access log"
    url_prefix = "supervision/access-log"


class SupervisionViewSetGroup(ViewSetGroup):
    menu_label = "Supervision"
    menu_icon = "clipboard-list"
    items = (SupervisionTemplateViewSet, PeerGroupViewSet, AccessLogViewSet)


@hooks.register("register_admin_viewset")
def register_supervision_viewsets():
    return SupervisionViewSetGroup()
