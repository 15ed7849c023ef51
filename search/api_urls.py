"""The Open Referral UK 3.0 API (see search/api.py). Paths follow the UK profile's OpenAPI file."""

from django.urls import path

from . import api

app_name = "oruk"
urlpatterns = [
    path("", api.api_root, name="root"),
    path("services", api.service_list, name="service-list"),
    path("services/<path:id>", api.service_detail, name="service-detail"),
    path("service_at_locations", api.service_at_location_list, name="service-at-location-list"),
    path("service_at_locations/<path:id>", api.service_at_location_detail, name="service-at-location-detail"),
    path("taxonomies", api.taxonomy_list, name="taxonomy-list"),
    path("taxonomies/<path:id>", api.taxonomy_detail, name="taxonomy-detail"),
    path("taxonomy_terms", api.taxonomy_term_list, name="taxonomy-term-list"),
    path("taxonomy_terms/<path:id>", api.taxonomy_term_detail, name="taxonomy-term-detail"),
]
