"""Admin of the site layer: the privacy audit (downloads of personal data, retention runs), for
administrators only; the names the identifier check flags, kept by practice leads; the admin's
accessibility fixes (WCAG 2.2 AA at 320 px and desktop), loaded on every admin page."""

from django.templatetags.static import static
from django.utils.html import format_html
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


# Static files, not inline code, so the admin needs nothing more from the Content-Security-Policy.
@hooks.register("insert_global_admin_css")
def admin_accessibility_css():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin/accessibility.css"))


@hooks.register("insert_global_admin_js")
def admin_accessibility_js():
    return format_html('<script src="{}" defer></script>', static("core/admin/accessibility.js"))
