from django import template

from core.safe_urls import CONTACT_SCHEMES, safe_url

register = template.Library()


@register.filter
def web_url(value):
    """The address if it is http(s), otherwise empty: `{% with href=x|web_url %}{% if href %}<a href=...`."""
    return safe_url(value)


@register.filter
def contact_url(value):
    """Like web_url, also allowing mailto: and tel: addresses."""
    return safe_url(value, CONTACT_SCHEMES)
