"""The prefetches that make the serialisers query-free."""

from types import SimpleNamespace

from django.db.models import Prefetch

from .serialise import LIST_ORGANIZATION_FIELDS, LIST_SERVICE_FIELDS


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


def services_for_list(ids) -> dict:
    """What service_to_oruk_list reads of these services (and their organisations), by id, in one
    query, as plain records: fifty model instances (modelcluster's, each setting up its child
    relations) cost the API's search more CPU than finding them."""
    from search.models import Service

    organisation = [f"organization__{name}" for name in LIST_ORGANIZATION_FIELDS]
    found = {}
    for row in Service.objects.filter(pk__in=ids).order_by().values(*LIST_SERVICE_FIELDS, *organisation):
        service = SimpleNamespace(**{name: row[name] for name in LIST_SERVICE_FIELDS})
        service.organization = (
            SimpleNamespace(**{name: row[f"organization__{name}"] for name in LIST_ORGANIZATION_FIELDS}) if row["organization_id"] else None
        )
        found[row["id"]] = service
    return found
