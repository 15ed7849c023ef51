"""Forms for supervision and peer learning, rendered with the GOV.UK Design System."""

import datetime

from django import forms
from django.utils import timezone

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
from core.privacy import reference_problem, validate_person_reference
from people import roles
from people.models import User

from .models import (
    CaseDiscussion,
    PeerFormat,
    PeerGroup,
    SupervisionAgreement,
    SupervisionTemplate,
)

# How far from today a typed date may be. Supervision is planned at most a couple of years ahead and
# recorded up to ten years back; a year like 9999 is a slip, and would break the due-date arithmetic.
SESSION_DATES = DateWindow(years_back=10, years_ahead=2)
REVIEW_DATES = DateWindow(years_back=10, years_ahead=5)
REPORT_DATES = DateWindow(years_back=20, years_ahead=2)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "govuk-input govuk-input--width-5", **(attrs or {})}, format="%H:%M")


class AgreementForm(GovUKModelForm):
    identifier_fields = ["place", "notes_arrangements", "cover_arrangements"]

    class Meta:
        model = SupervisionAgreement
        fields = [
            "supervisee", "frequency", "frequency_unit", "length_minutes", "place",
            "notes_arrangements", "cover_arrangements", "starts_on", "review_on",
        ]
        labels = {
            "frequency": "How often",
            "frequency_unit": "Every",
            "starts_on": "Starts on",
        }
        help_texts = {
            "frequency": "A number: for example 4, with weeks below, for every four weeks.",
            "place": "For example: the small meeting room, or by video call.",
            "notes_arrangements": "Who writes the notes, when both of you see and sign them, and who else may read them.",
            "cover_arrangements": "Who supervises when either of you is on leave or off sick.",
            "review_on": "When you will look at this agreement again together.",
        }
        error_messages = {
            "frequency": {"required": "Enter how often you will meet, as a number"},
            "starts_on": {"required": "Enter the date the agreement starts"},
        }
        widgets = {"frequency_unit": forms.RadioSelect, "frequency": forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
                   "length_minutes": forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
                   "notes_arrangements": forms.Textarea(attrs={"rows": 3}),
                   "cover_arrangements": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"supervisee": PersonChoiceField}

    def __init__(self, *args, supervisor, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["supervisee"]
        else:
            self.fields["supervisee"].queryset = roles.current_supervisees(supervisor)
            self.fields["supervisee"].label = "Supervisee"
            self.fields["supervisee"].empty_label = "Choose a supervisee"
        self.fields["starts_on"].validators.append(SESSION_DATES)
        self.fields["review_on"].validators.append(REVIEW_DATES)
        style_form(self)  # style the fields this form added or replaced

    def clean_frequency(self):
        value = self.cleaned_data["frequency"]
        if not value or value < 1 or value > 365:
            raise forms.ValidationError("Enter how often, as a number from 1 to 365.")
        return value

    def clean_length_minutes(self):
        value = self.cleaned_data["length_minutes"]
        if not value or value < 15 or value > 480:
            raise forms.ValidationError("Enter a length between 15 and 480 minutes.")
        return value

    def clean(self):
        data = super().clean()
        if data.get("review_on") and data.get("starts_on") and data["review_on"] < data["starts_on"]:
            self.add_error("review_on", "The review date must be on or after the start date.")
        return data


class ScheduleSessionForm(GovUKForm):
    supervisees = PeopleChoiceField(
        queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple,
        help_text="Choose one person for one-to-one supervision, or several for group supervision.",
        error_messages={"required": "Choose at least one supervisee."},
    )
    template = forms.ModelChoiceField(
        queryset=SupervisionTemplate.objects.none(), widget=forms.RadioSelect, empty_label=None,
        label="Template", error_messages={"required": "Choose a template."},
    )
    date = forms.DateField(label="Date", validators=[SESSION_DATES],
                           error_messages={"required": "Enter the date of the session.", "invalid": "Enter a real date."})
    time = forms.TimeField(label="Start time", widget=TimeInput, help_text="For example 14:00.",
                           error_messages={"required": "Enter the start time.", "invalid": "Enter a time like 14:00."})
    length_minutes = forms.IntegerField(label="Length in minutes", initial=90, min_value=15, max_value=480,
                                        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}))
    place = forms.CharField(label="Where", max_length=200, required=False)

    def __init__(self, *args, supervisor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisees"].queryset = roles.current_supervisees(supervisor)
        self.fields["template"].queryset = SupervisionTemplate.objects.filter(is_active=True)
        style_form(self)  # style the fields this form added or replaced

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("time"):
            starts = timezone.make_aware(datetime.datetime.combine(data["date"], data["time"]))
            data["starts_at"] = starts
        return data


class AgendaItemForm(GovUKForm):
    prefix = "agenda"
    identifier_fields = ["text"]

    text = forms.CharField(label="Add an item to the agenda", max_length=300,
                           help_text="Refer to people you support by initials or case reference only.",
                           error_messages={"required": "Enter the agenda item."})


def prompt_fields(snapshot):
    """(section, [(field name, prompt)]) pairs for the notes form, from a session's template snapshot."""
    for section in snapshot.get("sections", []):
        yield section, [(prompt["key"], prompt) for prompt in section["prompts"]]


class NotesForm(GovUKForm):
    """One text box per prompt of the session's template snapshot."""

    identifier_fields = ALL_TEXT

    def __init__(self, *args, snapshot, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = []
        for section, prompts in prompt_fields(snapshot):
            names = []
            for name, prompt in prompts:
                self.fields[name] = forms.CharField(
                    label=prompt["heading"], help_text=prompt.get("guidance", ""), required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
                names.append(name)
            self.sections.append((section, names))
        style_form(self)  # style the fields this form added or replaced

    def grouped(self):
        return [(section, [self[name] for name in names]) for section, names in self.sections]

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if name.endswith("case_reference") and value:
                problem = reference_problem(value)
                if problem:
                    self.add_error(name, problem)
        return data


class CaseDiscussionForm(GovUKModelForm):
    prefix = "case"
    identifier_fields = ["presenting_situation", "analysis", "options", "decision", "rationale"]

    class Meta:
        model = CaseDiscussion
        fields = ["case_reference", "presenting_situation", "analysis", "options", "decision", "rationale"]
        labels = {
            "case_reference": "Initials or case reference",
            "presenting_situation": "Presenting situation",
            "options": "Options considered",
            "rationale": "Rationale for the decision",
        }
        help_texts = {"case_reference": "For example J.S. or CLD-2041. Never a name."}
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in ["presenting_situation", "analysis", "options", "decision", "rationale"]}
        error_messages = {
            "presenting_situation": {"required": "Describe the presenting situation."},
            "decision": {"required": "Enter the decision."},
            "rationale": {"required": "Enter the rationale for the decision."},
        }

    def clean_case_reference(self):
        value = self.cleaned_data["case_reference"].strip()
        validate_person_reference(value)
        return value


class ActionForm(GovUKForm):
    prefix = "action"
    identifier_fields = ["description"]

    description = forms.CharField(label="Action", max_length=300, error_messages={"required": "Enter the action."})
    owner = PersonChoiceField(queryset=User.objects.none(), label="Who will do it", empty_label="Choose a person",
                              error_messages={"required": "Choose who will do it."})
    due_on = forms.DateField(label="Due date", required=False, validators=[ACTION_DUE_DATES],
                             error_messages={"invalid": "Enter a real date."})

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        people = sorted(
            {session.supervisor, *(p.user for p in session.participants.all())},
            key=lambda u: (u.first_name, u.last_name, u.email),  # as User orders them
        )
        owner = self.fields["owner"]
        owner.queryset = User.objects.filter(pk__in=[u.pk for u in people])
        # Listed from the people the session page has already read; checked against the database when sent.
        owner.choices = [("", owner.empty_label)] + [(u.pk, owner.label_from_instance(u)) for u in people]
        style_form(self)  # style the fields this form added or replaced


class SignForm(GovUKForm):
    prefix = "sign"
    identifier_fields = ["disagreement"]

    disagreement = forms.CharField(
        label="Anything you disagree with", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional. If you do not agree with part of this record, say what and why. Your comment is kept with the record.",
    )


class RescheduleForm(GovUKForm):
    date = forms.DateField(label="Date", validators=[SESSION_DATES],
                           error_messages={"required": "Enter the date.", "invalid": "Enter a real date."})
    time = forms.TimeField(label="Start time", widget=TimeInput, error_messages={"required": "Enter the start time.", "invalid": "Enter a time like 14:00."})
    length_minutes = forms.IntegerField(label="Length in minutes", min_value=15, max_value=480,
                                        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}))
    place = forms.CharField(label="Where", max_length=200, required=False)


# ---- Peer learning -----------------------------------------------------------------------------


class PeerGroupForm(GovUKModelForm):
    class Meta:
        model = PeerGroup
        fields = ["name", "description", "facilitator", "members", "default_format"]
        labels = {"default_format": "Usual format"}
        field_classes = {"facilitator": PersonChoiceField, "members": PeopleChoiceField}
        widgets = {"members": forms.CheckboxSelectMultiple, "default_format": forms.RadioSelect,
                   "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = people
        self.fields["facilitator"].required = True
        self.fields["facilitator"].empty_label = "Choose a facilitator"
        self.fields["members"].queryset = people
        style_form(self)  # style the fields this form added or replaced


def parse_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class PeerSessionForm(GovUKForm):
    """Everything about a peer session on one page: about two minutes to fill in."""

    identifier_fields = ["themes", "learning_points", "actions"]

    held_on = forms.DateField(label="Date", error_messages={"required": "Enter the date of the session.", "invalid": "Enter a real date."})
    length_minutes = forms.IntegerField(label="Length in minutes", initial=90, min_value=10, max_value=480,
                                        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
                                        error_messages={"required": "Enter the length in minutes."})
    format = forms.ChoiceField(label="Format", choices=PeerFormat.choices, widget=forms.RadioSelect,
                               error_messages={"required": "Choose the format."})
    facilitator = PersonChoiceField(queryset=User.objects.none(), label="Facilitator", required=False, empty_label="No facilitator")
    attendees = PeopleChoiceField(queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple, label="Members who attended",
                                  error_messages={"required": "Choose the members who attended."})
    guests = forms.CharField(label="Guests from other services", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text="One a line: role, organisation. For example: Community nurse, NHS learning disability team.")
    themes = forms.CharField(label="Themes", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    case_references = forms.CharField(label="Cases discussed", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                      help_text="Initials or case reference only, one a line.")
    learning_points = forms.CharField(label="Learning points", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    actions = forms.CharField(label="Actions", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        ids = set(group.members.values_list("pk", flat=True))
        if group.facilitator_id:
            ids.add(group.facilitator_id)
        people = User.objects.filter(pk__in=ids)
        self.fields["attendees"].queryset = people
        self.fields["facilitator"].queryset = people
        self.fields["format"].initial = group.default_format
        self.fields["facilitator"].initial = group.facilitator_id
        style_form(self)  # style the fields this form added or replaced

    def clean_held_on(self):
        value = self.cleaned_data["held_on"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past.")
        SESSION_DATES(value)
        return value

    def clean_guests(self):
        guests = []
        for line in parse_lines(self.cleaned_data["guests"]):
            role, _, organisation = line.partition(",")
            if not organisation.strip():
                raise forms.ValidationError(f"Give a role and an organisation, separated by a comma: '{line}'.")
            guests.append({"role": role.strip()[:100], "organisation": organisation.strip()[:150]})
        return guests

    def clean_case_references(self):
        references = parse_lines(self.cleaned_data["case_references"])
        for reference in references:
            problem = reference_problem(reference)
            if problem:
                raise forms.ValidationError(problem)
        return references


class ReflectionForm(GovUKForm):
    identifier_fields = ["text"]
    text = forms.CharField(
        label="What did you learn from discussing this with your peers?", widget=forms.Textarea(attrs={"rows": 5}),
        help_text="A few sentences in your own words. This makes the session count as peer reflection for your CPD.",
        error_messages={"required": "Write what you learnt."},
    )


class TeamNumbersForm(GovUKForm):
    team = forms.ModelChoiceField(queryset=User.objects.none(), label="Team", empty_label=None)
    start = forms.DateField(label="From", validators=[REPORT_DATES], error_messages={"invalid": "Enter a real date."})
    end = forms.DateField(label="To", validators=[REPORT_DATES], error_messages={"invalid": "Enter a real date."})

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        style_form(self)  # style the fields this form added or replaced

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end date must be on or after the start date.")
        return data


