from django import template

from search import shortlists
from search.models import age_range_text, clock

register = template.Library()


@register.simple_tag(takes_context=True)
def on_shortlist(context, service):
    """True when the service (or its id) is on the signed-in worker's current shortlist."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return False
    service_id = getattr(service, "pk", None) or getattr(service, "service_id", None) or service
    return str(service_id) in {str(i) for i in shortlists.current_ids(request)}


@register.simple_tag(takes_context=True)
def shortlist_button(context, service, shortlisted=None):
    """"Add to shortlist" for one service (a small POST form: no JavaScript needed), or "On your
    shortlist" when it is. `service` is a Service or a search listing (service_id); a page that knows
    already passes shortlisted=True/False. Drawn in Python: the search page draws one a result, and
    an include of a template each cost a third of that page's drawing.
    """
    if shortlisted is None:
        shortlisted = on_shortlist(context, service)
    urls = context.render_context.get("shortlist_urls")
    if urls is None:  # worked out once for the page
        urls = context.render_context["shortlist_urls"] = shortlists.button_urls(context.get("request"))
    token = context.get("csrf_token")
    return shortlists.button_html(
        getattr(service, "service_id", None) or service.pk, service.name, shortlisted=shortlisted, urls=urls,
        csrf_token=token if token and token != "NOTPROVIDED" else None,
    )


@register.filter
def ages(service):
    return age_range_text(service.minimum_age, service.maximum_age)


@register.filter
def clock_time(value):
    return clock(value) if value else ""


@register.filter
def tel_href(number):
    digits = "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")
    return f"tel:{digits}"
