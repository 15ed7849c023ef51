from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

register = template.Library()


@lru_cache(maxsize=16)
def _read(path):
    found = finders.find(path)
    if not found:
        raise template.TemplateSyntaxError(f"No static file {path!r}")
    with open(found, encoding="utf-8") as handle:
        return handle.read()


@register.simple_tag
def inline_static(path):
    """The text of one of our own static files (a stylesheet), for PDFs rendered without a web server.

    Pages served to browsers link the file instead: the Content-Security-Policy refuses inline styles.
    """
    return mark_safe(_read(path))
