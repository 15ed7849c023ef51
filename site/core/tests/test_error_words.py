"""GOV.UK error messages name the field and say what to do; a message a form sets itself is kept."""

from django import forms

from core.forms import GovUKForm
from core.words import count


class SessionForm(GovUKForm):
    held_on = forms.DateField(label="Date of the session")
    starts_on = forms.DateField(label="Starts on")
    how_often = forms.IntegerField(label="How often", min_value=1, max_value=52)
    template = forms.ChoiceField(label="Template", choices=[("a", "A")])
    summary = forms.CharField(label="Summary (optional)", required=False)
    title = forms.CharField()
    decision = forms.CharField(label="Decision", error_messages={"required": "Enter the decision."})


def test_empty_fields_are_named_in_their_messages():
    form = SessionForm(data={})
    assert not form.is_valid()
    assert form.errors == {
        "held_on": ["Enter the date of the session"],
        "starts_on": ["Enter the starts on date"],
        "how_often": ["Enter how often"],
        "template": ["Select the template"],
        "title": ["Enter the title"],
        "decision": ["Enter the decision."],
    }


def test_wrong_values_are_named_too():
    form = SessionForm(data={"held_on": "2024-02-30", "how_often": "abc", "title": "x", "decision": "y"})
    form.is_valid()
    assert form.errors["held_on"] == ["Date of the session must be a real date"]
    assert form.errors["how_often"] == ["How often must be a number"]
    assert SessionForm(data={"how_often": "0"}).errors["how_often"] == ["How often must be 1 or more"]
    assert SessionForm(data={"how_often": "99"}).errors["how_often"] == ["How often must be 52 or less"]


def test_an_optional_label_says_optional_once():
    html = str(SessionForm())
    assert "Summary (optional)" in html and "(optional) (optional)" not in html


def test_counts_use_the_right_plural():
    assert count(1, "service") == "1 service"
    assert count(3, "service") == "3 services"
    assert count(1, "entry", "entries") == "1 entry"
    assert count(1200, "entry", "entries") == "1,200 entries"


class NotesForm(GovUKForm):
    notes = forms.CharField(label="Notes", widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Added and changed after the form's own set-up, as forms built from a template do.
        self.fields["met_on"] = forms.DateField(label="Date you met")
        self.fields["notes"].widget = forms.Textarea()


def test_fields_a_form_adds_or_changes_after_it_is_set_up_are_named_and_limited_too():
    form = NotesForm(data={"met_on": "31/02/2026", "notes": "x" * 20_001})
    assert not form.is_valid()
    assert form.errors == {
        "met_on": ["Date you met must be a real date"],
        "notes": ["Notes must be 20,000 characters or fewer"],
    }
    assert NotesForm(data={"notes": "Fine"}).errors == {"met_on": ["Enter the date you met"]}
