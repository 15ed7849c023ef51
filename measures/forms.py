from django import forms

from core.forms import GovUKForm, style_form
from people.models import Team

from .services import PERIOD_DATES


class MeasuresForm(GovUKForm):
    team = forms.ModelChoiceField(
        queryset=Team.objects.none(), required=False, label="Team", empty_label="The whole organisation",
    )
    start = forms.DateField(label="From", validators=[PERIOD_DATES], error_messages={
        "required": "Enter the first day of the period", "invalid": "Enter a real date, for example 1 December 2025",
    })
    end = forms.DateField(label="To", validators=[PERIOD_DATES], error_messages={
        "required": "Enter the last day of the period", "invalid": "Enter a real date, for example 30 November 2026",
    })

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        style_form(self)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end of the period must be on or after its start")
        return data
