from django import template
from django.utils.safestring import mark_safe

from core.forms import style_form

register = template.Library()


@register.simple_tag
def govuk_fields(form):
    """Render any form's fields (e.g. allauth's) in GOV.UK style, without its error summary."""
    style_form(form)
    hidden = "".join(str(f) for f in form.hidden_fields())
    visible = "".join(f.render(template_name="core/forms/field.html") for f in form.visible_fields())
    return mark_safe(hidden + visible)
