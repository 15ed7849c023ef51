"""Django's commonest widget templates, drawn in Python with exactly the same HTML.

A form page draws every input, option and checkbox through three or four nested templates
(input.html, attrs.html, select_option.html...): a log's 36 framework statements cost more than the
rest of its page. GovUKRenderer asks `draw` first; a template it does not know (a widget with a
template of its own) is rendered by the template engine as before. tests/test_widgets.py checks
every drawing against Django's templates.
"""

from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.timezone import template_localtime

WIDGETS = "django/forms/widgets/"
INPUT_TEMPLATES = {
    f"{WIDGETS}{name}.html"
    for name in (
        "input", "text", "number", "email", "url", "password", "hidden", "date", "datetime", "time",
        "search", "tel", "color", "checkbox",
    )
}  # fmt: skip
OPTION_TEMPLATES = {f"{WIDGETS}checkbox_option.html", f"{WIDGETS}radio_option.html", f"{WIDGETS}input_option.html"}
SELECT_OPTION = f"{WIDGETS}select_option.html"


def _shown(value):
    """As {{ value }} in a template: localised, then escaped unless already safe."""
    value = localize(template_localtime(value))
    return conditional_escape(value if isinstance(value, str) else str(value))


def _as_string(value):
    """As {{ value|stringformat:'s' }}: no localisation, escaped unless already safe."""
    return conditional_escape(value if isinstance(value, str) else str(value))


def _attrs(attrs):
    """As attrs.html: ` name="value"`, a bare ` name` for True, nothing for False."""
    return "".join(
        f" {_shown(name)}" if value is True else f' {_shown(name)}="{_as_string(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget):
    value = "" if widget["value"] is None else f' value="{_as_string(widget["value"])}"'
    return f'<input type="{_shown(widget["type"])}" name="{_shown(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def _input_option(widget):
    if not widget.get("wrap_label"):
        return _input(widget)
    label_for = f' for="{_shown(widget["attrs"]["id"])}"' if widget["attrs"].get("id") else ""
    return f"<label{label_for}>{_input(widget)}\n {_shown(widget['label'])}</label>"


def _select_option(option):
    return f'<option value="{_as_string(option["value"])}"{_attrs(option["attrs"])}>{_shown(option["label"])}</option>\n'


def _select(widget):
    parts = [f'<select name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_shown(group_name)}">')
        for option in options:
            if option["template_name"] != SELECT_OPTION:
                return None  # an option template of its own: the template engine draws it all
            parts.append("\n  " + _select_option(option))
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _textarea(widget):
    value = _shown(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def draw(template_name, context):
    """The widget's HTML as the renderer would return it (stripped), or None to use the template."""
    widget = context.get("widget")
    if widget is None:
        return None
    if template_name in INPUT_TEMPLATES:
        return _input(widget)
    if template_name in OPTION_TEMPLATES:
        return _input_option(widget)
    if template_name == f"{WIDGETS}select.html":
        return _select(widget)
    if template_name == f"{WIDGETS}textarea.html":
        return _textarea(widget)
    if template_name == SELECT_OPTION:
        return _select_option(widget).strip()
    return None
