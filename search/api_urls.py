"""The Open Referral UK 3.0 API (see search/api.py). Paths follow the UK profile's OpenAPI file."""

from django.urls import path, register_converter

from . import api


class AnyId:
    """Any id at all, newlines and slashes included, so that a bad one gets the API's JSON 404."""

    regex = r"[\s\S]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


register_converter(AnyId, "oruk_id")

app_name = "oruk"
urlpatterns = [
    path("", api.api_root, name="root"),
    path("openapi.json", api.openapi, name="openapi"),
    path("services", api.service_list, name="service-list"),
    path("services/<oruk_id:id>", api.service_detail, name="service-detail"),
    path("service_at_locations", api.service_at_location_list, name="service-at-location-list"),
    path("service_at_locations/<oruk_id:id>", api.service_at_location_detail, name="service-at-location-detail"),
    path("taxonomies", api.taxonomy_list, name="taxonomy-list"),
    path("taxonomies/<oruk_id:id>", api.taxonomy_detail, name="taxonomy-detail"),
    path("taxonomy_terms", api.taxonomy_term_list, name="taxonomy-term-list"),
    path("taxonomy_terms/<oruk_id:id>", api.taxonomy_term_detail, name="taxonomy-term-detail"),
]
