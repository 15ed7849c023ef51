"""Forms of the learning app, rendered in the GOV.UK style by core.forms."""

import datetime

from django import forms

from core.forms import DateInput, GovUKForm, style_form
from core.inputs import DateWindow
from core.privacy import validate_person_reference
from people.models import Team, User

from . import statements
from .models import CONFIDENCE_SCALE, ActivityType, EntryKind, FrameworkStatement, tags_of


class StatementChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return statements.label(obj)


# Learning is recorded as it happens or looked back on: up to 30 years back, at most a year ahead
# (a course booked for next spring). Years like 0001 or 9999 are slips.
LEARNING_DATES = DateWindow(years_back=30, years_ahead=1)


def statement_queryset():
    return FrameworkStatement.objects.filter(domain__framework__is_active=True).select_related("domain__framework")


def offer_statements(field, empty_label=None):
    """Choose among the active frameworks' statements: listed from the process's copy, checked
    against the database when the form is sent."""
    field.queryset = statement_queryset()
    field.choices = ([("", empty_label)] if empty_label else []) + statements.active_choices()


def answer_field_name(key):
    return f"answer_{key}"


def build_answer_field(prompt):
    kind = prompt["answer_type"]
    common = {"label": prompt["heading"], "help_text": prompt.get("guidance", ""), "required": False}
    if kind == "long_text":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), max_length=20000, **common)
    if kind == "short_text":
        return forms.CharField(max_length=500, **common)
    if kind == "choice":
        choices = [(c, c) for c in prompt.get("choices") or []]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == "scale":
        choices = [(str(level["value"]), f"{level['value']} – {level['label']}") for level in CONFIDENCE_SCALE]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == "date":
        return forms.DateField(widget=DateInput(), validators=[LEARNING_DATES], **common)
    return forms.CharField(widget=forms.Textarea, **common)


class TagsField(forms.CharField):
    """Comma-separated tag names, cleaned to a list: up to 20 tags of up to 50 characters each."""

    def __init__(self, **kwargs):
        super().__init__(label="Tags", required=False, max_length=1000, **kwargs)

    def clean(self, value):
        # Commas separate tags, whatever else the text holds ("mental capacity" is one tag).
        names = list(dict.fromkeys(n.strip() for n in (super().clean(value) or "").split(",") if n.strip()))
        if len(names) > 20:
            raise forms.ValidationError("Enter 20 tags or fewer")
        long = [name for name in names if len(name) > 50]
        if long:
            raise forms.ValidationError(f"Tags must be 50 characters or fewer: shorten \"{long[0][:60]}\"")
        return names


class LogForm(GovUKForm):
    """A log's details and one field per prompt of its snapshot. complete=True enforces required prompts."""

    title = forms.CharField(max_length=200, required=False, help_text="A few words you will recognise later.")
    occurred_on = forms.DateField(label="Date of the practice or learning event", required=False, validators=[LEARNING_DATES])
    hours = forms.DecimalField(
        label="Time spent (hours)", required=False, min_value=0, max_value=1000, decimal_places=2,
        help_text="For example 1.5", widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
    )
    activity_type = forms.ChoiceField(choices=ActivityType.choices, widget=forms.RadioSelect, required=False)
    person_reference = forms.CharField(
        label="Person supported", required=False, max_length=20,
        validators=[validate_person_reference],
        help_text="Initials or a case reference only, never a name.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    statements = StatementChoiceField(
        queryset=FrameworkStatement.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label="Framework statements this relates to",
    )

    def __init__(self, *args, log, complete=False, shown=True, **kwargs):
        """shown=False: an autosave, validated and stored but never drawn, so what only the page
        shows (the tags used before, identifier warnings) is not worked out."""
        self.log = log
        self.complete = complete
        super().__init__(*args, **kwargs)
        offer_statements(self.fields["statements"])
        for prompt in log.prompts:
            self.fields[answer_field_name(prompt["key"])] = build_answer_field(prompt)
        own_tags = tags_of(log.owner_id) if log.owner_id and shown else []
        self.fields["tags"] = TagsField(
            help_text="Words to find this log by later, separated by commas"
            + (f". Tags you have used: {', '.join(own_tags)}" if own_tags else ", for example: court, mental capacity"),
        )
        # The title and every written answer go through the identifier check (warnings beside each).
        self.identifier_fields = ["title"] + [
            answer_field_name(p["key"]) for p in log.prompts if p["answer_type"] in ("long_text", "short_text")
        ] if shown else []
        # Show the template's required prompts as required (no "optional" label); a draft save
        # (bound, not completing) still accepts them empty.
        if complete or not self.is_bound:
            self.fields["title"].required = True
            self.fields["occurred_on"].required = True
            self.fields["activity_type"].required = True
            for prompt in log.prompts:
                if prompt.get("required"):
                    self.fields[answer_field_name(prompt["key"])].required = True
        style_form(self)  # style the fields this form added or replaced

    @classmethod
    def initial_for(cls, log):
        initial = {
            "title": log.title,
            "occurred_on": log.occurred_on,
            "hours": log.hours,
            "activity_type": log.activity_type,
            "person_reference": log.person_reference,
            "statements": list(log.statements.values_list("pk", flat=True)) if log.pk else [],
            "tags": ", ".join(sorted(log.tags.names())) if log.pk else "",
        }
        for prompt in log.prompts:
            initial[answer_field_name(prompt["key"])] = (log.answers or {}).get(prompt["key"], "")
        return initial

    def changes(self):
        """What the form changes on the log, for services.update_log / autosave_log."""
        data = self.cleaned_data
        log = self.log
        changes = {}
        if "title" in data:
            changes["title"] = data["title"] or ""
        if data.get("occurred_on"):
            changes["occurred_on"] = data["occurred_on"]
        if "hours" in data:
            changes["hours"] = data["hours"]
        if data.get("activity_type"):
            changes["activity_type"] = data["activity_type"]
        if "person_reference" in data:
            changes["person_reference"] = (data["person_reference"] or "").strip()
        answers = dict(log.answers or {})
        for prompt in log.prompts:
            name = answer_field_name(prompt["key"])
            if name in data:
                value = data[name]
                answers[prompt["key"]] = value.isoformat() if isinstance(value, datetime.date) else (value or "")
        changes["answers"] = answers
        return changes


class ShareForm(GovUKForm):
    AUDIENCE = [
        ("private", "Only me"),
        ("all_supervisors", "All my current supervisors"),
        ("chosen", "The supervisors I choose below"),
    ]
    audience = forms.ChoiceField(choices=AUDIENCE, widget=forms.RadioSelect, label="Who can read this log?")
    supervisors = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple, label="Supervisors"
    )
    teams = forms.ModelMultipleChoiceField(
        queryset=Team.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label="Also share with my team", help_text="Everyone in the team can read it while you are both in it.",
    )
    peer_groups = forms.TypedMultipleChoiceField(
        coerce=int, choices=[], required=False, widget=forms.CheckboxSelectMultiple,
        label="Also share with a peer group", help_text="Members of the group can read it while they belong to it.",
    )

    def __init__(self, *args, supervisors, teams, peer_groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisors"].queryset = supervisors
        self.fields["supervisors"].label_from_instance = lambda u: u.get_full_name() or u.email
        self.fields["teams"].queryset = teams
        self.fields["peer_groups"].choices = list(peer_groups)
        if not peer_groups:
            del self.fields["peer_groups"]
        style_form(self)  # style the fields this form added or replaced

    def clean(self):
        data = super().clean()
        if data.get("audience") == "chosen" and not data.get("supervisors"):
            self.add_error("supervisors", "Choose at least one supervisor, or choose another option")
        return data


class ManualEntryForm(GovUKForm):
    KINDS = [
        (EntryKind.COURSE, "Course or training"),
        (EntryKind.READING, "Reading or research"),
        (EntryKind.CONFERENCE, "Conference or seminar"),
        (EntryKind.OTHER_CPD, "Other learning"),
    ]
    kind = forms.ChoiceField(choices=KINDS, widget=forms.RadioSelect, label="Type of learning")
    title = forms.CharField(max_length=200)
    occurred_on = forms.DateField(label="Date", validators=[LEARNING_DATES])
    hours = forms.DecimalField(label="Hours", min_value=0, max_value=1000, decimal_places=2,
                               widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}))
    summary = forms.CharField(label="What you learnt", widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
    peer_reflection = forms.BooleanField(
        required=False, label="I discussed this learning with a peer and my summary says what I learnt from it"
    )
    statements = StatementChoiceField(
        queryset=FrameworkStatement.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label="Framework statements this relates to",
    )

    identifier_fields = ["title", "summary"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_statements(self.fields["statements"])
        style_form(self)  # style the fields this form added or replaced


class LogSearchForm(GovUKForm):
    q = forms.CharField(label="Search your logs", required=False)
    date_from = forms.DateField(label="From", required=False)
    date_to = forms.DateField(label="To", required=False)
    activity_type = forms.ChoiceField(
        label="Activity type", required=False, choices=[("", "Any")] + list(ActivityType.choices)
    )
    statement = forms.ModelChoiceField(
        label="Framework statement", required=False, queryset=FrameworkStatement.objects.none(), empty_label="Any"
    )
    tag = forms.ChoiceField(label="Tag", required=False, choices=[("", "Any")])

    def __init__(self, *args, tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", "Any")] + [(name, name) for name in tags]
        offer_statements(self.fields["statement"], empty_label="Any")
        style_form(self)  # style the fields this form added or replaced


class CommentForm(GovUKForm):
    identifier_fields = ["comment"]
    comment = forms.CharField(
        label="Add a comment", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000,
        help_text="Earlier comments are kept, with their dates.",
        error_messages={"required": "Enter your comment"},
    )


# What evidence may be: common document and image types, recognised by their first bytes as well
# as their name, so a renamed program is refused.
EVIDENCE_TYPES = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".odp": (b"PK\x03\x04",),
    ".txt": None,  # plain text: must read as UTF-8
}


class EvidenceForm(GovUKForm):
    file = forms.FileField(
        label="Upload a file",
        help_text="A certificate, notes or slides: PDF, Word, PowerPoint, Excel, OpenDocument, text, PNG or JPEG, "
                  "up to 10 MB. Only the people who can read this can open it.",
        error_messages={"required": "Select a file", "empty": "The selected file is empty",
                        "invalid": "Select a file"},
    )

    def clean_file(self):
        from pathlib import PurePath

        from django.conf import settings
        from django.template.defaultfilters import filesizeformat

        upload = self.cleaned_data["file"]
        limit = settings.EVIDENCE_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(f"The selected file must be smaller than {filesizeformat(limit)}")
        suffix = PurePath(upload.name).suffix.lower()
        if suffix not in EVIDENCE_TYPES:
            raise forms.ValidationError(
                "The selected file must be a PDF, Word, PowerPoint, Excel, OpenDocument, text, PNG or JPEG file"
            )
        head = upload.read(2048)
        upload.seek(0)
        starts = EVIDENCE_TYPES[suffix]
        if starts is None:
            try:
                head.decode("utf-8")
            except UnicodeDecodeError as error:
                if error.start < len(head) - 4:  # not a character cut at the 2 KB mark
                    raise forms.ValidationError("The selected file is not a text file") from None
            if b"\x00" in head:
                raise forms.ValidationError("The selected file is not a text file")
        elif not head.startswith(starts):
            raise forms.ValidationError(f"The selected file is not a real {suffix[1:].upper()} file")
        return upload
