"""The directory, modelled on Open Referral UK 3.0 (ORUK).

Every ORUK entity keeps its ORUK id (a UUID) as its primary key, so a service's id in the
database, in the API and in an import file is the same string. Field names follow the standard;
the few additions (phones on services, language names, location-specific schedules) follow
HSDS 3.0, which ORUK extends.

Service and Organization are Wagtail snippets with revisions; their nested parts are
ParentalKey children edited as inline panels. Location is shared between services, so it is
its own snippet, chosen from a service's "where" panel.

One module a concern (taxonomy, organisations, locations, services, postcodes, staff's own
additions); everything is named here too, so `search.models.X` (and the migrations' paths) keep
working.
"""

from .common import LISTED_STATUSES, REVIEW_INTERVAL, ServiceStatus, new_id
from .locations import Accessibility, Address, Location, LocationType
from .organisations import Organization, OrganizationIdentifier
from .postcodes import Postcode
from .services import (
    DAY_NAMES,
    Contact,
    CostOption,
    Funding,
    Language,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceAttribute,
    ServiceQuerySet,
    age_range_text,
    clock,
    gss_code_from,
)
from .staff import OutOfDateReport, ServiceNote, Shortlist, ShortlistItem
from .taxonomy import Taxonomy, TaxonomyTerm

__all__ = [
    "DAY_NAMES", "LISTED_STATUSES", "REVIEW_INTERVAL", "Accessibility", "Address", "Contact", "CostOption",
    "Funding", "Language", "Location", "LocationType", "Organization", "OrganizationIdentifier",
    "OutOfDateReport", "Phone", "Postcode", "Schedule", "Service", "ServiceArea", "ServiceAtLocation",
    "ServiceAttribute", "ServiceNote", "ServiceQuerySet", "ServiceStatus", "Shortlist", "ShortlistItem",
    "Taxonomy", "TaxonomyTerm", "age_range_text", "clock", "gss_code_from", "new_id",
]
