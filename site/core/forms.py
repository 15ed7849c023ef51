"""GOV.UK Design System rendering for every form of ours (Wagtail's admin keeps its own).

Use GovUKFormMixin on a Form or ModelForm: fields render with label, hint, error message and the
govuk-* classes, and {{ form }} starts with an error summary linking to each field in error.

Identifier warnings: a form lists its free-text fields in identifier_fields (or ALL_TEXT). Once
valid, form.warnings holds, per field, what could identify a person; each field shows its warning
under the label and the summary links to it. A warning never blocks: the view asks
form.warnings_accepted(), which is true when there is nothing to warn about or the person has
submitted again after seeing exactly these warnings (a hidden fingerprint the summary carries).
"""

import functools
import hashlib

from django import forms
from django.core.validators import MaxLengthValidator
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils import translation

from core import field_groups, widgets
from core.field_groups import FIELD_TEMPLATE
from core.privacy import check_text, configured_names, in_sentence

ALL_TEXT = "__all_text__"
WARNINGS_SEEN = "identifiers_seen"

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
    field_template_name = FIELD_TEMPLATE

    def render(self, template_name, context, request=None):
        # Inputs, options and checkboxes, and the field groups around them, drawn in Python (same
        # HTML): their nested templates were most of a form page's time.
        drawn = None
        if request is None:
            if template_name == FIELD_TEMPLATE and "field" in context:
                drawn = field_groups.draw(context["field"])
            else:
                drawn = widgets.draw(template_name, context)
        return drawn if drawn is not None else super().render(template_name, context, request)


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
        if getattr(form, "warnings", None) and name in form.warnings and not grouped:
            describedby.append(f"{form.add_prefix(name)}-warning")
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


class GovUKBoundField(BoundField):
    @property
    def warnings(self):
        """Identifier warnings for this field (shown under its label, like an error but not one)."""
        return getattr(self.form, "warnings", {}).get(self.name, [])


def _is_free_text(field):
    return isinstance(field, forms.CharField) and not isinstance(
        field, (forms.EmailField, forms.URLField, forms.SlugField, forms.RegexField, forms.UUIDField)
    ) and not isinstance(field.widget, (forms.HiddenInput, forms.PasswordInput))


# Backstop lengths for text fields that set none: nobody writes a 1 MB answer, and whatever is
# saved is served to others. Fields with a length of their own keep it (and get the same message).
TEXT_LIMIT = 20_000  # a text area: an answer, notes
LINE_LIMIT = 500  # a one-line box


def limit_text_lengths(form, fields=None):
    """Give every text field of `form` (or of `fields`, some of its fields by name) a maximum length
    and a GOV.UK message. Safe to call twice."""
    for name, field in (form.fields if fields is None else fields).items():
        if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.HiddenInput):
            continue
        if field.max_length is None:
            field.max_length = TEXT_LIMIT if isinstance(field.widget, forms.Textarea) else LINE_LIMIT
        if not any(isinstance(v, MaxLengthValidator) for v in field.validators):
            field.validators.append(MaxLengthValidator(field.max_length))
        label = plain_label(name, field)
        field.error_messages.setdefault("max_length", f"{label} must be {field.max_length:,} characters or fewer")


# Django's own messages ("This field is required.", "Enter a valid date.") say nothing about which
# field; GOV.UK asks for the field's name and what to do. A message a field sets itself is kept.
QUESTION_WORDS = {"how", "what", "when", "where", "which", "who", "why", "whether", "your", "the", "a", "an"}


def plain_label(name, field):
    """The field's label as words for a sentence, without "(optional)" or a trailing "?"."""
    return str(field.label or name.replace("_", " ").capitalize()).replace("(optional)", "").strip(" ?:.")


def _the(label):
    """'Date' -> 'the date', 'How often' -> 'how often', 'CPD year' -> 'the CPD year'."""
    words = label.split()
    if words and not words[0].isupper():
        label = label[0].lower() + label[1:]
    return label if words and words[0].lower() in QUESTION_WORDS else f"the {label}"


@functools.cache
def _default_messages(field_class, language):
    """Django's own messages for a field class, as text in the language: worked out once, not per form."""
    defaults = {}
    for kind in reversed(field_class.__mro__):
        defaults.update(getattr(kind, "default_error_messages", {}))
    return {key: str(message) for key, message in defaults.items()}


def _is_default(field, key):
    defaults = _default_messages(type(field), translation.get_language())
    return key in field.error_messages and key in defaults and str(field.error_messages[key]) == defaults[key]


def name_fields_in_errors(form, fields=None):
    """Give each field (or each of `fields`, some of the form's fields by name) GOV.UK error messages
    that name it ('Enter the date'). Safe to call twice."""
    for name, field in (form.fields if fields is None else fields).items():
        if isinstance(field.widget, forms.HiddenInput):
            continue
        label = plain_label(name, field)
        messages = {}
        if isinstance(field, forms.BooleanField):
            messages["required"] = f"Select “{label}” to continue"
        elif isinstance(field, (forms.ChoiceField, forms.ModelChoiceField, forms.FileField)):
            messages["required"] = f"Select {_the(label)}"
        elif isinstance(field, forms.DateField) and "date" not in label.lower():
            messages["required"] = f"Enter the {label[0].lower() + label[1:]} date"  # "Enter the review on date"
        else:
            messages["required"] = f"Enter {_the(label)}"
        if isinstance(field, forms.DateField):
            messages["invalid"] = f"{label} must be a real date"
        elif isinstance(field, forms.TimeField):
            messages["invalid"] = f"{label} must be a time, like 14:00"
        elif isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
            messages["invalid"] = f"{label} must be a number"
        for key, message in messages.items():
            if _is_default(field, key):
                field.error_messages[key] = message
        if isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
            field.validators = [_worded_limit(v, label) for v in field.validators]


def _worded_limit(validator, label):
    """A number's lower or upper limit with a message naming the field (a copy: fields share them)."""
    wording = {"min_value": "or more", "max_value": "or less"}.get(getattr(validator, "code", None))
    if wording is None or validator.message != type(validator).message:
        return validator
    return type(validator)(validator.limit_value, message=f"{label} must be {validator.limit_value} {wording}")


class GovUKFormMixin:
    # One renderer for every form: a renderer class here would be instantiated per form, each with a
    # new template engine that parses every widget template again (most of a form page's time).
    default_renderer = GovUKRenderer()
    bound_field_class = GovUKBoundField
    # Free-text fields the identifier check reads: field names, or ALL_TEXT for every text box.
    identifier_fields = ()
    # Kinds of finding to warn about (None: all of them).
    identifier_kinds = None
    # Words that are fine here although they look like identifiers (case-insensitive), e.g. the
    # writer's own name in a text about themselves.
    identifier_allowed = frozenset()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.warnings, self.findings = {}, {}
        self._word_new_fields()
        style_form(self)

    def _word_new_fields(self):
        """Lengths and messages for the fields not given them yet. A second pass over a field changes
        nothing (the first wording stays), so full_clean words only the fields a form added or
        replaced after __init__ (a form's own __init__ often does): half the work of a sent form."""
        worded = self.__dict__.setdefault("_worded", {})
        new = {
            name: field for name, field in self.fields.items()
            if name not in worded or worded[name][0] is not field or worded[name][1] is not field.widget
        }
        if new:
            limit_text_lengths(self, new)
            name_fields_in_errors(self, new)
            worded.update((name, (field, field.widget)) for name, field in new.items())

    def full_clean(self):
        self._word_new_fields()  # again: some forms add fields after __init__
        super().full_clean()
        self.warnings, self.findings = {}, {}
        if self.is_bound and hasattr(self, "cleaned_data"):
            self._check_identifiers()
        style_form(self)

    def identifier_field_names(self):
        if self.identifier_fields == ALL_TEXT:
            return [name for name, field in self.fields.items() if _is_free_text(field)]
        return [name for name in self.identifier_fields if name in self.fields]

    def _check_identifiers(self):
        names = None
        for name in self.identifier_field_names():
            value = self.cleaned_data.get(name)
            if name in self._errors or not isinstance(value, str) or not value.strip():
                continue
            if names is None:
                names = configured_names()
            found = [f for f in check_text(value, names) if (self.identifier_kinds is None or f.kind in self.identifier_kinds)
                     and f.text.casefold() not in self.identifier_allowed]
            if found:
                self.findings[name] = found
                listed = ", ".join(f"{in_sentence(f.kind)} “{f.text}”" for f in found[:5])
                self.warnings[name] = [
                    f"This could identify someone: {listed}. Use initials or a case reference instead."
                ]

    @property
    def warnings_seen_name(self):
        return self.add_prefix(WARNINGS_SEEN)

    @property
    def warnings_fingerprint(self):
        """Changes whenever what is warned about changes, so a new identifier is always pointed out."""
        found = sorted((name, f.kind, f.text) for name, fs in self.findings.items() for f in fs)
        return hashlib.sha256(repr(found).encode()).hexdigest()[:20] if found else ""

    def warnings_accepted(self):
        """True when saving may go ahead: nothing to warn about, or these same warnings seen and kept."""
        if not self.warnings:
            return True
        return self.data.get(self.warnings_seen_name) == self.warnings_fingerprint


class GovUKForm(GovUKFormMixin, forms.Form):
    pass


class GovUKModelForm(GovUKFormMixin, forms.ModelForm):
    pass


class PersonChoiceField(forms.ModelChoiceField):
    """Choose a person, shown by name (their email address when no name is recorded)."""

    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    """Choose people, each shown by name (their email address when no name is recorded)."""

    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class EmailPreferencesForm(GovUKForm):
    """Which reminder emails a person gets: every declared kind, ticked unless they opted out."""

    wanted = forms.MultipleChoiceField(
        label="Email me about",
        help_text="Untick anything you do not want. Emails give titles, dates and links, never what anyone wrote.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wanted"].choices = list(kinds.items())
