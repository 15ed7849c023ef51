"""Field groups drawn in Python (core.field_groups) give exactly the HTML of core/forms/field.html."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from core.field_groups import FIELD_TEMPLATE, draw
from core.forms import GovUKForm

pytestmark = pytest.mark.django_db  # the identifier check reads the practice leads' names

ODD = 'Tom & "Jerry" <b>'


class EveryGroupForm(GovUKForm):
    identifier_fields = ["title", "notes", "agree", "mode", "tags"]
    title = forms.CharField(max_length=40, help_text="A hint & <more>")
    optional = forms.CharField(required=False, label="Nickname (optional)")
    when = forms.DateField(required=False)
    notes = forms.CharField(required=False, widget=forms.Textarea, help_text=mark_safe("<i>Safe</i> hint"))
    agree = forms.BooleanField(label=ODD, help_text="Tick to agree")
    quiet = forms.BooleanField(required=False)
    mode = forms.ChoiceField(choices=[(1, "One"), (2, ODD)], widget=forms.RadioSelect, help_text="Pick one")
    scale = forms.ChoiceField(choices=[(n, str(n)) for n in range(1, 6)], widget=forms.RadioSelect, required=False)
    tags = forms.MultipleChoiceField(choices=[("a", "A & B"), ("c", 1000), ("d", "D")], widget=forms.CheckboxSelectMultiple)
    sizes = forms.MultipleChoiceField(
        choices=[("Small", [("s", "S"), ("xs", "XS")]), ("m", "M")], widget=forms.CheckboxSelectMultiple, required=False
    )
    colour = forms.ChoiceField(choices=[("", "Any"), ("r", ODD)], required=False)
    hours = forms.DecimalField(required=False, min_value=0, max_value=10)

    def clean_title(self):
        title = self.cleaned_data["title"]
        if title == "twice":
            raise forms.ValidationError(["First problem", "Second <problem>"])
        return title


INVALID = {"title": "twice", "when": "2026-02-30", "agree": "", "mode": "9", "tags": ["z"], "hours": "11"}
WARNED = {"title": "Visit to Mary Jones", "notes": "Spoke to Mr Patel on 07700 900123", "agree": "on", "mode": "2", "tags": ["a", "c"], "sizes": ["xs"]}


@pytest.mark.parametrize("data", [None, INVALID, WARNED], ids=["empty", "errors", "warnings"])
def test_every_field_group_is_drawn_as_its_template_draws_it(data):
    form = EveryGroupForm(data)
    form.is_valid()
    assert bool(form.warnings) == (data is WARNED)  # the warnings case does warn
    templates = DjangoTemplates()
    for field in form:
        assert draw(field) == templates.render(FIELD_TEMPLATE, {"field": field}), field.name


def test_forms_draw_their_field_groups_without_the_template(monkeypatch):
    form = EveryGroupForm(WARNED)
    form.is_valid()
    rendered = []
    real = DjangoTemplates.render
    monkeypatch.setattr(DjangoTemplates, "render", lambda self, name, *a, **k: rendered.append(name) or real(self, name, *a, **k))
    html = str(form)
    assert FIELD_TEMPLATE not in rendered
    assert 'id="notes-warning"' in html and "“Mr Patel”" in html
