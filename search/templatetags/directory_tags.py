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
