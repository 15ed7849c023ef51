"""The directory search page and its suggestions-as-you-type endpoint."""

from __future__ import annotations

import math
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_GET

from core.escaping import escaped
from core.inputs import text_from
from search import shortlists
from search.models import age_range_text

from . import PostcodeNotFound, ServiceQuery, documents, permissions, search_services, suggest
from .forms import SORT_CHOICES, SearchForm
from .scoring import METRES_PER_MILE

PER_PAGE = 20
FACET_PARAMETERS = {"term": "taxonomy_term", "area": "service_area", "access": "accessibility"}
FACET_HEADINGS = {
    "taxonomy_term": "Category",
    "service_area": "Area served",
    "accessibility": "Accessibility",
}
# A facet lists its most common values, at most this many (the engines count no more than that
# either): a national directory's hundreds of categories would make every page a long form.
MAX_FACET_OPTIONS = 60
# Parameters that make a search happen (an empty form shows the page without results).
SEARCH_PARAMETERS = ("q", "postcode", "age", "free", *FACET_PARAMETERS)


def _page_number(request):
    try:
        return max(1, min(int(request.GET.get("page", "1")), 10_000))
    except ValueError:
        return 1


def _chosen(request, name, limit=30):
    return [v.strip()[:255] for v in request.GET.getlist(name) if v.strip()][:limit]


def _listings(hits) -> dict:
    """What each result shows, by service id, in a fixed number of queries whatever the page size.

    Elasticsearch's hits carry it; one query still checks they are listed now, as the index can be
    a moment behind an edit (a service closed since must not show). Other hits are read in bulk.
    """
    carried = {h.service_id: h.listing for h in hits if h.listing is not None}
    listed = documents.still_listed(carried)
    found = {sid: listing for sid, listing in carried.items() if sid in listed}
    found.update(documents.listings_for([h.service_id for h in hits if h.listing is None]))
    return found


def _distance_text(hit, place_label, radius):
    if hit.distance_m is None:
        # Without a venue it was found because its service area covers the postcode.
        return "Covers this area" if place_label and radius else ""
    miles = hit.distance_m / METRES_PER_MILE
    if miles < 0.1:
        return "Less than 0.1 miles away"
    return f"{miles:.1f} miles away"


def _query_string(request, **changes):
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode() if params else "?"


def _pagination(request, page, total_pages):
    if total_pages <= 1:
        return None
    numbers = sorted({1, total_pages, *range(max(1, page - 2), min(total_pages, page + 2) + 1)})
    items, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": _query_string(request, page=str(number)), "current": number == page})
        previous = number
    return {
        "items": items,
        "previous": _query_string(request, page=str(page - 1)) if page > 1 else None,
        "next": _query_string(request, page=str(page + 1)) if page < total_pages else None,
    }


def _carried(request, names):
    """(name, value) pairs of these parameters, for hidden inputs that keep them across forms."""
    return [(name, value) for name in names for value in _chosen(request, name)]


ANY_ID = "00000000-0000-0000-0000-000000000000"


def _has_shortlist_button():
    try:
        get_template("search/includes/shortlist_button.html")
    except TemplateDoesNotExist:
        return False
    return True


def _facet_groups(request, results):
    groups = []
    for parameter, facet in FACET_PARAMETERS.items():
        chosen = set(_chosen(request, parameter))
        counted = results.facets.get(facet, [])
        options = [
            {"value": value, "label": label, "count": count, "checked": value in chosen}
            for number, (value, label, count) in enumerate(counted)
            if number < MAX_FACET_OPTIONS or value in chosen
        ]
        # Keep a chosen value visible even when nothing matches it any more, so it can be unticked.
        for value in sorted(chosen - {o["value"] for o in options}):
            options.append({"value": value, "label": value, "count": 0, "checked": True})
        if options:
            groups.append({"parameter": parameter, "heading": FACET_HEADINGS[facet], "checkboxes": _checkboxes(parameter, options)})
    return groups


# One GOV.UK checkbox per facet value. Drawn in Python: a page lists up to a hundred or so, and the
# template loop drawing them cost a third of the page's rendering.
CHECKBOX = (
    '<div class="govuk-checkboxes__item">'
    '<input class="govuk-checkboxes__input" id="filter-{0}-{1}" name="{0}" type="checkbox" value="{2}"{3}>'
    '<label class="govuk-label govuk-checkboxes__label" for="filter-{0}-{1}">{4} ({5})</label>'
    "</div>\n"
)


def _checkboxes(parameter, options):
    name = escaped(parameter)
    return mark_safe(
        "".join(
            CHECKBOX.format(name, number, escaped(o["value"]), " checked" if o["checked"] else "", escaped(o["label"]), o["count"])
            for number, o in enumerate(options, start=1)
        )
    )


# One result of the list, but for its shortlist button. Drawn in Python, as the checkboxes are: the
# template's twenty passes over a dozen values each were nearly half the page's drawing.
RESULT = (
    '<h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="{url}">{name}</a></h3>\n'
    '<p class="govuk-body-s pc-meta govuk-!-margin-bottom-1">{where}</p>\n'
    '<p class="govuk-body govuk-!-margin-bottom-1">{description}</p>\n'
    '<ul class="govuk-list govuk-body-s pc-result__facts">{facts}</ul>\n'
)
FREE = '<li><strong class="govuk-tag govuk-tag--green">Free</strong></li>'
CLOSED_FOR_NOW = '<li><strong class="govuk-tag govuk-tag--yellow">Temporarily closed</strong></li>'


def _result_html(listing, url, hit, distance):
    """The heading, organisation and town, description (marked words, or its first 35 words) and
    facts of one result; `text.highlight` escaped the marked copies."""
    name = hit.highlights["name"][0] if hit.highlights.get("name") else escaped(listing.name)
    if hit.highlights.get("description"):
        description = hit.highlights["description"][0]
    else:
        description = escaped(Truncator(listing.description).words(35, truncate=" …"))  # as truncatewords:35
    where = escaped(listing.organisation)
    if listing.town:
        where = f"{where} · {escaped(listing.town)}" if listing.organisation else escaped(listing.town)
    facts = [f"<li><strong>{escaped(distance)}</strong></li>"] if distance else []
    facts.append(f"<li>Ages: {escaped(age_range_text(listing.minimum_age, listing.maximum_age))}</li>")
    if listing.is_free:
        facts.append(FREE)
    if listing.status == "temporarily closed":
        facts.append(CLOSED_FOR_NOW)
    return mark_safe(RESULT.format(url=escaped(url), name=name, where=where, description=description, facts="".join(facts)))


@require_GET
def search(request):
    if not permissions.can_search(request.user):
        raise PermissionDenied
    if not any(request.GET.get(p, "").strip() for p in SEARCH_PARAMETERS):
        form = SearchForm(initial={k: v for k, v in request.GET.items() if k in ("radius", "sort")})
        return render(request, "search_engine/search.html", {"form": form, "results": None, "searched": False})
    form = SearchForm(request.GET)
    context = {
        "form": form,
        "results": None,
        "searched": False,
        "carry_filters": _carried(request, [*FACET_PARAMETERS, "free", "sort"]),
    }
    if not form.is_valid():
        return render(request, "search_engine/search.html", {**context, "searched": True})
    data = form.cleaned_data
    age = data.get("age")
    query = ServiceQuery(
        text=data.get("q") or "",
        postcode=data.get("postcode") or "",
        radius_miles=data.get("radius"),
        min_age=age,
        max_age=age,
        free_only=bool(data.get("free")),
        taxonomy_term_ids=tuple(_chosen(request, "term")),
        service_areas=tuple(_chosen(request, "area")),
        accessibility=tuple(_chosen(request, "access")),
        sort=data.get("sort") or "relevance",
        page=_page_number(request),
        per_page=PER_PAGE,
        read_age_from_text=age is None,
    )
    try:
        results = search_services(query)
    except PostcodeNotFound:
        form.add_error("postcode", "We could not find that postcode. Check it, or enter just its first part, like B97")
        return render(request, "search_engine/search.html", {**context, "searched": True})
    except ValueError as error:
        form.add_error(None, f"We could not run that search: {error}")
        return render(request, "search_engine/search.html", {**context, "searched": True})

    listings = _listings(results.hits)
    shortlist_button = _has_shortlist_button()
    shortlisted = {str(i) for i in shortlists.current_ids(request)} if shortlist_button else set()
    if shortlist_button:
        button_urls, token = shortlists.button_urls(request), get_token(request)
    # Each result's link, reversed once for the page: ids are UUIDs, which a path puts as they are.
    detail_url = reverse("search:service-detail", args=[ANY_ID])
    rows = []
    for hit in results.hits:
        listing = listings.get(str(hit.service_id))
        if listing is None:
            continue  # closed since it was indexed; the pending update removes it
        distance = _distance_text(hit, results.place_label, results.radius_miles)
        on_shortlist = listing.service_id in shortlisted
        drawn = _result_html(listing, detail_url.replace(ANY_ID, str(listing.service_id)), hit, distance)
        if shortlist_button:
            drawn += shortlists.button_html(listing.service_id, listing.name, shortlisted=on_shortlist, urls=button_urls, csrf_token=token)
        rows.append({"service": listing, "distance": distance, "html": mark_safe(drawn), "on_shortlist": on_shortlist})
    total_pages = math.ceil(results.total / PER_PAGE) if results.total else 0
    page = query.page
    context.update(
        {
            "searched": True,
            "results": results,
            "rows": rows,
            "facet_groups": _facet_groups(request, results),
            "free_count": (results.facets.get("free") or [("", "", 0)])[0][2],
            "pagination": _pagination(request, page, total_pages),
            "page": page,
            "total_pages": total_pages,
            "first_shown": (page - 1) * PER_PAGE + 1 if rows else 0,
            "last_shown": (page - 1) * PER_PAGE + len(rows),
            "suggestion_href": "?" + urlencode({"q": results.suggestion}) if results.suggestion else None,
            "show_engine_details": permissions.can_see_engine_details(request.user),
            "filters_chosen": any(_chosen(request, p) for p in FACET_PARAMETERS) or bool(data.get("free")),
            "carry_search": _carried(request, ["q", "postcode", "radius", "age"]),
            "sort_choices": [(v, label) for v, label in SORT_CHOICES if v != "distance" or results.place_label],
            "current_sort": data.get("sort") or "relevance",
            "shortlist_button": shortlist_button,
            "clear_filters_href": _query_string(request, term=None, area=None, access=None, free=None, page=None),
        }
    )
    return render(request, "search_engine/search.html", context)


@require_GET
def suggestions(request):
    """Completions for the search box, as JSON: {"suggestions": [...]}."""
    if not permissions.can_search(request.user):
        raise PermissionDenied
    found = suggest(text_from(request.GET.get("q", ""), 100), limit=8)
    return JsonResponse({"suggestions": found})
