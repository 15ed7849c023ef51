from django import template
from django.utils.html import format_html

register = template.Library()

# A session's status as a GOV.UK tag colour; scheduled (and anything new) is light blue.
_TAG_COLOURS = {
    "signed_off": "govuk-tag--green",
    "awaiting_sign_off": "govuk-tag--yellow",
    "in_progress": "govuk-tag--blue",
    "cancelled": "govuk-tag--grey",
}


@register.simple_tag
def status_tag(session):
    """A session's status as a GOV.UK tag. Drawn in Python: the supervision page draws one per session
    listed, and the template include it replaces cost several times as much in a loop."""
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        _TAG_COLOURS.get(session.status, "govuk-tag--light-blue"), session.get_status_display(),
    )
