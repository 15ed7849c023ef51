"""Widgets drawn in Python (core.widgets) give exactly the HTML of Django's widget templates."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from core.forms import GovUKForm

TEMPLATES = DjangoTemplates()
ODD = 'Tom & "Jerry" <b>'


class OddOptions(forms.Select):
    option_template_name = "django/forms/widgets/input_option.html"


class EveryWidgetForm(GovUKForm):
    title = forms.CharField(max_length=20, help_text="A hint", initial=ODD)
    when = forms.DateField(required=False)
    at = forms.TimeField(required=False)
    hours = forms.DecimalField(required=False, min_value=0)
    count = forms.IntegerField(required=False)
    email = forms.EmailField(required=False)
    secret = forms.CharField(required=False, widget=forms.PasswordInput)
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    agree = forms.BooleanField(required=False)
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4, "data-x": ODD}))
    colour = forms.ChoiceField(choices=[("", "Any"), ("r", ODD), ("g", mark_safe("<i>Green</i>"))], required=False)
    sizes = forms.MultipleChoiceField(choices=[("Small", [("s", "S"), ("xs", "XS")]), ("m", "M")], required=False)
    mode = forms.ChoiceField(choices=[(1, "One"), (2, "Two")], widget=forms.RadioSelect)
    tags = forms.MultipleChoiceField(choices=[("a", "A & B"), ("c", 1000)], widget=forms.CheckboxSelectMultiple, required=False)
    # A widget with an option template of its own is left to the templates.
    odd = forms.ChoiceField(choices=[("o", "O")], required=False, widget=OddOptions)


BOUND = {
    "title": ODD, "when": "2026-02-30", "at": "14:00", "hours": "1000.5", "count": "12345", "email": "a@b.c",
    "secret": "x", "hidden": "<h>", "agree": "on", "notes": "Line one\n<two> & three", "colour": "r",
    "sizes": ["xs", "m"], "mode": "2", "tags": ["a", "c"],
}


def _every_drawing(form):
    """Each widget's HTML, and each checkbox's and radio's, with and without its label wrapped."""
    drawn = []
    for field in form:
        drawn.append(field.as_widget())
        for option in field.subwidgets:
            drawn += [option.tag(), option.tag(wrap_label=True)]
    return drawn


@pytest.mark.parametrize("data", [None, BOUND], ids=["empty", "bound"])
def test_every_widget_is_drawn_as_its_template_draws_it(data):
    ours, django = EveryWidgetForm(data), EveryWidgetForm(data, renderer=TEMPLATES)
    ours.is_valid(), django.is_valid()  # errors add classes and aria attributes
    assert ours.renderer is not django.renderer
    assert _every_drawing(ours) == _every_drawing(django)


def test_dates_and_numbers_given_as_initial_values_are_drawn_alike():
    initial = {"when": datetime.date(2026, 1, 2), "count": 12345, "hours": 1.5, "tags": ["c"]}
    assert _every_drawing(EveryWidgetForm(initial=initial)) == _every_drawing(EveryWidgetForm(initial=initial, renderer=TEMPLATES))
