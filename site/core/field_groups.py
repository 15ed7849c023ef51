"""core/forms/field.html drawn in Python, with exactly the template's HTML.

Every field of every form of ours goes through that template (a label, a hint, errors, an identifier
warning, and for radios and checkboxes a loop over the options): on a log's page, with its 36 framework
statements, the template's own work cost more than the widgets it draws. GovUKRenderer asks `draw`
for it; `site/core/tests/test_field_groups.py` checks the drawing against the template field by field,
empty, with errors and with warnings. Change both together.
"""

from .widgets import _shown

FIELD_TEMPLATE = "core/forms/field.html"


def _errors(field, errors, separator="<br>"):
    if not errors:
        return ""
    errors = list(errors)
    shown = [f'<span class="govuk-visually-hidden">Error:</span> {_shown(error)}' for error in errors]
    return f'<p id="{_shown(field.html_name)}-error" class="govuk-error-message">{separator.join(shown)}</p>'


def _warning(field):
    """As core/forms/warning.html (which ends with a line break)."""
    warnings = field.warnings
    if not warnings:
        return "\n"
    said = "".join(f" {_shown(warning)}" for warning in warnings)
    return (
        f'<div id="{_shown(field.html_name)}-warning" class="govuk-warning-text govuk-!-margin-bottom-2">'
        '<span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text">'
        f'<span class="govuk-visually-hidden">Warning</span>{said}</strong></div>\n'
    )


def _optional(field):
    return " (optional)" if not field.field.required and "(optional)" not in field.label else ""


def _length(value):
    """As the |length filter: 0 for what has no length."""
    try:
        return len(value)
    except (ValueError, TypeError):
        return 0


def _options(field, widget_type, help_text, errors, error_class):
    name = _shown(field.html_name)
    radios = widget_type == "radioselect"
    described = ""
    if help_text or errors:
        described = f' aria-describedby="{f"{name}-hint" if help_text else ""}{f" {name}-error" if errors else ""}"'
    hint = f'<div id="{name}-hint" class="govuk-hint">{_shown(help_text)}</div>' if help_text else ""
    group = ("govuk-radios" + (" govuk-radios--inline" if _length(field.field.choices) <= 2 else "")) if radios else "govuk-checkboxes"
    item, label = ("govuk-radios__item", "govuk-radios__label") if radios else ("govuk-checkboxes__item", "govuk-checkboxes__label")
    options = "".join(
        f'\n      <div class="{item}">\n        {_shown(option.tag())}\n'
        f'        <label class="govuk-label {label}" for="{_shown(option.id_for_label)}">{_shown(option.choice_label)}</label>\n'
        "      </div>\n      "
        for option in field.subwidgets
    )
    return (
        f'<div class="govuk-form-group{error_class}">\n'
        f'  <fieldset class="govuk-fieldset"{described}>\n'
        f'    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{_shown(field.label)}{_optional(field)}</legend>\n'
        f"    {hint}\n"
        f"    {_errors(field, errors)}\n"
        f"  {_warning(field)}\n"
        f'    <div class="{group} govuk-radios--small govuk-checkboxes--small" data-module="{"govuk-radios" if radios else "govuk-checkboxes"}">\n'
        f"      {options}\n"
        "    </div>\n"
        "  </fieldset>\n"
        "</div>"
    )


def _checkbox(field, help_text, errors, error_class):
    hint = (
        f'<div id="{_shown(field.html_name)}-hint" class="govuk-hint govuk-checkboxes__hint">{_shown(help_text)}</div>'
        if help_text else ""
    )
    return (
        f'<div class="govuk-form-group{error_class}">\n'
        f"  {_errors(field, errors, separator='')}\n"
        f"  {_warning(field)}\n"
        '  <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">\n'
        '    <div class="govuk-checkboxes__item">\n'
        f"      {_shown(field)}\n"
        f'      <label class="govuk-label govuk-checkboxes__label" for="{_shown(field.id_for_label)}">{_shown(field.label)}</label>\n'
        f"      {hint}\n"
        "    </div>\n"
        "  </div>\n"
        "</div>"
    )


def _single(field, help_text, errors, error_class):
    hint = f'<div id="{_shown(field.html_name)}-hint" class="govuk-hint">{_shown(help_text)}</div>' if help_text else ""
    return (
        f'<div class="govuk-form-group{error_class}">\n'
        f'  <label class="govuk-label govuk-label--s" for="{_shown(field.id_for_label)}">{_shown(field.label)}{_optional(field)}</label>\n'
        f"  {hint}\n"
        f"  {_errors(field, errors)}\n"
        f"  {_warning(field)}\n"
        f"  {_shown(field)}\n"
        "</div>"
    )


def draw(field):
    """The field group's HTML as the template draws it (stripped, as the renderer returns it)."""
    widget_type, help_text, errors = field.widget_type, field.help_text, field.errors
    error_class = " govuk-form-group--error" if errors else ""
    if widget_type in ("radioselect", "checkboxselectmultiple"):
        return _options(field, widget_type, help_text, errors, error_class)
    if widget_type == "checkbox":
        return _checkbox(field, help_text, errors, error_class)
    return _single(field, help_text, errors, error_class)
