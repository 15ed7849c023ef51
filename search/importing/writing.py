"""Writing a prepared record: shared parts (organisations, locations, terms) matched by id, the
service's own parts synchronised."""

from django.db.models import Q

from .. import models as m
from ..oruk import prefetch_services, service_to_oruk
from .report import RecordRejected


def _assign(obj, values):
    """Set field values; True when the object is new or any value differs."""
    changed = obj._state.adding
    for name, value in values.items():
        field = obj._meta.get_field(name) if not name.endswith("_id") else None
        if field is not None and field.is_relation:
            current = getattr(obj, field.attname)
            if current != (value.pk if value is not None else None):
                setattr(obj, name, value)
                changed = True
        elif getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _sync(model, parent_field, parent, items, conflict_path):
    """Make parent's children of this kind exactly `items` [(pk, values)], in order."""
    ids = [pk for pk, _ in items]
    parent_attname = model._meta.get_field(parent_field).attname
    rows = model.objects.filter(Q(pk__in=ids) | Q(**{parent_field: parent}))
    existing, stale = {}, []
    for row in rows:
        if getattr(row, parent_attname) != parent.pk:
            raise RecordRejected(
                [(conflict_path, f"id {row.pk} is already used by a {model._meta.verbose_name} of another record")]
            )
        if row.pk in ids:
            existing[row.pk] = row
        else:
            stale.append(row.pk)
    if stale:
        model.objects.filter(pk__in=stale).delete()
    result = []
    for position, (pk, values) in enumerate(items):
        obj = existing.get(pk) or model(pk=pk, **{parent_field: parent})
        values = dict(values)
        if hasattr(obj, "sort_order"):
            values["sort_order"] = position
        if _assign(obj, values):
            obj.save()
        result.append(obj)
    return result


def _phones(phones, parent_field, parent, path):
    items = [(p["id"], {k: v for k, v in p.items() if k != "id"}) for p in phones]
    return _sync(m.Phone, parent_field, parent, items, path)


class WriteCache:
    """Shared parts (organisations, locations, terms) already written in this run, so a
    location used by forty services is written once. Entries made inside a record's
    transaction only count once that transaction commits."""

    def __init__(self):
        self.committed = {}
        self.pending = {}

    def get(self, kind, prepared):
        key = (kind, prepared["id"])
        hit = self.pending.get(key) or self.committed.get(key)
        if hit and hit[0] == repr(prepared):
            return hit[1]
        return None

    def put(self, kind, prepared, obj):
        self.pending[(kind, prepared["id"])] = (repr(prepared), obj)
        return obj

    def commit(self):
        self.committed.update(self.pending)
        self.pending = {}

    def discard(self):
        self.pending = {}


def _write_organization(prepared, cache):
    cached = cache.get("organization", prepared)
    if cached:
        return cached
    org = m.Organization.objects.filter(pk=prepared["id"]).first() or m.Organization(pk=prepared["id"])
    if _assign(org, prepared["fields"]):
        org.save()
    _sync(m.OrganizationIdentifier, "organization", org, prepared["identifiers"], "/organization/organization_identifiers")
    return cache.put("organization", prepared, org)


def _referenced(model, prepared, path, what):
    """A record the file names by id only: it must already be in the directory."""
    found = model.objects.filter(pk=prepared["id"]).first()
    if found is None:
        raise RecordRejected([(path, f"{what} {prepared['id']} is not in the file or the directory")])
    return found


def _write_location(prepared, cache):
    if prepared.get("reference_only"):
        return _referenced(m.Location, prepared, "/service_at_locations", "location")
    cached = cache.get("location", prepared)
    if cached:
        return cached
    location = m.Location.objects.filter(pk=prepared["id"]).first() or m.Location(pk=prepared["id"])
    if _assign(location, prepared["fields"]):
        location.save()
    _sync(m.Address, "location", location, prepared["addresses"], "/service_at_locations/location/addresses")
    _sync(m.Accessibility, "location", location, prepared["accessibility"], "/service_at_locations/location/accessibility")
    _phones(prepared["phones"], "location", location, "/service_at_locations/location/phones")
    return cache.put("location", prepared, location)


def _write_term(prepared, cache):
    if prepared.get("reference_only"):
        return _referenced(m.TaxonomyTerm, prepared, "/attributes", "taxonomy term")
    cached = cache.get("term", prepared)
    if cached:
        return cached
    taxonomy = None
    spec = prepared["taxonomy"]
    if spec:
        taxonomy = m.Taxonomy.objects.filter(pk=spec["id"]).first()
        if taxonomy is None:
            taxonomy = m.Taxonomy(pk=spec["id"], **spec["fields"])
            taxonomy.save()
        elif spec["complete"] and _assign(taxonomy, spec["fields"]):
            taxonomy.save()
    term = m.TaxonomyTerm.objects.filter(pk=prepared["id"]).first() or m.TaxonomyTerm(pk=prepared["id"])
    if _assign(term, {**prepared["fields"], "taxonomy": taxonomy}):
        term.save()
    return cache.put("term", prepared, term)


def snapshot(service_id):
    service = prefetch_services(m.Service.objects.filter(pk=service_id)).first()
    return service_to_oruk(service) if service else None


def write_service(prepared, cache=None):
    """Write one prepared service. Returns the saved Service. Raises RecordRejected."""
    cache = cache or WriteCache()
    organization = None
    if prepared["organization"]:
        organization = _write_organization(prepared["organization"], cache)
    elif prepared["organization_id"]:
        organization = m.Organization.objects.filter(pk=prepared["organization_id"]).first()
        if organization is None:
            raise RecordRejected([("/organization_id", "is not an organisation in the file or the directory")])

    service = m.Service.objects.filter(pk=prepared["id"]).first() or m.Service(pk=prepared["id"])
    service._keep_last_modified = True
    _assign(service, {**prepared["fields"], "organization": organization})
    service.save()

    _sync(m.ServiceArea, "service", service, prepared["service_areas"], "/service_areas")
    sal_items = []
    for sal in prepared["service_at_locations"]:
        location = _write_location(sal["location"], cache)
        sal_items.append((sal["id"], {"location": location, "description": sal["description"]}))
    _sync(m.ServiceAtLocation, "service", service, sal_items, "/service_at_locations")
    _sync(
        m.Schedule,
        "service",
        service,
        [(s["id"], {**s["fields"], "service_at_location_id": s["sal_id"]}) for s in prepared["schedules"]],
        "/schedules",
    )
    _sync(m.Language, "service", service, prepared["languages"], "/languages")
    _sync(m.Funding, "service", service, prepared["funding"], "/funding")
    _sync(m.CostOption, "service", service, prepared["cost_options"], "/cost_options")
    contacts = _sync(m.Contact, "service", service, [(c["id"], c["fields"]) for c in prepared["contacts"]], "/contacts")
    for contact, spec in zip(contacts, prepared["contacts"], strict=True):
        _phones(spec["phones"], "contact", contact, "/contacts/phones")
    _phones(prepared["phones"], "service", service, "/phones")
    attributes = [
        (a["id"], {"taxonomy_term": _write_term(a["term"], cache), "link_type": a["link_type"]}) for a in prepared["attributes"]
    ]
    _sync(m.ServiceAttribute, "service", service, attributes, "/attributes")
    return service
