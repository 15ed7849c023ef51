"""Admin: the privacy audit (downloads of personal data, retention runs), for administrators only."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import AdministratorsOnlyPolicy, PrivacyEvent

register_permission_policy(PrivacyEvent, AdministratorsOnlyPolicy(PrivacyEvent, actions=("view",)))


class PrivacyAuditViewSet(ModelViewSet):
    model = PrivacyEvent
    icon = "history"
    menu_label = "Privacy audit"
    add_to_reports_menu = True
    url_prefix = "privacy-audit"
    list_display = ["at", "get_kind_display", "actor", "counts_text"]
    list_filter = ["kind"]
    search_fields = ["actor"]
    inspect_view_enabled = True
    form_fields = ["actor"]  # never used: the policy allows viewing only
    list_per_page = 50


@hooks.register("register_admin_viewset")
def register_privacy_audit():
    return PrivacyAuditViewSet("privacy_audit")
