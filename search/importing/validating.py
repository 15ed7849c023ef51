"""Checking a record against the ORUK service schema and what the database can hold, and
converting it into the values to write ("prepared")."""

import uuid
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from django.utils.dateparse import parse_date, parse_datetime, parse_time

from core.safe_urls import is_safe_url

from .. import models as m
from ..oruk import schema_errors

# Taxonomies named only by a string get a stable id from their name.
TAXONOMY_NAMESPACE = uuid.UUID("6f1c1a4e-2b9e-5a57-9d0e-3c1f4c0b7a11")


class Converter:
    """Turns ORUK values into model values, collecting what is wrong with their paths."""

    def __init__(self):
        self.reasons = []
        self.warnings = []

    def fail(self, path, message):
        self.reasons.append((path, message))

    def text(self, data, key, path, model, field_name=None, default=""):
        value = data.get(key)
        if value is None:
            return default
        value = str(value)
        limit = model._meta.get_field(field_name or key).max_length
        if limit and len(value) > limit:
            self.fail(f"{path}/{key}", f"is longer than {limit} characters")
        return value

    def url(self, data, key, path, model):
        """A web address: one that is not http(s) (javascript:, data:...) is left out with a warning."""
        value = self.text(data, key, path, model)
        if value and not is_safe_url(value):
            self.warnings.append(f"{path}/{key}: {value[:80]!r} is not an http or https address, so it was left out")
            return ""
        return value

    def date(self, data, key, path):
        value = data.get(key)
        if value in (None, ""):
            return None
        parsed = None
        try:
            parsed = parse_date(str(value)[:10]) if len(str(value)) >= 10 else None
        except ValueError:
            parsed = None
        if parsed is None:
            self.fail(f"{path}/{key}", f"{value!r} is not a date (YYYY-MM-DD)")
        return parsed

    def datetime(self, data, key, path):
        value = data.get(key)
        if value in (None, ""):
            return None
        try:
            parsed = parse_datetime(str(value))
            if parsed is None and parse_date(str(value)):
                parsed = datetime.combine(parse_date(str(value)), datetime.min.time())
        except ValueError:
            parsed = None
        if parsed is None:
            self.fail(f"{path}/{key}", f"{value!r} is not a date and time (ISO 8601)")
            return None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed

    def time(self, data, key, path):
        value = data.get(key)
        if value in (None, ""):
            return None
        text = str(value).strip().removesuffix("Z")
        try:
            parsed = parse_time(text)
        except ValueError:
            parsed = None
        if parsed is None:
            self.fail(f"{path}/{key}", f"{value!r} is not a time of day (HH:MM or HH:MM:SS)")
            return None
        return parsed.replace(tzinfo=None)

    def decimal(self, data, key, path, minimum=None, digits=5, places=2):
        value = data.get(key)
        if value is None:
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.fail(f"{path}/{key}", f"{value!r} is not a number")
            return None
        if not number.is_finite():
            self.fail(f"{path}/{key}", f"{value!r} is not a number")
            return None
        if minimum is not None and number < minimum:
            self.fail(f"{path}/{key}", f"must be at least {minimum}")
            return None
        if abs(number) >= Decimal(10) ** (digits - places):
            self.fail(f"{path}/{key}", f"{value!r} is too large")
            return None
        return number.quantize(Decimal(1).scaleb(-places))

    def whole(self, data, key, path, maximum=32767):
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value) or not 0 <= value <= maximum:
            self.fail(f"{path}/{key}", f"{value!r} is not a whole number between 0 and {maximum}")
            return None
        return int(value)

    def uuid(self, value, path):
        try:
            return uuid.UUID(str(value))
        except (ValueError, AttributeError, TypeError):
            self.fail(path, f"{value!r} is not a UUID")
            return None

    def coordinate(self, data, key, path, limit):
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not -limit <= value <= limit:
            self.warnings.append(f"{path}/{key}: {value!r} is not a valid {key}; the location has no map position")
            return "invalid"
        return float(value)


def _choice(conv, data, key, path, choices, default):
    value = data.get(key)
    if value in (None, ""):
        return default
    if value not in choices:
        conv.fail(f"{path}/{key}", f"{value!r} is not one of {', '.join(sorted(choices))}")
        return default
    return value


# Each prepare_* returns plain dicts of model field values; nothing touches the database.


def prepare_service(record):
    """Check one ORUK service and convert it to field values. Returns (prepared, reasons, warnings)."""
    if not isinstance(record, dict):
        return None, [("/", "a service must be a JSON object")], []
    reasons = schema_errors(record, "service.json")
    if reasons:
        return None, reasons, []
    conv = Converter()
    oid = conv.uuid

    svc = {"id": oid(record["id"], "/id")}
    S = m.Service
    svc["fields"] = {
        "name": conv.text(record, "name", "", S),
        "description": conv.text(record, "description", "", S),
        "url": conv.url(record, "url", "", S),
        "email": conv.text(record, "email", "", S),
        "status": record["status"],
        "fees": conv.text(record, "fees", "", S),
        "accreditations": conv.text(record, "accreditations", "", S),
        "minimum_age": conv.decimal(record, "minimum_age", "", minimum=0),
        "maximum_age": conv.decimal(record, "maximum_age", "", minimum=0),
        "eligibility_description": conv.text(record, "eligibility_description", "", S),
        "assured_date": conv.date(record, "assured_date", ""),
        "assurer_email": conv.text(record, "assurer_email", "", S),
        "alert": conv.text(record, "alert", "", S),
    }
    low, high = svc["fields"]["minimum_age"], svc["fields"]["maximum_age"]
    if low is not None and high is not None and low > high:
        conv.fail("/maximum_age", f"is below minimum_age ({low} > {high})")
    svc["last_modified"] = conv.datetime(record, "last_modified", "")

    org = record.get("organization")
    org_id = record.get("organization_id")
    svc["organization"] = None
    svc["organization_id"] = oid(org_id, "/organization_id") if org_id else None
    if isinstance(org, dict):
        svc["organization"] = prepare_organization(conv, org, "/organization", oid)
        if svc["organization_id"] and svc["organization_id"] != svc["organization"]["id"]:
            conv.fail("/organization_id", "does not match organization/id")
        svc["organization_id"] = svc["organization"]["id"]

    svc["service_areas"] = [
        (
            oid(a["id"], f"/service_areas/{i}/id"),
            {
                "name": conv.text(a, "name", f"/service_areas/{i}", m.ServiceArea),
                "service_area": conv.text(a, "service_area", f"/service_areas/{i}", m.ServiceArea),
                "extent": conv.text(a, "extent", f"/service_areas/{i}", m.ServiceArea),
                "extent_type": conv.text(a, "extent_type", f"/service_areas/{i}", m.ServiceArea),
                "uri": conv.url(a, "uri", f"/service_areas/{i}", m.ServiceArea),
            },
        )
        for i, a in enumerate(record.get("service_areas") or [])
    ]

    schedules = []
    for i, s in enumerate(record.get("schedules") or []):
        schedules.append(prepare_schedule(conv, s, f"/schedules/{i}", oid, s.get("service_at_location_id")))

    svc["service_at_locations"] = []
    for i, sal in enumerate(record.get("service_at_locations") or []):
        path = f"/service_at_locations/{i}"
        prepared_location = embedded_or_referenced(conv, sal, "location", f"{path}/", prepare_location, oid)
        if prepared_location is None:
            conv.fail(path, "has neither a location nor a location_id")
            continue
        sal_id = oid(sal["id"], f"{path}/id")
        svc["service_at_locations"].append(
            {"id": sal_id, "description": conv.text(sal, "description", path, m.ServiceAtLocation), "location": prepared_location}
        )
        # HSDS 3.0 puts location-specific times on the service at location.
        for j, s in enumerate(sal.get("schedules") or []):
            if isinstance(s, dict) and "id" in s:
                schedules.append(prepare_schedule(conv, s, f"{path}/schedules/{j}", oid, sal["id"]))
    svc["schedules"] = schedules
    sal_ids = {sal["id"] for sal in svc["service_at_locations"]}
    for s in schedules:
        if s["sal_id"] is not None and s["sal_id"] not in sal_ids:
            conv.fail(s["path"] + "/service_at_location_id", "is not one of this service's service_at_locations")

    svc["languages"] = [
        (
            oid(x["id"], f"/languages/{i}/id"),
            {
                "name": conv.text(x, "name", f"/languages/{i}", m.Language),
                "code": conv.text(x, "code", f"/languages/{i}", m.Language),
                "note": conv.text(x, "note", f"/languages/{i}", m.Language),
            },
        )
        for i, x in enumerate(record.get("languages") or [])
    ]
    svc["funding"] = [
        (oid(x["id"], f"/funding/{i}/id"), {"source": conv.text(x, "source", f"/funding/{i}", m.Funding)})
        for i, x in enumerate(record.get("funding") or [])
    ]
    svc["cost_options"] = [
        (
            oid(x["id"], f"/cost_options/{i}/id"),
            {
                "option": conv.text(x, "option", f"/cost_options/{i}", m.CostOption),
                "amount": conv.decimal(x, "amount", f"/cost_options/{i}", minimum=0, digits=10),
                "amount_description": conv.text(x, "amount_description", f"/cost_options/{i}", m.CostOption),
                "valid_from": conv.date(x, "valid_from", f"/cost_options/{i}"),
                "valid_to": conv.date(x, "valid_to", f"/cost_options/{i}"),
            },
        )
        for i, x in enumerate(record.get("cost_options") or [])
    ]
    svc["contacts"] = []
    for i, x in enumerate(record.get("contacts") or []):
        path = f"/contacts/{i}"
        svc["contacts"].append(
            {
                "id": oid(x["id"], f"{path}/id"),
                "fields": {
                    "name": conv.text(x, "name", path, m.Contact),
                    "title": conv.text(x, "title", path, m.Contact),
                    "department": conv.text(x, "department", path, m.Contact),
                    "email": conv.text(x, "email", path, m.Contact),
                },
                "phones": prepare_phones(conv, x.get("phones"), f"{path}/phones", oid),
            }
        )
    svc["phones"] = prepare_phones(conv, record.get("phones"), "/phones", oid)

    svc["attributes"] = []
    for i, a in enumerate(record.get("attributes") or []):
        path = f"/attributes/{i}"
        prepared_term = embedded_or_referenced(conv, a, "taxonomy_term", f"{path}/", prepare_term, oid)
        if prepared_term is None:
            conv.warnings.append(f"{path}: has no taxonomy term, so it was left out")
            continue
        svc["attributes"].append(
            {
                "id": oid(a["id"], f"{path}/id"),
                "link_type": conv.text(a, "link_type", path, m.ServiceAttribute),
                "term": prepared_term,
            }
        )
    _check_duplicate_child_ids(conv, svc)
    return svc, conv.reasons, conv.warnings


def embedded_or_referenced(conv, parent, key, path, prepare, oid):
    """`parent[key]` given in full, or only its id in `parent[key + "_id"]` (then it must already be in
    the directory); None when neither is there. A full record and an id that disagree are an error."""
    record, record_id = parent.get(key), parent.get(f"{key}_id")
    if isinstance(record, dict):
        prepared = prepare(conv, record, f"{path}{key}", oid)
        if record_id and str(record_id) != str(record.get("id")):
            conv.fail(f"{path}{key}_id", f"does not match {key}/id")
        return prepared
    if record_id:
        return {"id": oid(record_id, f"{path}{key}_id"), "reference_only": True}
    return None


def _check_duplicate_child_ids(conv, svc):
    groups = {
        "schedules": [s["id"] for s in svc["schedules"]],
        "service_areas": [i for i, _ in svc["service_areas"]],
        "service_at_locations": [s["id"] for s in svc["service_at_locations"]],
        "languages": [i for i, _ in svc["languages"]],
        "funding": [i for i, _ in svc["funding"]],
        "cost_options": [i for i, _ in svc["cost_options"]],
        "contacts": [c["id"] for c in svc["contacts"]],
        "phones": [p["id"] for p in svc["phones"]] + [p["id"] for c in svc["contacts"] for p in c["phones"]],
        "attributes": [a["id"] for a in svc["attributes"]],
    }
    for name, ids in groups.items():
        ids = [i for i in ids if i is not None]
        if len(ids) != len(set(ids)):
            conv.fail(f"/{name}", "uses the same id twice")


def prepare_schedule(conv, s, path, oid, sal_id):
    M = m.Schedule
    return {
        "id": oid(s["id"], f"{path}/id"),
        "path": path,
        "sal_id": conv.uuid(sal_id, f"{path}/service_at_location_id") if sal_id else None,
        "fields": {
            "valid_from": conv.date(s, "valid_from", path),
            "valid_to": conv.date(s, "valid_to", path),
            "dtstart": conv.date(s, "dtstart", path),
            "freq": _choice(conv, s, "freq", path, {"WEEKLY", "MONTHLY"}, ""),
            "interval": conv.whole(s, "interval", path),
            "byday": conv.text(s, "byday", path, M),
            "bymonthday": conv.text(s, "bymonthday", path, M),
            "opens_at": conv.time(s, "opens_at", path),
            "closes_at": conv.time(s, "closes_at", path),
            "description": conv.text(s, "description", path, M),
            "schedule_link": conv.url(s, "schedule_link", path, M),
            "attending_type": conv.text(s, "attending_type", path, M),
            "notes": conv.text(s, "notes", path, M),
        },
    }


def prepare_phones(conv, phones, path, oid):
    out = []
    for i, p in enumerate(phones or []):
        here = f"{path}/{i}"
        if not isinstance(p, dict) or not p.get("id") or not p.get("number"):
            conv.fail(here, "a phone needs an id and a number")
            continue
        out.append(
            {
                "id": oid(p["id"], f"{here}/id"),
                "number": conv.text(p, "number", here, m.Phone),
                "extension": conv.text(p, "extension", here, m.Phone),
                "type": conv.text(p, "type", here, m.Phone),
                "description": conv.text(p, "description", here, m.Phone),
            }
        )
    return out


def prepare_organization(conv, org, path, oid):
    Org = m.Organization
    parent = org.get("parent_organization_id")
    return {
        "id": oid(org["id"], f"{path}/id"),
        "fields": {
            "name": conv.text(org, "name", path, Org),
            "description": conv.text(org, "description", path, Org),
            "email": conv.text(org, "email", path, Org),
            "website": conv.url(org, "website", path, Org),
            "logo": conv.url(org, "logo", path, Org),
            "uri": conv.url(org, "uri", path, Org),
            "parent_organization_uuid": conv.uuid(parent, f"{path}/parent_organization_id") if parent else None,
        },
        "identifiers": [
            (
                oid(x["id"], f"{path}/organization_identifiers/{i}/id"),
                {
                    "identifier_scheme": conv.text(x, "identifier_scheme", path, m.OrganizationIdentifier),
                    "identifier_type": conv.text(x, "identifier_type", path, m.OrganizationIdentifier),
                    "identifier": conv.text(x, "identifier", path, m.OrganizationIdentifier),
                },
            )
            for i, x in enumerate(org.get("organization_identifiers") or [])
        ],
    }


def prepare_location(conv, loc, path, oid):
    L = m.Location
    latitude = conv.coordinate(loc, "latitude", path, 90)
    longitude = conv.coordinate(loc, "longitude", path, 180)
    if "invalid" in (latitude, longitude) or (latitude is None) != (longitude is None):
        latitude = longitude = None
    return {
        "id": oid(loc["id"], f"{path}/id"),
        "fields": {
            "location_type": loc["location_type"],
            "name": conv.text(loc, "name", path, L),
            "description": conv.text(loc, "description", path, L),
            "latitude": latitude,
            "longitude": longitude,
            "external_identifier": conv.text(loc, "external_identifier", path, L),
            "external_identifier_type": conv.text(loc, "external_identifier_type", path, L),
        },
        "addresses": [
            (
                oid(a["id"], f"{path}/addresses/{i}/id"),
                {
                    "attention": conv.text(a, "attention", f"{path}/addresses/{i}", m.Address),
                    "address_1": conv.text(a, "address_1", f"{path}/addresses/{i}", m.Address),
                    "address_2": conv.text(a, "address_2", f"{path}/addresses/{i}", m.Address),
                    "city": conv.text(a, "city", f"{path}/addresses/{i}", m.Address),
                    "region": conv.text(a, "region", f"{path}/addresses/{i}", m.Address),
                    "state_province": conv.text(a, "state_province", f"{path}/addresses/{i}", m.Address),
                    "postal_code": conv.text(a, "postal_code", f"{path}/addresses/{i}", m.Address),
                    "country": conv.text(a, "country", f"{path}/addresses/{i}", m.Address),
                    "address_type": a["address_type"],
                },
            )
            for i, a in enumerate(loc.get("addresses") or [])
        ],
        "accessibility": [
            (
                oid(a["id"], f"{path}/accessibility/{i}/id"),
                {
                    "description": conv.text(a, "description", path, m.Accessibility),
                    "details": conv.text(a, "details", path, m.Accessibility),
                    "url": conv.url(a, "url", path, m.Accessibility),
                    "accessibility": conv.text(a, "accessibility", path, m.Accessibility),
                },
            )
            for i, a in enumerate(loc.get("accessibility") or [])
        ],
        "phones": prepare_phones(conv, loc.get("phones"), f"{path}/phones", oid),
    }


def prepare_term(conv, term, path, oid):
    T = m.TaxonomyTerm
    taxonomy = None
    detail = term.get("taxonomy_detail")
    if isinstance(detail, dict) and detail.get("id") and detail.get("name"):
        taxonomy = {
            "id": conv.uuid(detail["id"], f"{path}/taxonomy_detail/id"),
            "fields": {
                "name": conv.text(detail, "name", f"{path}/taxonomy_detail", m.Taxonomy),
                "description": conv.text(detail, "description", f"{path}/taxonomy_detail", m.Taxonomy),
                "uri": conv.url(detail, "uri", f"{path}/taxonomy_detail", m.Taxonomy),
                "version": conv.text(detail, "version", f"{path}/taxonomy_detail", m.Taxonomy),
            },
            "complete": True,
        }
        if term.get("taxonomy_id") and str(term["taxonomy_id"]) != str(detail["id"]):
            conv.fail(f"{path}/taxonomy_id", "does not match taxonomy_detail/id")
    elif term.get("taxonomy_id"):
        name = str(term.get("taxonomy") or "")[:255] or "Unnamed taxonomy"
        taxonomy = {"id": conv.uuid(term["taxonomy_id"], f"{path}/taxonomy_id"), "fields": {"name": name}, "complete": False}
    elif term.get("taxonomy"):
        name = str(term["taxonomy"])[:255]
        taxonomy = {"id": uuid.uuid5(TAXONOMY_NAMESPACE, name.casefold()), "fields": {"name": name}, "complete": False}
    parent = term.get("parent_id")
    return {
        "id": oid(term["id"], f"{path}/id"),
        "fields": {
            "name": conv.text(term, "name", path, T),
            "description": conv.text(term, "description", path, T),
            "term": conv.text(term, "term", path, T),
            "term_uri": conv.url(term, "term_uri", path, T),
            "parent_uuid": conv.uuid(parent, f"{path}/parent_id") if parent else None,
        },
        "taxonomy": taxonomy,
    }
