"""Admin of the site layer: the privacy audit (downloads of personal data, retention runs), for
administrators only; the names the identifier check flags, kept by practice leads."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from people.permission_policies import AdministratorsReadOnlyPolicy

from .models import IdentifierName, PrivacyEvent
from .viewsets import ReadOnlyViewSet

register_permission_policy(PrivacyEvent, AdministratorsReadOnlyPolicy(PrivacyEvent))


class PrivacyAuditViewSet(ReadOnlyViewSet):
    model = PrivacyEvent
    icon = "history"
    menu_label = "Privacy audit"
    add_to_reports_menu = True
    url_prefix = "privacy-audit"
    list_display = ["at", "get_kind_display", "actor", "counts_text"]
    list_filter = ["kind"]
    search_fields = ["actor"]
    form_fields = ["actor"]


@hooks.register("register_admin_viewset")
def register_privacy_audit():
    return PrivacyAuditViewSet("privacy_audit")


class IdentifierNameViewSet(SnippetViewSet):
    model = IdentifierName
    icon = "warning"
    menu_label = "Names to flag"
    search_fields = ["name"]
    add_to_admin_menu = True


register_snippet(IdentifierNameViewSet)
