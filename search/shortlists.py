"""Shortlists: the services a worker gathers for one person, to print or download and hand over.

The worker's current shortlist is remembered in their session, so "Add to shortlist" on any page
puts the service on the list they are building; the lists themselves are stored, so they survive
signing out. A shortlist's label (initials or a case reference) is never printed.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.safestring import mark_safe

from core.escaping import escaped

from .models import Service, Shortlist, ShortlistItem
from .oruk import prefetch_services

SESSION_KEY = "directory_shortlist_id"


def current(request):
    """The shortlist the worker is building now, or None."""
    if not request.user.is_authenticated:
        return None
    cached = getattr(request, "_directory_shortlist", False)
    if cached is not False:
        return cached
    shortlist = None
    pk = request.session.get(SESSION_KEY)
    if pk:
        shortlist = Shortlist.objects.filter(pk=pk, owner=request.user).first()
    request._directory_shortlist = shortlist
    return shortlist


def button_urls(request) -> dict:
    """What every shortlist button of a page links to: worked out once for the page."""
    return {"shortlist": reverse("search:shortlist"), "add": reverse("search:shortlist-add"), "next": request.get_full_path() if request else ""}


def button_html(service_id, name, *, shortlisted, urls, csrf_token=None):
    """"Add to shortlist" for one service (a small POST form: no JavaScript needed), or "On your
    shortlist" when it is; `urls` from button_urls. The search page draws twenty a page."""
    if shortlisted:
        return mark_safe(
            '<p class="govuk-body-s pc-shortlist-status"><strong class="govuk-tag govuk-tag--green">On your shortlist</strong>'
            f' <a class="govuk-link" href="{escaped(urls["shortlist"])}">View shortlist</a></p>'
        )
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escaped(csrf_token)}">' if csrf_token else ""
    return mark_safe(
        f'<form method="post" action="{escaped(urls["add"])}" class="pc-shortlist-form" novalidate>\n'
        f"  {csrf}\n"
        f'  <input type="hidden" name="service" value="{escaped(service_id)}">\n'
        f'  <input type="hidden" name="next" value="{escaped(urls["next"])}">\n'
        '  <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-module="govuk-button">'
        f'Add to shortlist<span class="govuk-visually-hidden">: {escaped(name)}</span></button>\n'
        "</form>"
    )


def current_ids(request):
    """Ids of the services on the current shortlist (one query per request at most)."""
    cached = getattr(request, "_directory_shortlist_ids", None)
    if cached is None:
        shortlist = current(request)
        cached = set(shortlist.items.values_list("service_id", flat=True)) if shortlist else set()
        request._directory_shortlist_ids = cached
    return cached


def make_current(request, shortlist):
    request.session[SESSION_KEY] = shortlist.pk
    request._directory_shortlist = shortlist
    request.__dict__.pop("_directory_shortlist_ids", None)


def forget_current(request, shortlist_id):
    if request.session.get(SESSION_KEY) == shortlist_id:
        del request.session[SESSION_KEY]
    request.__dict__.pop("_directory_shortlist", None)
    request.__dict__.pop("_directory_shortlist_ids", None)


def add(request, service):
    """Put service on the current shortlist (starting one if needed). Returns (shortlist, added)."""
    shortlist = current(request)
    if shortlist is None:
        shortlist = Shortlist.objects.create(owner=request.user)
        make_current(request, shortlist)
    try:
        with transaction.atomic():
            ShortlistItem.objects.create(shortlist=shortlist, service=service)
    except IntegrityError:
        return shortlist, False
    shortlist.save(update_fields=["updated_at"])
    request.__dict__.pop("_directory_shortlist_ids", None)
    return shortlist, True


def items_for_print(shortlist):
    """The shortlist's items, each with its service fully loaded (a fixed number of queries)."""
    items = list(shortlist.items.all())
    services = {s.pk: s for s in prefetch_services(Service.objects.filter(pk__in=[i.service_id for i in items]))}
    for item in items:
        item.service = services[item.service_id]
        item.sites = sites_of(item.service)
    return items


def sites_of(service):
    """Where a service happens: each location with its address, access, phones and own times."""
    location_schedules = {}
    for schedule in service.schedules.all():
        if schedule.service_at_location_id:
            location_schedules.setdefault(schedule.service_at_location_id, []).append(schedule)
    sites = []
    for sal in service.service_at_locations.all():
        location = sal.location
        sites.append(
            {
                "sal": sal,
                "location": location,
                "addresses": list(location.addresses.all()),
                "accessibility": list(location.accessibility.all()),
                "phones": list(location.phones.all()),
                "schedules": location_schedules.get(sal.pk, []),
            }
        )
    return sites


def filename(shortlist, extension, large=False):
    # Large print gets its own name, so both can sit side by side in a Downloads folder.
    return f"services-shortlist-{shortlist.updated_at:%Y-%m-%d}{'-large-print' if large else ''}.{extension}"


def as_text(items, today):
    """A plain-text handout: what each service is, who for, cost, when, where and how to get in touch."""
    lines = ["Services that could help", f"Printed {today:%d %B %Y}", ""]
    for number, item in enumerate(items, start=1):
        service = item.service
        lines.append(f"{number}. {service.name}")
        if service.organization_id:
            lines.append(f"   Run by: {service.organization.name}")
        if service.status != "active":
            lines.append(f"   Status: {service.get_status_display()}")
        if service.alert:
            lines.append(f"   Please note: {service.alert}")
        if service.description:
            lines.append(f"   What it offers: {service.description}")
        lines.append(f"   Who it is for: {service.age_range_text()}")
        costs = [str(c) for c in service.cost_options.all()]
        if costs:
            lines.append(f"   Cost: {'; '.join(costs)}")
        schedules = [s.summary() for s in service.schedules.all() if not s.service_at_location_id]
        if schedules:
            lines.append(f"   When: {'; '.join(schedules)}")
        for site in item.sites:
            address = site["addresses"][0].one_line() if site["addresses"] else ""
            where = ", ".join(p for p in [site["location"].name, address] if p)
            lines.append(f"   Where: {where}")
            for schedule in site["schedules"]:
                lines.append(f"      {schedule.summary()}")
        for phone in service.phones.all():
            lines.append(f"   Phone: {phone.number}" + (f" ({phone.description})" if phone.description else ""))
        if service.email:
            lines.append(f"   Email: {service.email}")
        if service.url:
            lines.append(f"   Website: {service.url}")
        if item.note:
            lines.append(f"   Note: {item.note}")
        lines.append("")
    return "\n".join(lines)
