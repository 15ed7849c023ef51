"""The Open Referral UK 3.0 read-only API, as the UK profile's schema/openapi.json defines it.

Lists use ORUK's paginated envelope. Searching and filtering go through the directory's search
engine (search.engine), so the API finds and ranks exactly what the search page does; a plain
listing with no filters comes straight from the database, ordered by name.

Meanings the standard leaves open, decided here:
- minimum_age / maximum_age: a service matches when its eligible age range overlaps the range
  asked for; a service with no age limit matches any age. So minimum_age=17&maximum_age=17
  finds what a 17-year-old can use. Either bound alone is open-ended on the other side.
- start_time / end_time / day: the service is open at some point in that window (on that day).
- postcode without proximity: services whose service area covers the postcode, plus those
  that declare no service area. With proximity (metres): locations within that distance of the
  postcode's centre, or services whose area covers it.
- search naming a place ("day centre near Dereham", "food bank in Diss", a postcode in the
  words) when no postcode is given: read as the search page reads it, a town or postcode with
  the directory's default radius (or "within 5 miles of ..."). /services lists the services in
  reach; /service_at_locations lists their locations within the radius (or services whose area
  covers the place), nearest first within each service.
- Inactive and defunct services are never listed; asking for one by id still answers, so a
  stale link learns its status.
- page below 1 is page 1; per_page is 1 to 100 (default 50); a page past the end is empty.

Whether the API needs a login is the ORUK_API_PUBLIC setting. Public, it sends
Access-Control-Allow-Origin: * so other councils' sites can read it from the browser, and
Cache-Control: public, max-age=300; signed-in only, it is private and never stored like every other page.
"""

import math
import uuid
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt

from . import oruk
from .models import (
    LISTED_STATUSES,
    Location,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
# /service_at_locations with filters ranks services through the engine, then lists their
# locations; it looks at no more than this many of the best-matching services.
MAX_RANKED_SERVICES = 1000
METRES_PER_MILE = 1609.344


class BadParameter(ValueError):
    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def error(status, message, parameter=None):
    body = {"error": message, "status": status}
    if parameter:
        body["parameter"] = parameter
    return JsonResponse(body, status=status)


def oruk_endpoint(view):
    """GET only, JSON errors, public or signed-in according to ORUK_API_PUBLIC, CORS when public."""

    # Read-only: other methods get a JSON 405, not a CSRF failure page.
    @csrf_exempt
    @login_not_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        public = settings.ORUK_API_PUBLIC
        if request.method == "OPTIONS":
            response = JsonResponse({})
            response["Allow"] = "GET, HEAD, OPTIONS"
        elif request.method not in ("GET", "HEAD"):
            response = error(405, "This API is read-only: use GET.")
            response["Allow"] = "GET, HEAD, OPTIONS"
        elif not public and not request.user.is_authenticated:
            response = error(401, "Sign in to use the directory API.")
        else:
            try:
                response = view(request, *args, **kwargs)
            except BadParameter as exc:
                response = error(400, exc.message, exc.parameter)
        if public:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            # Published data: shared caches may keep it briefly (everything else is no-store).
            patch_cache_control(response, public=True, max_age=300)
        else:
            patch_vary_headers(response, ["Cookie"])
        return response

    return wrapped


# ---- Parameters ---------------------------------------------------------------------------------


def _text(request, name, limit=200):
    """A text parameter, trimmed, without NUL characters (which databases refuse)."""
    return request.GET.get(name, "").replace("\x00", "").strip()[:limit]


# An empty parameter ("start_time=", "proximity=") means the same as one left out: clients generated
# from the standard's OpenAPI file send every parameter, empty or not. Wrong values still get 400.


def _given(request, names):
    return any(request.GET.get(name, "").strip() for name in names)


def _int(request, name, default):
    raw = request.GET.get(name, "").strip()
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise BadParameter(name, f"{name} must be a whole number, not {raw[:40]!r}") from None


def _number(request, name):
    raw = request.GET.get(name, "").strip()
    if raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise BadParameter(name, f"{name} must be a number, not {raw[:40]!r}") from None
    if not math.isfinite(value):
        raise BadParameter(name, f"{name} must be a finite number")
    return value


# A search pages through its first 10,000 matches (Elasticsearch's own window); beyond that a
# page is answered as empty, with the true total.
MAX_SEARCH_WINDOW = 10_000


def paging(request):
    page = max(1, _int(request, "page", 1))
    per_page = _int(request, "per_page", DEFAULT_PER_PAGE)
    per_page = DEFAULT_PER_PAGE if per_page < 1 else min(per_page, MAX_PER_PAGE)
    return page, per_page


def window(queryset, page, per_page, total):
    """The page's rows, or none when the page is past the end."""
    start = (page - 1) * per_page
    if start >= total:
        return []
    return list(queryset[start : start + per_page])


def envelope(total, page, per_page, contents):
    total_pages = math.ceil(total / per_page) if total else 0
    return JsonResponse(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": len(contents) == 0,
            "contents": contents,
        },
        json_dumps_params={"ensure_ascii": False},
    )


SEARCH_PARAMETERS = ("search", "taxonomy_term_id", "taxonomy_id", "minimum_age", "maximum_age", "start_time", "end_time", "day")


def search_query(request, page, per_page, with_place=False):
    """The engine's ServiceQuery for this request, or None when nothing narrows the listing."""
    names = SEARCH_PARAMETERS + (("postcode", "proximity") if with_place else ())
    if not _given(request, names):
        return None
    from search.engine import ServiceQuery

    minimum_age, maximum_age = _number(request, "minimum_age"), _number(request, "maximum_age")
    return ServiceQuery(
        text=_text(request, "search"),
        min_age=minimum_age,
        max_age=maximum_age,
        taxonomy_term_ids=_ids(request, "taxonomy_term_id"),
        taxonomy_ids=_ids(request, "taxonomy_id"),
        day=_text(request, "day", 20) or None,
        start_time=_text(request, "start_time", 40) or None,
        end_time=_text(request, "end_time", 40) or None,
        page=page,
        per_page=per_page,
        sort="relevance",
        # The words may name an age or a place ("for a 15 year old", "near Dereham"), as on the page.
        read_age_from_text=True,
        # The API lists services: no facet counts or marked words to pay for.
        facets=False,
        highlights=False,
    )


def _ids(request, name):
    """One or more ids: repeated parameters or a comma-separated list."""
    values = []
    for raw in request.GET.getlist(name):  # empty ones add nothing
        values += [v.strip() for v in raw.replace("\x00", "").split(",") if v.strip()]
    return tuple(values[:50])


def run_search(query):
    from search.engine import PostcodeNotFound, search_services

    try:
        return search_services(query)
    except PostcodeNotFound as exc:
        raise BadParameter("postcode", str(exc)) from None
    except ValueError as exc:
        raise BadParameter(_guess_parameter(str(exc)), str(exc)) from None


def _guess_parameter(message):
    lowered = message.lower()
    for name, word in (("day", "day"), ("start_time", "time"), ("minimum_age", "age")):
        if word in lowered:
            return name
    return None


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


# ---- Views --------------------------------------------------------------------------------------


def _openapi_url(request):
    return request.build_absolute_uri(reverse("oruk:openapi"))


@oruk_endpoint
def api_root(request):
    return JsonResponse({"version": oruk.ORUK_VERSION, "profile": oruk.PROFILE_URL, "openapi_url": _openapi_url(request)})


@oruk_endpoint
def openapi(request):
    """The standard's OpenAPI file, extended with what this API answers besides 200 (see oruk.py)."""
    base = request.build_absolute_uri(reverse("oruk:root")).rstrip("/")
    return JsonResponse(oruk.served_openapi(base), json_dumps_params={"ensure_ascii": False})


@oruk_endpoint
def service_list(request):
    page, per_page = paging(request)
    query = search_query(request, page, per_page)
    if query is None:
        listed = Service.objects.listed()
        total = listed.count()
        services = window(listed.select_related("organization").order_by("name", "pk"), page, per_page, total)
    elif (page - 1) * per_page >= MAX_SEARCH_WINDOW:
        query.page, query.per_page = 1, 1
        total, services = run_search(query).total, []
    else:
        results = run_search(query)
        total = results.total
        ids = [key for hit in results.hits if (key := _uuid_or_none(hit.service_id))]
        found = oruk.services_for_list(ids)
        services = [found[key] for key in ids if key in found]
    return envelope(total, page, per_page, [oruk.service_to_oruk_list(s) for s in services])


@oruk_endpoint
def service_detail(request, id):
    pk = _uuid_or_none(id)
    service = oruk.prefetch_services(Service.objects.filter(pk=pk)).first() if pk else None
    if service is None:
        return error(404, "There is no service with that id.")
    return JsonResponse(oruk.service_to_oruk(service), json_dumps_params={"ensure_ascii": False})


def _sal_queryset():
    return ServiceAtLocation.objects.select_related("location", "service__organization")


@oruk_endpoint
def service_at_location_list(request):
    page, per_page = paging(request)
    postcode = _text(request, "postcode", 20)
    proximity = _number(request, "proximity")
    if proximity is not None and proximity <= 0:
        raise BadParameter("proximity", "proximity must be a distance in metres, above 0")
    if proximity is not None and not postcode:
        raise BadParameter("proximity", "proximity needs a postcode to measure from")
    query = search_query(request, 1, MAX_PER_PAGE, with_place=True)
    start = (page - 1) * per_page
    if query is None:
        listed = _sal_queryset().filter(service__status__in=LISTED_STATUSES)
        total = listed.count()
        rows = window(listed.order_by("service__name", "location__name", "pk"), page, per_page, total)
        return envelope(total, page, per_page, [oruk.service_at_location_to_oruk_list(s) for s in rows])

    if postcode:
        # The engine looks the postcode up (an unknown one is a 400) and measures from it.
        query.postcode = postcode
        query.radius_miles = proximity / METRES_PER_MILE if proximity else None
    ranked, measured_from = _ranked_service_ids(query)
    if not postcode and measured_from is not None:
        # The engine read a town from the words ("day centre near Dereham"), as the search page
        # does: list the locations within its radius (or services covering it), nearest first.
        proximity = measured_from.radius_m
    rows = _sals_for(ranked, measured_from if (postcode or measured_from) else None, proximity)
    return envelope(len(rows), page, per_page, [oruk.service_at_location_to_oruk_list(s) for s in rows[start : start + per_page]])


def _ranked_service_ids(query):
    """Every matching service id (up to MAX_RANKED_SERVICES) in the engine's order, and the
    engine's proximity (the place it measured from, or None)."""
    ranked = []
    proximity = None
    page = 1
    while len(ranked) < MAX_RANKED_SERVICES:
        query.page = page
        results = run_search(query)
        proximity = results.proximity
        ranked += [hit.service_id for hit in results.hits]
        if not results.hits or len(ranked) >= results.total:
            break
        page += 1
    return [pk for pk in (_uuid_or_none(i) for i in ranked) if pk], proximity


def _sals_for(service_ids, place, proximity):
    """The services' locations, in rank order (nearest first within a service), filtered by place
    (the engine's Proximity)."""
    sals = list(_sal_queryset().filter(service_id__in=service_ids, service__status__in=LISTED_STATUSES))
    covering = set()
    declared_area = set()
    if place is not None:
        for service_id, code in ServiceArea.objects.filter(service_id__in=service_ids).values_list("service_id", "gss_code"):
            declared_area.add(service_id)
            if code and code in place.area_codes:
                covering.add(service_id)

    def distance(sal):
        if place is None:
            return None
        return place.metres_to(sal.location.latitude, sal.location.longitude)

    rank = {pk: n for n, pk in enumerate(service_ids)}
    kept = []
    for sal in sals:
        metres = distance(sal)
        if place is not None:
            if proximity:
                if not (sal.service_id in covering or (metres is not None and metres <= proximity)):
                    continue
            elif sal.service_id in declared_area and sal.service_id not in covering:
                continue
        kept.append((rank[sal.service_id], math.inf if metres is None else metres, str(sal.pk), sal))
    kept.sort(key=lambda item: item[:3])
    return [item[3] for item in kept]


@oruk_endpoint
def service_at_location_detail(request, id):
    pk = _uuid_or_none(id)
    sal = _sal_queryset().filter(pk=pk).first() if pk else None
    if sal is None:
        return error(404, "There is no service at location with that id.")
    sal.service = oruk.prefetch_services(Service.objects.filter(pk=sal.service_id)).first()
    sal.location = Location.objects.prefetch_related(*oruk.location_prefetches()).get(pk=sal.location_id)
    return JsonResponse(oruk.service_at_location_to_oruk(sal), json_dumps_params={"ensure_ascii": False})


@oruk_endpoint
def taxonomy_list(request):
    page, per_page = paging(request)
    taxonomies = Taxonomy.objects.order_by("name", "pk")
    total = taxonomies.count()
    contents = [oruk.taxonomy_to_oruk(t) for t in window(taxonomies, page, per_page, total)]
    return envelope(total, page, per_page, contents)


@oruk_endpoint
def taxonomy_detail(request, id):
    pk = _uuid_or_none(id)
    taxonomy = (
        Taxonomy.objects.prefetch_related(Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy")))
        .filter(pk=pk)
        .first()
        if pk
        else None
    )
    if taxonomy is None:
        return error(404, "There is no taxonomy with that id.")
    return JsonResponse(oruk.taxonomy_to_oruk(taxonomy, with_terms=True), json_dumps_params={"ensure_ascii": False})


@oruk_endpoint
def taxonomy_term_list(request):
    page, per_page = paging(request)
    terms = TaxonomyTerm.objects.select_related("taxonomy").order_by("taxonomy__name", "name", "pk")
    total = terms.count()
    contents = [oruk.taxonomy_term_to_oruk(t) for t in window(terms, page, per_page, total)]
    return envelope(total, page, per_page, contents)


@oruk_endpoint
def taxonomy_term_detail(request, id):
    pk = _uuid_or_none(id)
    term = TaxonomyTerm.objects.select_related("taxonomy").filter(pk=pk).first() if pk else None
    if term is None:
        return error(404, "There is no taxonomy term with that id.")
    return JsonResponse(oruk.taxonomy_term_to_oruk(term), json_dumps_params={"ensure_ascii": False})
