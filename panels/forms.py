"""Forms for risk enablement panels, rendered with the GOV.UK Design System."""

from django import forms

from core.actions import ACTION_DUE_DATES
from core.forms import (
    ALL_TEXT,
    GovUKForm,
    GovUKModelForm,
    PeopleChoiceField,
    PersonChoiceField,
    style_form,
)
from core.inputs import DateWindow
from core.privacy import validate_person_reference
from people.models import User

from .models import Outcome, Panel, PanelRequest, RiskManaged
from .services import REQUEST_TEXT_FIELDS, REQUIRED_TO_SUBMIT

MEETING_DATES = DateWindow(years_back=10, years_ahead=2)
REVIEW_DATES = DateWindow(years_back=10, years_ahead=5)


def clean_case_reference(value):
    value = (value or "").strip()
    validate_person_reference(value)
    return value


class StartRequestForm(GovUKForm):
    panel = forms.ModelChoiceField(queryset=Panel.objects.none(), label="Which panel", empty_label=None,
                                   widget=forms.RadioSelect, error_messages={"required": "Choose a panel."})
    case_reference = forms.CharField(
        label="Initials or case reference of the person", max_length=30,
        help_text="For example J.S. or CLD-2041. Never a name.",
        error_messages={"required": "Enter the person's initials or case reference."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel"].queryset = Panel.objects.filter(is_active=True)
        style_form(self)

    def clean_case_reference(self):
        return clean_case_reference(self.cleaned_data["case_reference"])


HINTS = {
    "what_person_wants": "In the person's own words where you can.",
    "option_proposed": "The support option you want to try, and how it would work.",
    "risks_to_person": "What could go wrong for the person, and how likely and serious it is.",
    "risks_to_others": "For family, carers, staff or the public.",
    "persons_view": "What the person says about the option and the risks.",
    "capacity_considerations": "Whether the person has capacity for this decision, and how that was assessed.",
}


class RequestForm(GovUKModelForm):
    """Every answer of a request; all optional while it is a draft (submitting checks the ones it needs)."""

    identifier_fields = ALL_TEXT

    class Meta:
        model = PanelRequest
        fields = ["case_reference", *REQUEST_TEXT_FIELDS]
        labels = {"case_reference": "Initials or case reference of the person"}
        help_texts = {"case_reference": "For example J.S. or CLD-2041. Never a name.", **HINTS}
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in REQUEST_TEXT_FIELDS}
        error_messages = {"case_reference": {"required": "Enter the person's initials or case reference."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_reference"].widget.attrs["class"] = "govuk-input govuk-input--width-10"
        # A draft may be saved half-written; these answers are needed before it goes to the panel.
        for name in REQUIRED_TO_SUBMIT:
            hint = str(self.fields[name].help_text or "")
            self.fields[name].help_text = f"{hint} Needed before you send it to the panel.".strip()
        style_form(self)

    def identifier_field_names(self):
        # The reference has its own stricter rule (clean_case_reference); the answers are checked for identifiers.
        return [name for name in super().identifier_field_names() if name != "case_reference"]

    def clean_case_reference(self):
        return clean_case_reference(self.cleaned_data["case_reference"])


class MeetingForm(GovUKForm):
    meets_on = forms.DateField(label="Date", validators=[MEETING_DATES],
                               error_messages={"required": "Enter the date of the meeting.", "invalid": "Enter a real date."})
    length_minutes = forms.IntegerField(label="Length in minutes", initial=120, min_value=15, max_value=480,
                                        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
                                        error_messages={"required": "Enter the length in minutes.",
                                                        "min_value": "Enter a length of at least 15 minutes.",
                                                        "max_value": "Enter a length of at most 480 minutes.",
                                                        "invalid": "Enter the length as a whole number of minutes."})
    place = forms.CharField(label="Where", max_length=200, required=False)


def parse_guests(text):
    """'role, organisation' lines into [{"role", "organisation"}]; a line without a comma is an error."""
    guests = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        role, _, organisation = line.partition(",")
        if not role.strip() or not organisation.strip():
            raise forms.ValidationError(f"Give a role and an organisation, separated by a comma: '{line[:80]}'.")
        guests.append({"role": role.strip()[:100], "organisation": organisation.strip()[:150]})
    return guests


class AttendanceForm(GovUKForm):
    identifier_fields = ["guests"]

    attendees = PeopleChoiceField(queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple, required=False,
                                  label="Members who attended")
    guests = forms.CharField(
        label="Others who attended", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The person, family members, advocates and guests, one a line, by role and organisation, never by name. "
                  "For example: The person; Advocate, Local advocacy service; Community nurse, NHS learning disability team.",
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = members
        style_form(self)

    def clean_guests(self):
        text = self.cleaned_data["guests"]
        lines = []
        for line in (text or "").splitlines():
            # "The person" and "Family member" need no organisation.
            stripped = line.strip()
            if stripped and "," not in stripped:
                stripped = f"{stripped}, –"
            lines.append(stripped)
        return parse_guests("\n".join(lines))


class DecisionForm(GovUKForm):
    prefix = "decision"
    identifier_fields = ["rationale", "conditions", "action_description"]

    outcome = forms.ChoiceField(label="The panel's decision", choices=Outcome.choices, widget=forms.RadioSelect,
                                error_messages={"required": "Choose the panel's decision."})
    rationale = forms.CharField(label="Rationale", widget=forms.Textarea(attrs={"rows": 4}),
                                help_text="Why the panel decided this, weighing the risks and the benefits.",
                                error_messages={"required": "Enter the rationale for the decision."})
    conditions = forms.CharField(label="Conditions", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                 help_text="Needed when the request is agreed with conditions.")
    shared_by = PeopleChoiceField(queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple, required=False,
                                  label="Members who share responsibility for the decision")
    review_on = forms.DateField(label="Review date", required=False, validators=[REVIEW_DATES],
                                error_messages={"invalid": "Enter a real date."})
    action_description = forms.CharField(label="Action", max_length=300, required=False)
    action_owner = PersonChoiceField(queryset=User.objects.none(), label="Who will do it", required=False,
                                     empty_label="Choose a person")
    action_due_on = forms.DateField(label="Action due date", required=False, validators=[ACTION_DUE_DATES],
                                    error_messages={"invalid": "Enter a real date."})

    def __init__(self, *args, members, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shared_by"].queryset = members
        self.fields["action_owner"].queryset = owners
        style_form(self)

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Outcome.AGREED_WITH_CONDITIONS and not (data.get("conditions") or "").strip():
            self.add_error("conditions", "Enter the conditions of the agreement.")
        if data.get("outcome") in (Outcome.AGREED, Outcome.AGREED_WITH_CONDITIONS) and not data.get("review_on"):
            self.add_error("review_on", "Enter a review date for an agreed request.")
        if (data.get("action_description") or "").strip() and not data.get("action_owner"):
            self.add_error("action_owner", "Choose who will do the action.")
        if data.get("action_owner") and not (data.get("action_description") or "").strip():
            self.add_error("action_description", "Enter the action, or choose no one.")
        return data

    def actions(self):
        data = self.cleaned_data
        if (data.get("action_description") or "").strip() and data.get("action_owner"):
            return [(data["action_description"], data["action_owner"], data.get("action_due_on"))]
        return []


class ReviewForm(GovUKForm):
    identifier_fields = ["what_happened", "what_was_learnt"]

    what_happened = forms.CharField(label="What happened for the person", widget=forms.Textarea(attrs={"rows": 4}),
                                    error_messages={"required": "Describe what happened for the person."})
    risk_managed = forms.ChoiceField(label="Was the risk managed?", choices=RiskManaged.choices, widget=forms.RadioSelect,
                                     error_messages={"required": "Choose whether the risk was managed."})
    what_was_learnt = forms.CharField(label="What was learnt", widget=forms.Textarea(attrs={"rows": 4}),
                                      error_messages={"required": "Enter what was learnt."})


class ReflectionForm(GovUKForm):
    identifier_fields = ["text"]
    text = forms.CharField(
        label="What did you learn from the panel's discussion?", widget=forms.Textarea(attrs={"rows": 5}),
        help_text="A few sentences in your own words. This makes the meeting count as peer reflection for your CPD.",
        error_messages={"required": "Write what you learnt."},
    )


