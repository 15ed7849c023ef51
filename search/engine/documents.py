"""What the search engine knows about a service: one plain dict, built once from the directory's
models and written both to Elasticsearch and to the database fallback's search entry."""

from __future__ import annotations

from django.db.models import Prefetch

from . import text

# How much a matching word counts in each field: the name most, then the categories, the
# organisation, the description, and place names least. Both backends use these.
FIELD_WEIGHTS = {
    "name_terms": 2.5,
    "taxonomy_terms": 2.0,
    "organisation_terms": 1.5,
    "description_terms": 1.0,
    "place_terms": 0.5,
}
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
MINUTES_PER_DAY = 24 * 60


def listed_services():
    """Listed services with everything a document needs, in a few queries."""
    from search.models import Service, ServiceAtLocation

    return (
        Service.objects.listed()
        .select_related("organization")
        .prefetch_related(
            "attributes__taxonomy_term__taxonomy",
            "cost_options",
            "schedules",
            "service_areas",
            "languages",
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                    "location__addresses", "location__accessibility"
                ),
            ),
        )
    )


def _age(value):
    return None if value is None else float(value)


def openings(schedules) -> list[tuple[int, int]]:
    """The weekly stretches a service is open, as (start, end) minutes from Monday 00:00.

    Days come from `byday` (a monthly "2TU" counts as Tuesday: it runs on some Tuesdays). No
    times means all day; a closing time before the opening time runs past midnight.
    """
    found = set()
    for schedule in schedules:
        days = [d for d in schedule.days() if d in DAYS]
        if not days:
            continue
        opens = schedule.opens_at.hour * 60 + schedule.opens_at.minute if schedule.opens_at else 0
        closes = schedule.closes_at.hour * 60 + schedule.closes_at.minute if schedule.closes_at else MINUTES_PER_DAY - 1
        for day in days:
            base = DAYS.index(day) * MINUTES_PER_DAY
            if closes >= opens:
                found.add((base + opens, base + closes))
            else:  # overnight: to midnight, then on into the next day (Sunday wraps to Monday)
                found.add((base + opens, base + MINUTES_PER_DAY - 1))
                following = (base + MINUTES_PER_DAY) % (7 * MINUTES_PER_DAY)
                found.add((following, following + closes))
    return sorted(found)


def suggestion_inputs(name: str, terms: list[str], organisation: str) -> list[dict]:
    """Completion inputs: the name, the name from each later word ("short breaks" in "Needlewood
    House overnight short breaks"), taxonomy terms and the organisation."""
    inputs = [{"input": [name], "weight": 10}]
    parts = name.split()
    tails = [" ".join(parts[i:]) for i in range(1, min(len(parts), 6))]
    tails = [t for t in tails if len(t) > 3 and text.words(t) and text.words(t)[0] not in text.STOP_WORDS]
    if tails:
        inputs.append({"input": tails, "weight": 4})
    if terms:
        inputs.append({"input": terms, "weight": 6})
    if organisation and organisation != name:
        inputs.append({"input": [organisation], "weight": 3})
    return inputs


def service_document(service) -> dict | None:
    """The search document for a service, or None when it must not be found (inactive, defunct)."""
    if not service.is_listed:
        return None
    organisation = service.organization.name if service.organization_id else ""
    attributes = [a for a in service.attributes.all() if a.taxonomy_term_id]
    term_names = [a.taxonomy_term.name for a in attributes]
    locations, places, accessibility = [], [], []
    for link in service.service_at_locations.all():
        location = link.location
        if location.latitude is not None and location.longitude is not None:
            locations.append((location.latitude, location.longitude))
        places.append(location.name)
        for address in location.addresses.all():
            places += [address.city, address.postal_code]
        for feature in location.accessibility.all():
            label = (feature.description or feature.accessibility or "").strip()
            if label and label not in accessibility:
                accessibility.append(label)
    areas = [a for a in service.service_areas.all()]
    area_names = [a.name for a in areas if a.name]
    places += area_names + [a.service_area for a in areas]
    languages = [lang.name for lang in service.languages.all() if lang.name and lang.code != "en"]
    description = service.description or ""
    extra = " ".join(p for p in [service.eligibility_description, *languages] if p)
    is_free = service.is_free()
    if callable(is_free):  # pragma: no cover - tolerate a property
        is_free = is_free()
    spelling = " ".join(text.words(" ".join([service.name, description, organisation, *term_names])))
    return {
        "service_id": str(service.pk),
        "name": service.name,
        "name_sort": text.fold(service.name).strip(),
        "description": description,
        "organisation": organisation,
        "status": service.status,
        "name_terms": text.analysed_text(service.name),
        "taxonomy_terms": text.analysed_text(*term_names),
        "organisation_terms": text.analysed_text(organisation),
        "description_terms": text.analysed_text(description, extra),
        "place_terms": text.analysed_text(*places),
        "spelling": spelling,
        "min_age": _age(service.minimum_age),
        "max_age": _age(service.maximum_age),
        "is_free": bool(is_free),
        "taxonomy_term_ids": [(str(a.taxonomy_term_id), a.taxonomy_term.name) for a in attributes],
        "taxonomy_ids": sorted(
            {(str(a.taxonomy_term.taxonomy_id), a.taxonomy_term.taxonomy.name) for a in attributes if a.taxonomy_term.taxonomy_id}
        ),
        "service_areas": sorted(set(area_names)),
        "area_codes": sorted({a.gss_code for a in areas if a.gss_code}),
        "accessibility": accessibility,
        "locations": locations,
        "openings": openings(service.schedules.all()),
        "suggest": suggestion_inputs(service.name, term_names, organisation),
    }


def es_source(doc: dict) -> dict:
    """The Elasticsearch `_source` for a document."""
    return {
        **{k: v for k, v in doc.items() if k not in ("taxonomy_term_ids", "taxonomy_ids", "locations", "openings")},
        "taxonomy_term_ids": [value for value, _label in doc["taxonomy_term_ids"]],
        "taxonomy_ids": [value for value, _label in doc["taxonomy_ids"]],
        "locations": [{"lat": lat, "lon": lon} for lat, lon in doc["locations"]],
        "openings": [{"gte": start, "lte": end} for start, end in doc["openings"]],
    }
