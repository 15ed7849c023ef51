"""Admin screens: terms of reference for practice leads; panels (membership) and the access log for administrators.

A panel's membership decides who reads its requests and decisions, so, like peer groups, only
administrators change it (people.permission_policies).
"""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core import viewsets
from people.permission_policies import AdministratorsOnlyPolicy, AdministratorsReadOnlyPolicy

from .models import AccessLogEntry, Panel, TermsOfReference

register_permission_policy(AccessLogEntry, AdministratorsReadOnlyPolicy(AccessLogEntry))
register_permission_policy(Panel, AdministratorsOnlyPolicy(Panel))


class PanelViewSet(ModelViewSet):
    model = Panel
    icon = "group"
    menu_label = "Panels and members"
    url_prefix = "panels/panels"
    list_display = ["name", "team", "chair", "is_active"]
    list_filter = ["team", "is_active"]
    search_fields = ["name"]


class TermsOfReferenceViewSet(ModelViewSet):
    model = TermsOfReference
    icon = "doc-full"
    menu_label = "Terms of reference"
    url_prefix = "panels/terms"
    list_display = ["panel", "updated_at"]


class AccessLogViewSet(viewsets.AccessLogViewSet):
    model = AccessLogEntry
    name = "panelaccesslog"
    menu_label = "Panel access log"
    url_prefix = "panels/access-log"


class PanelsViewSetGroup(ViewSetGroup):
    menu_label = "Risk enablement panels"
    menu_icon = "folder-open-inverse"
    items = (PanelViewSet, TermsOfReferenceViewSet, AccessLogViewSet)


@hooks.register("register_admin_viewset")
def register_panels_viewsets():
    return PanelsViewSetGroup()
