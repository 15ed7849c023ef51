"""Identifier warnings beside the field and in the summary, for every GOV.UK form of ours."""

import pytest
from django import forms

from core.forms import ALL_TEXT, GovUKForm
from core.models import IdentifierName

pytestmark = pytest.mark.django_db


class NoteForm(GovUKForm):
    identifier_fields = ["note"]
    title = forms.CharField(required=False)
    note = forms.CharField(widget=forms.Textarea, required=False)


def test_warning_appears_beside_the_field_and_in_the_summary():
    form = NoteForm({"title": "Mary Jones", "note": "Visited Mary Jones, NHS 943 476 5919."})
    assert form.is_valid()  # a warning, never an error
    html = str(form)
    assert "Check before you save: this may identify someone" in html
    assert 'href="#id_note"' in html  # the summary links to the field
    assert 'id="note-warning" class="govuk-warning-text' in html  # the warning sits with the field
    assert html.index('id="note-warning"') < html.index('<textarea')
    assert 'aria-describedby="note-warning"' in html
    assert "“Mary Jones”" in html and "“943 476 5919”" in html
    assert "There is a problem" not in html
    assert 'id="title-warning"' not in html  # only the fields the form asks to check


def test_saving_again_after_seeing_the_same_warnings_is_accepted():
    first = NoteForm({"note": "Visited Mary Jones."})
    assert first.is_valid() and not first.warnings_accepted()
    html = str(first)
    assert f'name="identifiers_seen" value="{first.warnings_fingerprint}"' in html
    again = NoteForm({"note": "Visited Mary Jones.", "identifiers_seen": first.warnings_fingerprint})
    assert again.is_valid() and again.warnings_accepted()
    # A new identifier typed after the warning is pointed out again.
    changed = NoteForm({"note": "Visited Mary Jones and Mr Patel.", "identifiers_seen": first.warnings_fingerprint})
    assert changed.is_valid() and not changed.warnings_accepted()
    assert NoteForm({"note": "Visited M.J."}).warnings_accepted()


def test_all_text_checks_every_text_box_and_uses_the_configured_names():
    IdentifierName.objects.create(name="Zebedee")

    class Notes(GovUKForm):
        identifier_fields = ALL_TEXT
        first = forms.CharField(required=False)
        second = forms.CharField(widget=forms.Textarea, required=False)
        email = forms.EmailField(required=False)

    form = Notes({"first": "zebedee came", "second": "born 3/4/1950", "email": "jo@example.org"})
    assert form.is_valid()
    assert set(form.warnings) == {"first", "second"}
