"""GOV.UK Design System rendering for every form of ours (Wagtail's admin keeps its own).

Use GovUKFormMixin on a Form or ModelForm: fields render with label, hint, error message and the
govuk-* classes, and {{ form }} starts with an error summary linking to each field in error.
"""

from django import forms
from django.forms.renderers import DjangoTemplates

WIDGET_CLASSES = [
    (forms.CheckboxSelectMultiple, "govuk-checkboxes__input"),
    (forms.RadioSelect, "govuk-radios__input"),
    (forms.CheckboxInput, "govuk-checkboxes__input"),
    (forms.Textarea, "govuk-textarea"),
    (forms.Select, "govuk-select"),
    (forms.ClearableFileInput, "govuk-file-upload"),
    (forms.widgets.Input, "govuk-input"),
]
ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error",
    "govuk-file-upload": "govuk-file-upload--error",
}


class GovUKRenderer(DjangoTemplates):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "govuk-input govuk-input--width-10", **(attrs or {})}, format="%Y-%m-%d")


def style_form(form):
    """Give a form's widgets the GOV.UK classes, hint links and error states. Safe to call twice."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(field, forms.DateField) and not isinstance(widget, (DateInput, forms.HiddenInput)):
            widget = field.widget = DateInput(attrs={k: v for k, v in widget.attrs.items() if k != "class"})
        base = next((css for kind, css in WIDGET_CLASSES if isinstance(widget, kind)), "")
        classes = widget.attrs.get("class", "").split()
        if base and base not in classes:
            classes.insert(0, base)
        grouped = isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple))
        describedby = [i for i in widget.attrs.get("aria-describedby", "").split() if i]
        if str(field.help_text or "").strip() and not grouped:
            describedby.append(f"{form.add_prefix(name)}-hint")
        # Only once validated: reading form.errors here would validate a form still being built.
        if form._errors and name in form._errors:
            classes += [ERROR_CLASSES[c] for c in list(classes) if c in ERROR_CLASSES]
            if not grouped:
                describedby.append(f"{form.add_prefix(name)}-error")
        if classes:
            widget.attrs["class"] = " ".join(dict.fromkeys(classes))
        if describedby:
            widget.attrs["aria-describedby"] = " ".join(dict.fromkeys(describedby))
    return form


class GovUKFormMixin:
    default_renderer = GovUKRenderer

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)

    def full_clean(self):
        super().full_clean()
        style_form(self)


class GovUKForm(GovUKFormMixin, forms.Form):
    pass


class GovUKModelForm(GovUKFormMixin, forms.ModelForm):
    pass
