"""The prefetches that make the serialisers query-free."""

from django.db.models import Prefetch


def location_prefetches(prefix=""):
    return [f"{prefix}addresses", f"{prefix}accessibility", f"{prefix}phones"]


def prefetch_services(queryset):
    """Everything service_to_oruk reads, in a fixed number of queries."""
    from search.models import ServiceAtLocation

    return queryset.select_related("organization").prefetch_related(
        "organization__organization_identifiers",
        "schedules",
        "service_areas",
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                *location_prefetches("location__")
            ),
        ),
        "languages",
        "funding",
        "cost_options",
        "contacts__phones",
        "phones",
        "attributes__taxonomy_term__taxonomy",
    )
