"""The directory in the Wagtail admin: one "Directory" menu for practice leads and directory editors."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Location, Organization, OutOfDateReport, Service, Taxonomy, TaxonomyTerm
from .permissions import can_view_review_list


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "list-ul"
    menu_label = "Services"
    url_prefix = "directory/services"
    list_display = ["name", "organization", "status", "assured_date", "last_modified"]
    list_filter = ["status"]
    search_fields = ["name", "description", "organization__name"]
    search_backend_name = None
    ordering = ["name"]
    list_per_page = 50


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = "Organisations"
    url_prefix = "directory/organisations"
    list_display = ["name", "website", "email"]
    search_fields = ["name", "description"]
    search_backend_name = None
    ordering = ["name"]


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "site"
    menu_label = "Locations"
    url_prefix = "directory/locations"
    list_display = ["__str__", "location_type", "latitude", "longitude"]
    search_fields = ["name", "description", "addresses__postal_code", "addresses__address_1", "addresses__city"]
    search_backend_name = None
    ordering = ["name"]


class TaxonomyViewSet(SnippetViewSet):
    model = Taxonomy
    icon = "folder-open-inverse"
    menu_label = "Taxonomies"
    url_prefix = "directory/taxonomies"
    list_display = ["name", "version", "uri"]
    search_fields = ["name"]
    search_backend_name = None


class TaxonomyTermViewSet(SnippetViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = "Categories (taxonomy terms)"
    url_prefix = "directory/terms"
    list_display = ["name", "taxonomy", "term"]
    list_filter = ["taxonomy"]
    search_fields = ["name", "description", "term"]
    search_backend_name = None


class OutOfDateReportViewSet(SnippetViewSet):
    model = OutOfDateReport
    icon = "warning"
    menu_label = "Out-of-date reports"
    url_prefix = "directory/reports"
    list_display = ["service", "reason", "created_at", "resolved_at"]
    search_fields = ["reason", "service__name"]
    search_backend_name = None
    ordering = ["resolved_at", "-created_at"]
    panels = OutOfDateReport.panels


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Directory"
    menu_icon = "list-ul"
    menu_order = 300
    items = (
        ServiceViewSet,
        OrganizationViewSet,
        LocationViewSet,
        TaxonomyViewSet,
        TaxonomyTermViewSet,
        OutOfDateReportViewSet,
    )


register_snippet(DirectoryGroup)


class ReviewListMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_review_list(request.user)


@hooks.register("register_admin_menu_item")
def review_list_menu_item():
    return ReviewListMenuItem(
        "Directory review list", reverse("search:review-list"), icon_name="tasks", order=305
    )
