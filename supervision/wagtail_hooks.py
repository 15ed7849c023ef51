"""Admin screens: templates for practice leads; peer groups and the access log for administrators only.

Peer-group membership decides who reads a group's sessions, so, like roles, it is granted by
administrators alone (people.permission_policies).
"""

from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from people.permission_policies import AdministratorsOnlyPolicy, AdministratorsReadOnlyPolicy

from . import services
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
    icon = "view"
    menu_label = "Supervision access log"
    url_prefix = "supervision/access-log"
    list_display = ["at", "user_email", "object_label", "view_name", "reason"]
    list_filter = ["object_kind", "view_name", "reason"]
    search_fields = ["user_email", "object_label"]
    inspect_view_enabled = True
    form_fields = ["user_email"]  # never used: the policy allows viewing only
    list_per_page = 50


class SupervisionViewSetGroup(ViewSetGroup):
    menu_label = "Supervision"
    menu_icon = "clipboard-list"
    items = (SupervisionTemplateViewSet, PeerGroupViewSet, AccessLogViewSet)


@hooks.register("register_admin_viewset")
def register_supervision_viewsets():
    return SupervisionViewSetGroup()
