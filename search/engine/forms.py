"""The search form. Filters with counts (categories, areas, accessibility) are read from the
query string by the view, since their choices come from the results."""

from django import forms

from core.forms import GovUKForm

RADIUS_CHOICES = [
    ("", "Any distance"),
    ("1", "Within 1 mile"),
    ("3", "Within 3 miles"),
    ("5", "Within 5 miles"),
    ("10", "Within 10 miles"),
    ("25", "Within 25 miles"),
]
SORT_CHOICES = [
    ("relevance", "Best match"),
    ("distance", "Nearest first"),
    ("name", "Name (A to Z)"),
]


class SearchForm(GovUKForm):
    q = forms.CharField(
        label="What are you looking for?",
        required=False,
        max_length=200,
        error_messages={"max_length": "Search words must be 200 characters or fewer"},
        help_text="Words, abbreviations or a service's name, for example: respite, LD day centre, dementia cafe",
    )
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        max_length=10,
        error_messages={"max_length": "A postcode has at most 8 letters and numbers, like B97 4DN"},
        help_text="A full postcode or its first part, for example B97 4DN or B97",
    )
    radius = forms.TypedChoiceField(label="Distance from the postcode", choices=RADIUS_CHOICES, required=False, coerce=float, empty_value=None)
    age = forms.IntegerField(
        label="Age of the person",
        required=False,
        min_value=0,
        max_value=120,
        help_text="Shows services someone of this age can use",
        error_messages={
            "invalid": "Enter the person's age in years, as a number, like 17",
            "min_value": "Enter an age of 0 or more",
            "max_value": "Enter an age of 120 or less",
        },
    )
    free = forms.BooleanField(label="Free of charge only", required=False)
    sort = forms.ChoiceField(label="Sort by", choices=SORT_CHOICES, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["postcode"].widget.attrs.update({"class": "govuk-input govuk-input--width-10", "autocomplete": "postal-code", "spellcheck": "false"})
        self.fields["age"].widget.attrs.update({"class": "govuk-input govuk-input--width-3", "inputmode": "numeric"})
        self.fields["q"].widget.attrs.update({"autocomplete": "off", "spellcheck": "true"})
        self.fields["radius"].widget.attrs["class"] = "govuk-select"
        self.fields["sort"].widget.attrs["class"] = "govuk-select"

    def clean_postcode(self):
        return " ".join(self.cleaned_data["postcode"].split()).upper()

    def clean(self):
        data = super().clean()
        if data.get("sort") == "distance" and not data.get("postcode"):
            data["sort"] = "relevance"
        return data
