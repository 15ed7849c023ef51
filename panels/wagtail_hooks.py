"""Admin screens: terms of reference for practice leads; panels (membership) and the access log for administrators.

A panel's membership decides who reads its requests and decisions, so, like peer groups, only
administrators change it (people.permission_policies).
"""

from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from people.permission_policies import AdministratorsOnlyPolicy, AdministratorsReadOnlyPolicy

from . import services
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


class AccessLogIndexView(generic.IndexView):
    # get() runs after the permission check; the read is logged before the page counts its rows.
    def get(self, request, *args, **kwargs):
        services.log_access_log_read(request.user, "admin-access-log", query=request.GET.urlencode())
        return super().get(request, *args, **kwargs)


class AccessLogInspectView(generic.InspectView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        services.log_access_log_read(request.user, "admin-access-log-entry", entry=self.object)
        return response


class AccessLogViewSet(ModelViewSet):
    index_view_class = AccessLogIndexView
    inspect_view_class = AccessLogInspectView
    model = AccessLogEntry
    name = "panelaccesslog"
    icon = "view"
    menu_label = "Panel access log"
    url_prefix = "panels/access-log"
    list_display = ["at", "user_email", "object_label", "view_name", "reason"]
    list_filter = ["object_kind", "view_name", "reason"]
    search_fields = ["user_email", "object_label"]
    inspect_view_enabled = True
    form_fields = ["user_email"]  # never used: the policy allows viewing only
    list_per_page = 50


class PanelsViewSetGroup(ViewSetGroup):
    menu_label = "Risk enablement panels"
    menu_icon = "folder-open-inverse"
    items = (PanelViewSet, TermsOfReferenceViewSet, AccessLogViewSet)


@hooks.register("register_admin_viewset")
def register_panels_viewsets():
    return PanelsViewSetGroup()
