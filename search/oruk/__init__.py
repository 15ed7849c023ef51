"""Open Referral UK 3.0: the schemas, and turning directory records into ORUK JSON.

The public surface, used by the API, the export command and the search engine:

    service_to_oruk(service) -> dict            fully nested service (compiled/service.json)
    service_to_oruk_list(service) -> dict       one-to-one fields plus organisation (service_list)
    service_at_location_to_oruk(sal) -> dict    fully nested service at location
    service_at_location_to_oruk_list(sal)       location and service summaries (service_at_location_list)
    taxonomy_to_oruk(t), taxonomy_term_to_oruk(t)
    prefetch_services(queryset)                 the prefetches that make the above query-free
    services_for_list(ids) -> {id: record}      what service_to_oruk_list reads, in one query
    validator(name) -> jsonschema validator     for "service.json", "compiled/service_list.json"...

The schemas (`schema.py`) are a copy of the standard's files (search/oruk_schema). They refer to each other by
relative names and the OpenAPI file by raw.githubusercontent.com addresses; nothing is fetched:
every reference resolves to the local copy.

Output (`serialise.py`, with the prefetches in `queries.py`) leaves out empty values: ORUK types its fields as strings or numbers, so an empty field
is absent rather than null. Required fields are always present.
"""

from .queries import location_prefetches, prefetch_services, services_for_list
from .schema import (
    ORUK_VERSION,
    PROFILE_URL,
    REMOTE_BASE,
    SCHEMA_DIR,
    openapi_document,
    registry,
    schema_errors,
    schema_path,
    served_openapi,
    validator,
)
from .serialise import (
    service_at_location_to_oruk,
    service_at_location_to_oruk_list,
    service_to_oruk,
    service_to_oruk_list,
    taxonomy_term_to_oruk,
    taxonomy_to_oruk,
)

__all__ = [
    "ORUK_VERSION", "PROFILE_URL", "REMOTE_BASE", "SCHEMA_DIR", "location_prefetches", "openapi_document",
    "prefetch_services", "registry", "schema_errors", "schema_path", "served_openapi",
    "service_at_location_to_oruk", "service_at_location_to_oruk_list", "service_to_oruk",
    "service_to_oruk_list", "services_for_list", "taxonomy_term_to_oruk", "taxonomy_to_oruk", "validator",
]
