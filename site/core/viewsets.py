"""Wagtail admin viewset bases the apps' admin screens share.

Read-only screens (access logs, the privacy audit) list and inspect rows and offer nothing else; the
model's permission policy (people.permission_policies.AdministratorsReadOnlyPolicy, registered in the
app's wagtail_hooks) is what keeps add, edit and delete closed, to everyone.
"""

from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from . import access_log


class ReadOnlyViewSet(ModelViewSet):
    """A listing and an inspect page; set form_fields to one field (never used: the policy allows viewing only)."""

    inspect_view_enabled = True
    list_per_page = 50


class AccessLogIndexView(generic.IndexView):
    # get() runs after the permission check; the read is logged before the page counts its rows.
    def get(self, request, *args, **kwargs):
        access_log.log_access_log_read(self.model, request.user, "admin-access-log", query=request.GET.urlencode())
        return super().get(request, *args, **kwargs)


class AccessLogInspectView(generic.InspectView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        access_log.log_access_log_read(self.model, request.user, "admin-access-log-entry", entry=self.object)
        return response


class AccessLogViewSet(ReadOnlyViewSet):
    """An app's content access log (a core.access_log.AccessLogEntryBase); each read of it is logged in it."""

    index_view_class = AccessLogIndexView
    inspect_view_class = AccessLogInspectView
    icon = "view"
    list_display = ["at", "user_email", "object_label", "view_name", "reason"]
    list_filter = ["object_kind", "view_name", "reason"]
    search_fields = ["user_email", "object_label"]
    form_fields = ["user_email"]
