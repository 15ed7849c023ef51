"""Turning directory records into ORUK JSON. Empty values are left out; required fields are always there."""

from datetime import UTC
from decimal import Decimal

from core.safe_urls import safe_url

# ---- Values -------------------------------------------------------------------------------------


def number(value):
    """Decimal to a JSON number: 12 rather than 12.00."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def date_text(value):
    return value.isoformat() if value else None


def datetime_text(value):
    if not value:
        return None
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def time_text(value):
    return value.strftime("%H:%M:%S") if value else None


def compact(data: dict, keep=()) -> dict:
    """Drop empty values (None, "", []) except for the keys in keep."""
    return {k: v for k, v in data.items() if k in keep or v not in (None, "", [])}


def _id(value):
    return str(value) if value else None


# ---- Records ------------------------------------------------------------------------------------


def taxonomy_to_oruk(taxonomy, with_terms=False) -> dict:
    data = {
        "id": str(taxonomy.id),
        "name": taxonomy.name,
        "description": taxonomy.description,
        "uri": safe_url(taxonomy.uri),
        "version": taxonomy.version,
    }
    if with_terms:
        data["taxonomy_terms"] = [taxonomy_term_to_oruk(t) for t in taxonomy.terms.all()]
    return compact(data, keep=("name", "description"))


def taxonomy_term_to_oruk(term, with_taxonomy_detail=False) -> dict:
    taxonomy = term.taxonomy
    data = {
        "id": str(term.id),
        "name": term.name,
        "description": term.description,
        "parent_id": _id(term.parent_uuid),
        "taxonomy": taxonomy.name if taxonomy else None,
        "taxonomy_id": _id(term.taxonomy_id),
        "term_uri": safe_url(term.term_uri),
        "term": term.term,
    }
    if with_taxonomy_detail and taxonomy:
        # HSDS 3.0 nests the taxonomy itself; ORUK allows the extra key and the importer reads it.
        data["taxonomy_detail"] = taxonomy_to_oruk(taxonomy)
    return compact(data, keep=("name", "description"))


def attribute_to_oruk(attribute) -> dict:
    term = attribute.taxonomy_term
    return compact(
        {
            "id": str(attribute.id),
            "link_id": str(attribute.service_id),
            "link_type": attribute.link_type,
            "taxonomy_term_id": str(term.id),
            "taxonomy_term": taxonomy_term_to_oruk(term, with_taxonomy_detail=True),
        }
    )


# What service_to_oruk_list reads (queries.services_for_list fetches exactly these).
LIST_ORGANIZATION_FIELDS = ("id", "name", "description", "email", "website", "logo", "uri", "parent_organization_uuid")
LIST_SERVICE_FIELDS = (
    "id", "organization_id", "name", "description", "url", "email", "status", "fees", "accreditations",
    "minimum_age", "maximum_age", "assured_date", "assurer_email", "alert", "last_modified",
)  # fmt: skip


def organization_to_oruk(org, nested=True) -> dict:
    data = {
        "id": str(org.id),
        "name": org.name,
        "description": org.description,
        "email": org.email,
        "website": safe_url(org.website),
        "logo": safe_url(org.logo),
        "uri": safe_url(org.uri),
        "parent_organization_id": _id(org.parent_organization_uuid),
    }
    if nested:
        data["organization_identifiers"] = [
            compact(
                {
                    "id": str(i.id),
                    "organization_id": str(org.id),
                    "identifier_scheme": i.identifier_scheme,
                    "identifier_type": i.identifier_type,
                    "identifier": i.identifier,
                },
                keep=("identifier_type", "identifier"),
            )
            for i in org.organization_identifiers.all()
        ]
    return compact(data, keep=("name", "description"))


def phone_to_oruk(phone) -> dict:
    return compact(
        {
            "id": str(phone.id),
            "contact_id": _id(phone.contact_id),
            "number": phone.number,
            "extension": phone.extension,
            "type": phone.type,
            "description": phone.description,
        },
        keep=("number",),
    )


def location_to_oruk(location, nested=True) -> dict:
    data = {
        "id": str(location.id),
        "location_type": location.location_type,
        "name": location.name,
        "description": location.description,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "external_identifier": location.external_identifier,
        "external_identifier_type": location.external_identifier_type,
    }
    if nested:
        data["addresses"] = [
            compact(
                {
                    "id": str(a.id),
                    "location_id": str(location.id),
                    "attention": a.attention,
                    "address_1": a.address_1,
                    "address_2": a.address_2,
                    "city": a.city,
                    "region": a.region,
                    "state_province": a.state_province,
                    "postal_code": a.postal_code,
                    "country": a.country,
                    "address_type": a.address_type,
                },
                keep=("address_1", "city", "state_province", "postal_code", "country", "address_type"),
            )
            for a in location.addresses.all()
        ]
        data["accessibility"] = [
            compact(
                {
                    "id": str(x.id),
                    "location_id": str(location.id),
                    "description": x.description,
                    "details": x.details,
                    "url": safe_url(x.url),
                    "accessibility": x.accessibility,
                }
            )
            for x in location.accessibility.all()
        ]
        # HSDS 3.0 location phones: an extension ORUK's schema allows.
        data["phones"] = [phone_to_oruk(p) for p in location.phones.all()]
    return compact(data, keep=("location_type",))


def schedule_to_oruk(schedule) -> dict:
    return compact(
        {
            "id": str(schedule.id),
            "service_id": str(schedule.service_id),
            "service_at_location_id": _id(schedule.service_at_location_id),
            "valid_from": date_text(schedule.valid_from),
            "valid_to": date_text(schedule.valid_to),
            "dtstart": date_text(schedule.dtstart),
            "freq": schedule.freq,
            "interval": schedule.interval,
            "byday": schedule.byday,
            "bymonthday": schedule.bymonthday,
            "description": schedule.description,
            "opens_at": time_text(schedule.opens_at),
            "closes_at": time_text(schedule.closes_at),
            "schedule_link": safe_url(schedule.schedule_link),
            "attending_type": schedule.attending_type,
            "notes": schedule.notes,
        }
    )


def _service_fields(service) -> dict:
    return {
        "id": str(service.id),
        "organization_id": _id(service.organization_id),
        "name": service.name,
        "description": service.description,
        "url": safe_url(service.url),
        "email": service.email,
        "status": service.status,
        "fees": service.fees,
        "accreditations": service.accreditations,
        "minimum_age": number(service.minimum_age),
        "maximum_age": number(service.maximum_age),
        "assured_date": date_text(service.assured_date),
        "assurer_email": service.assurer_email,
        "alert": service.alert,
        "last_modified": datetime_text(service.last_modified),
    }


def service_to_oruk_list(service) -> dict:
    """The service's one-to-one fields and its organisation (compiled/service_list.json)."""
    data = _service_fields(service)
    if service.organization_id:
        data["organization"] = organization_to_oruk(service.organization, nested=False)
    return compact(data, keep=("name", "status"))


def service_to_oruk(service) -> dict:
    """The fully nested service, as ORUK's compiled/service.json describes (and import_oruk reads)."""
    data = _service_fields(service)
    data["eligibility_description"] = service.eligibility_description  # HSDS 3.0 extension
    data["schedules"] = [schedule_to_oruk(s) for s in service.schedules.all()]
    data["service_areas"] = [
        compact(
            {
                "id": str(a.id),
                "service_id": str(service.id),
                "name": a.name,
                "service_area": a.service_area,
                "extent": a.extent,
                "extent_type": a.extent_type,
                "uri": safe_url(a.uri),
            }
        )
        for a in service.service_areas.all()
    ]
    data["service_at_locations"] = [
        compact(
            {
                "id": str(sal.id),
                "service_id": str(service.id),
                "location_id": str(sal.location_id),
                "description": sal.description,
                "location": location_to_oruk(sal.location),
            }
        )
        for sal in service.service_at_locations.all()
    ]
    data["languages"] = [
        compact({"id": str(lang.id), "service_id": str(service.id), "name": lang.name, "code": lang.code, "note": lang.note})
        for lang in service.languages.all()
    ]
    if service.organization_id:
        data["organization"] = organization_to_oruk(service.organization)
    data["funding"] = [
        {"id": str(f.id), "service_id": str(service.id), "source": f.source} for f in service.funding.all()
    ]
    data["cost_options"] = [
        compact(
            {
                "id": str(c.id),
                "service_id": str(service.id),
                "valid_from": date_text(c.valid_from),
                "valid_to": date_text(c.valid_to),
                "option": c.option,
                "amount": number(c.amount),
                "amount_description": c.amount_description,
            }
        )
        for c in service.cost_options.all()
    ]
    data["contacts"] = [
        compact(
            {
                "id": str(c.id),
                "service_id": str(service.id),
                "name": c.name,
                "title": c.title,
                "department": c.department,
                "email": c.email,
                "phones": [phone_to_oruk(p) for p in c.phones.all()],
            }
        )
        for c in service.contacts.all()
    ]
    # HSDS 3.0 service phones: an extension ORUK's schema allows.
    data["phones"] = [phone_to_oruk(p) for p in service.phones.all()]
    data["attributes"] = [attribute_to_oruk(a) for a in service.attributes.all()]
    return compact(data, keep=("name", "status"))


def service_at_location_to_oruk_list(sal) -> dict:
    data = {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
        "location": location_to_oruk(sal.location, nested=False),
        "service": service_to_oruk_list(sal.service),
    }
    return compact(data)


def service_at_location_to_oruk(sal) -> dict:
    """A service at one location, fully nested (compiled/service_at_location.json)."""
    service = service_to_oruk(sal.service)
    service.pop("service_at_locations", None)
    data = {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
        "description": sal.description,
        "location": location_to_oruk(sal.location),
        "service": service,
    }
    return compact(data)
