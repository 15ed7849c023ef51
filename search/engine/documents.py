"""What the search engine knows about a service: one plain dict, built once from the directory's
models and written both to Elasticsearch and to the database fallback's search entry."""

from __future__ import annotations

import re
from collections import defaultdict

import orjson
from django.db import connection

from . import Listing, text

# How much a matching word counts in each field: the categories most (a query naming a service's
# category says what it is; tuned on the demo set), then the name, the organisation, the
# description, and place names least. Both backends use these, at query time (no reindex).
FIELD_WEIGHTS = {
    "name_terms": 2.5,
    "taxonomy_terms": 3.0,
    "organisation_terms": 1.5,
    "description_terms": 1.0,
    "place_terms": 0.5,
}
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
MINUTES_PER_DAY = 24 * 60
DAY_PREFIX_RE = re.compile(r"^[-+]?\d+")  # "2TU": the second Tuesday of the month


def _age(value):
    return None if value is None else float(value)


def _minutes(value) -> int:
    """Minutes past midnight of a time as the database driver returns it (a time, or "HH:MM[:SS]" text)."""
    if isinstance(value, str):
        return int(value[:2]) * 60 + int(value[3:5])
    return value.hour * 60 + value.minute


def _date_text(value) -> str | None:
    """ISO date of a date as the database driver returns it (a date, or "YYYY-MM-DD" text)."""
    if value is None:
        return None
    return value[:10] if isinstance(value, str) else value.isoformat()


def _id_text(value) -> str:
    """The usual text of a UUID as the database driver returns it (SQLite keeps 32 hex digits)."""
    value = str(value)
    if len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return value


def _rows(queryset) -> list[tuple]:
    """The rows of a `values_list` query as the database driver returns them.

    Django would make a UUID object of every id and a Decimal of every age, row by row: at
    100,000 services that cost more than analysing the text. Ids stay text here (grouping keys,
    compared only with each other) and the few values a document shows are converted by hand.
    """
    from django.db import connections

    connection = connections[queryset.db]
    sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # PostgreSQL sends UUIDs as text: keep it (SQLite stores them as text already).
            from psycopg.types.string import TextLoader

            cursor.cursor.adapters.register_loader("uuid", TextLoader)
        cursor.execute(sql, params)
        return cursor.fetchall()


def openings(schedules) -> list[tuple[int, int]]:
    """The weekly stretches a service is open, as (start, end) minutes from Monday 00:00, from
    (byday, opens_at, closes_at) of its schedules.

    Days come from `byday` (a monthly "2TU" counts as Tuesday: it runs on some Tuesdays). No
    times means all day; a closing time before the opening time runs past midnight.
    """
    found = set()
    for byday, opens_at, closes_at in schedules:
        days = [d for d in _weekdays(byday) if d in DAYS]
        if not days:
            continue
        opens = _minutes(opens_at) if opens_at else 0
        closes = _minutes(closes_at) if closes_at else MINUTES_PER_DAY - 1
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
    """Completion inputs: the name, the taxonomy terms and the organisation.

    Words later in a name ("short breaks" in "Needlewood House overnight short breaks") are
    found by a prefix query on the name instead: indexing every tail of every name as a
    completion input made indexing twice as slow.
    """
    inputs = [{"input": [name], "weight": 10}]
    if terms:
        inputs.append({"input": terms, "weight": 6})
    if organisation and organisation != name:
        inputs.append({"input": [organisation], "weight": 3})
    return inputs


def _grouped(rows):
    found = defaultdict(list)
    for key, *rest in rows:
        found[key].append(rest)
    return found


def _grouped_once(rows):
    """Like _grouped for (key, row id, *values) rows that may repeat: each row id once."""
    found, seen = defaultdict(list), set()
    for key, row_id, *rest in rows:
        if row_id not in seen:
            seen.add(row_id)
            found[key].append(rest)
    return found


def _is_free(costs) -> bool:
    """The directory's rule (Service.is_free): a cost option of nothing, and none that charge."""
    says_free = any(amount == 0 or (option or "").strip().lower() == "free" for option, amount in costs)
    return says_free and not any(amount for _option, amount in costs)


def documents_for(service_ids) -> list[dict]:
    """Search documents of the listed services among these ids (the others have none)."""
    ids = list(service_ids)
    return _documents(lambda field: {f"{field}__in": ids}) if ids else []


def documents_between(first, last) -> list[dict]:
    """Search documents of the listed services whose ids lie from `first` to `last` (a rebuild's chunk).

    A range keeps every query to two parameters: a list of a thousand ids costs more to send and
    plan than the rows it reads.
    """
    return _documents(lambda field: {f"{field}__gte": first, f"{field}__lte": last})


def listed_id_ranges(chunk: int, ids=None):
    """(first, last) ids of each run of `chunk` listed services in id order (among `ids` if given),
    for `documents_between`: a rebuild reads the directory a range at a time."""
    from search import models as m

    base = m.Service.objects.listed()
    if ids is not None:
        base = base.filter(pk__in=ids)
    found = [row[0] for row in _rows(base.order_by("pk").values_list("pk"))]
    for start in range(0, len(found), chunk):
        part = found[start : start + chunk]
        yield part[0], part[-1]


def es_json(doc: dict) -> bytes:
    """The Elasticsearch `_source` for a document, as JSON (orjson: a rebuild serialises every document)."""
    return orjson.dumps(es_source(doc))


def _weekdays(byday: str) -> list[str]:
    """The weekday codes of a schedule's `byday` ("1MO,TU" -> MO, TU): Schedule.days without a model."""
    return [DAY_PREFIX_RE.sub("", d.strip()).upper() for d in (byday or "").split(",") if d.strip()]


def _documents(within) -> list[dict]:
    """Documents of the listed services `within(field)` selects, reading plain values in a fixed
    number of queries whatever the number of services (building documents is a rebuild's slow part)."""
    from search import models as m

    services = _rows(
        m.Service.objects.filter(**within("pk"), status__in=m.LISTED_STATUSES)
        .order_by("pk")
        .values_list(
            "id", "name", "description", "status", "minimum_age", "maximum_age", "eligibility_description", "organization__name",
            "assured_date",
        )
    )
    if not services:
        return []
    attributes = _grouped(_rows(
        m.ServiceAttribute.objects.filter(**within("service_id"))
        .order_by("sort_order", "pk")
        .values_list("service_id", "taxonomy_term_id", "taxonomy_term__name", "taxonomy_term__taxonomy_id", "taxonomy_term__taxonomy__name")
    ))
    costs = _grouped(_rows(m.CostOption.objects.filter(**within("service_id")).values_list("service_id", "option", "amount")))
    schedules = _grouped(_rows(m.Schedule.objects.filter(**within("service_id")).values_list("service_id", "byday", "opens_at", "closes_at")))
    areas = _grouped(_rows(
        m.ServiceArea.objects.filter(**within("service_id")).order_by("sort_order", "pk").values_list("service_id", "name", "service_area", "gss_code")
    ))
    languages = _grouped(_rows(m.Language.objects.filter(**within("service_id")).values_list("service_id", "name", "code")))
    links = _grouped(_rows(
        m.ServiceAtLocation.objects.filter(**within("service_id"))
        .order_by("sort_order", "pk")
        .values_list("service_id", "location_id", "location__name", "location__latitude", "location__longitude")
    ))
    # A location several services share comes back once per link: keep each row once.
    addresses = _grouped_once(_rows(
        m.Address.objects.filter(**within("location__service_at_locations__service_id"))
        .order_by("sort_order", "pk")
        .values_list("location_id", "pk", "city", "postal_code")
    ))
    access = _grouped_once(_rows(
        m.Accessibility.objects.filter(**within("location__service_at_locations__service_id"))
        .order_by("sort_order", "pk")
        .values_list("location_id", "pk", "description", "accessibility")
    ))
    docs = []
    for sid, name, description, status, min_age, max_age, eligibility, organisation, assured in services:
        organisation = organisation or ""
        description = description or ""
        terms = [row for row in attributes.get(sid, []) if row[0]]
        term_names = [row[1] for row in terms]
        locations, places, accessibility, towns = [], [], [], []
        for location_id, location_name, lat, lon in links.get(sid, []):
            if lat is not None and lon is not None:
                locations.append((lat, lon))
            places.append(location_name)
            for city, postcode in addresses.get(location_id, []):
                places += [city, postcode]
                if city and city not in towns:
                    towns.append(city)
            for feature, summary in access.get(location_id, []):
                label = (feature or summary or "").strip()
                if label and label not in accessibility:
                    accessibility.append(label)
        service_areas = areas.get(sid, [])
        area_names = [a[0] for a in service_areas if a[0]]
        places += area_names + [a[1] for a in service_areas]
        spoken = [lang_name for lang_name, code in languages.get(sid, []) if lang_name and code != "en"]
        extra = " ".join(p for p in [eligibility, *spoken] if p)
        docs.append(
            {
                "service_id": _id_text(sid),
                "name": name,
                "name_sort": text.fold(name).strip(),
                "description": description,
                "organisation": organisation,
                "town": towns[0] if towns else "",
                "status": status,
                "name_terms": text.analysed_text(name),
                "taxonomy_terms": text.analysed_text(*term_names),
                "organisation_terms": text.analysed_text(organisation),
                "description_terms": text.analysed_text(description, extra),
                "place_terms": text.analysed_text(*[p for p in places if p]),
                "spelling": " ".join(text.words(" ".join([name, description, organisation, *term_names]))),
                "min_age": _age(min_age),
                "max_age": _age(max_age),
                "is_free": _is_free(costs.get(sid, [])),
                # When the listing was last checked (ORUK's assured date), for ranking's recency boost.
                "assured_date": _date_text(assured),
                "taxonomy_term_ids": [(_id_text(term_id), term_name) for term_id, term_name, _t, _n in terms],
                "taxonomy_ids": sorted({(_id_text(tax_id), tax_name) for _i, _n, tax_id, tax_name in terms if tax_id}),
                "service_areas": sorted(set(area_names)),
                "area_codes": sorted({a[2] for a in service_areas if a[2]}),
                "accessibility": accessibility,
                "locations": locations,
                "openings": openings(schedules.get(sid, [])),
                "suggest": suggestion_inputs(name, term_names, organisation),
            }
        )
    return docs


def es_source(doc: dict) -> dict:
    """The Elasticsearch `_source` for a document."""
    return {
        **{k: v for k, v in doc.items() if k not in ("taxonomy_term_ids", "taxonomy_ids", "locations", "openings")},
        "taxonomy_term_ids": [value for value, _label in doc["taxonomy_term_ids"]],
        "taxonomy_ids": [value for value, _label in doc["taxonomy_ids"]],
        # Counted for the facets, so their names come back with the counts (no lookup per search).
        "taxonomy_term_facets": [f"{value}|{label}" for value, label in doc["taxonomy_term_ids"]],
        "locations": [{"lat": lat, "lon": lon} for lat, lon in doc["locations"]],
        "openings": [{"gte": start, "lte": end} for start, end in doc["openings"]],
    }


def listings_for(service_ids) -> dict[str, Listing]:
    """What the results list shows of the listed services among these ids, by id, in three queries
    (for a backend whose hits do not carry it)."""
    from search import models as m

    ids = list(service_ids)
    if not ids:
        return {}
    services = [
        row
        for row in m.Service.objects.filter(pk__in=ids).order_by().values_list(
            "id", "name", "organization__name", "description", "status", "minimum_age", "maximum_age"
        )
        if row[4] in m.LISTED_STATUSES
    ]
    costs = _grouped(m.CostOption.objects.filter(service_id__in=ids).values_list("service_id", "option", "amount"))
    towns = {}
    cities = (
        m.ServiceAtLocation.objects.filter(service_id__in=ids)
        .order_by("sort_order", "pk", "location__addresses__sort_order", "location__addresses__pk")
        .values_list("service_id", "location__addresses__city")
    )
    for sid, city in cities:
        if city:
            towns.setdefault(sid, city)
    return {
        str(sid): Listing(
            service_id=str(sid),
            name=name,
            organisation=organisation or "",
            town=towns.get(sid, ""),
            description=description or "",
            status=status,
            minimum_age=_age(min_age),
            maximum_age=_age(max_age),
            is_free=_is_free(costs.get(sid, [])),
        )
        for sid, name, organisation, description, status, min_age, max_age in services
    }


def still_listed(service_ids) -> set[str]:
    """Which of these services are listed now, in one query: an index can be a moment behind an edit.

    The status is checked here, not in SQL: given both, SQLite reads every listed service through
    the status index (and sorts them by name) instead of the page's twenty by their keys, 0.1 s
    of a page at 100,000 services (listings_for does the same)."""
    from search import models as m

    ids = list(service_ids)
    if not ids:
        return set()
    # Written as SQL: asked on every search page, where Django's queryset cost three times what
    # the database does (0.6 of 0.9 ms of CPU).
    key = m.Service._meta.pk
    quote = connection.ops.quote_name
    values = [key.get_db_prep_value(key.to_python(sid), connection) for sid in ids]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote(key.column)}, {quote(m.Service._meta.get_field('status').column)} FROM {quote(m.Service._meta.db_table)}"
            f" WHERE {quote(key.column)} IN ({', '.join(['%s'] * len(values))})",
            values,
        )
        rows = cursor.fetchall()
    return {str(key.to_python(pk)) for pk, status in rows if status in m.LISTED_STATUSES}
