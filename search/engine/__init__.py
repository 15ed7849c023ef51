"""The directory's search engine: Elasticsearch when configured and reachable, the database otherwise.

Public interface (used by the search page and the ORUK API):

    search_services(ServiceQuery(...)) -> SearchResults   (its proximity: the place measured from)
    suggest(prefix, limit=8) -> list[str]
    PostcodeNotFound: raised by search_services for a postcode it cannot place

Everything else in this package is private. Imports are lazy so that importing the package
does not load Django models before the app registry is ready.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time


@dataclass
class ServiceQuery:
    text: str = ""
    postcode: str = ""
    radius_miles: float | None = None
    # A service matches when its eligible age range overlaps [min_age, max_age]; no limit matches any age.
    min_age: int | None = None
    max_age: int | None = None
    taxonomy_term_ids: tuple = ()
    taxonomy_ids: tuple = ()
    free_only: bool = False
    service_areas: tuple = ()
    accessibility: tuple = ()
    day: str | None = None  # "MO".."SU" (or a day name): open on that day
    start_time: time | str | None = None  # open at some point between start_time and end_time
    end_time: time | str | None = None
    sort: str = "relevance"  # "relevance" | "distance" | "name"
    page: int = 1
    per_page: int = 20
    # Read an age from the words ("for a 17 year old", "teenagers") when no age is given: the
    # search page and the ORUK API's search both do.
    read_age_from_text: bool = False
    # Read a town or postcode from the words ("day centre near Dereham") when no postcode is given.
    read_place_from_text: bool = True
    # What the answer carries besides the ranked hits: the page shows facet counts and marked
    # words; the ORUK API shows neither, so it asks for neither (each costs every search time).
    facets: bool = True
    highlights: bool = True


@dataclass
class Listing:
    """What a results list shows of a service, as the engine stored it (no database load needed)."""

    service_id: str
    name: str
    organisation: str = ""
    town: str = ""
    description: str = ""
    status: str = ""
    minimum_age: float | None = None
    maximum_age: float | None = None
    is_free: bool = False

    @property
    def pk(self):
        """The service's id, under the name templates shared with the directory's pages use."""
        return self.service_id


@dataclass
class Hit:
    service_id: str
    score: float
    distance_m: float | None
    highlights: dict[str, list[str]] = field(default_factory=dict)
    # Filled by a backend that stores what the results list shows (Elasticsearch); otherwise the
    # page reads it for the whole page at once (documents.listings_for).
    listing: Listing | None = None


@dataclass(frozen=True)
class Proximity:
    """Where a search measured distances from: the place it understood (a postcode, or a town or
    postcode read from the words) and the radius, if any. Hits carry their nearest distance."""

    label: str
    latitude: float
    longitude: float
    area_codes: frozenset = frozenset()  # the district and county codes the place lies in
    radius_m: float | None = None

    def metres_to(self, latitude, longitude) -> float | None:
        """The distance from the place to a point (None when the point is unknown)."""
        if latitude is None or longitude is None:
            return None
        from .scoring import haversine_m

        return haversine_m(self.latitude, self.longitude, latitude, longitude)


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, str, int]]]
    suggestion: str | None
    backend: str  # "elasticsearch" | "database"
    fallback_reason: str | None
    took_ms: float | None
    # What the engine understood: the place searched from, and an age read from the text.
    place_label: str | None = None
    age_from_text: int | None = None
    ages_from_text: str | None = None  # an age group read from the words ("teenagers")
    ages_order_only: bool = False  # that group is broad ("children"): it orders, nothing was left out
    place_from_text: bool = False  # the place was read from the words, not a postcode field
    radius_miles: float | None = None
    expansions: list[str] = field(default_factory=list)
    proximity: Proximity | None = None  # None when the search had no place


class PostcodeNotFound(ValueError):
    """The postcode (or outward code) is not one the directory knows."""


def search_services(query: ServiceQuery) -> SearchResults:
    """Search listed services; Elasticsearch when it answers, the database when it does not."""
    from .searching import search_services as run

    return run(query)


def suggest(prefix: str, limit: int = 8) -> list[str]:
    """Completions for what someone has typed so far: service names, categories, glossary terms."""
    from .searching import suggest as run

    return run(prefix, limit)
