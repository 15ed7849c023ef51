"""Form pages stay quick under load: every GOV.UK form shares one renderer, so its widget
templates are read and parsed once per process, not once per form."""

from unittest import mock

from django import forms
from django.template import base

from core.forms import GovUKForm


class ChoiceForm(GovUKForm):
    colour = forms.ChoiceField(choices=[("r", "Red"), ("g", "Green")], widget=forms.RadioSelect)
    notes = forms.CharField(widget=forms.Textarea, required=False)


def test_a_second_form_parses_no_template_again():
    assert ChoiceForm().renderer is ChoiceForm().renderer
    str(ChoiceForm())
    with mock.patch.object(base.Template, "compile_nodelist", autospec=True, side_effect=base.Template.compile_nodelist) as compiled:
        html = str(ChoiceForm())
    assert 'name="colour"' in html
    assert compiled.call_count == 0
