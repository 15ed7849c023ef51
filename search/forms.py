
from django import forms

from core.forms import GovUKForm, GovUKModelForm
from core.privacy import configured_names, find_identifiers, validate_person_reference

from .models import OutOfDateReport, ServiceNote, Shortlist, ShortlistItem


class ServiceNoteForm(GovUKModelForm):
    class Meta:
        model = ServiceNote
        fields = ["text"]
        labels = {"text": "Add a team note"}
        help_texts = {
            "text": "What worked, what to ask for, who to speak to. Staff see this; the people you support "
            "do not. Do not name anyone you support."
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"text": {"required": "Enter your note", "max_length": "Your note must be 2,000 characters or fewer"}}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Enter your note")
        return refuse_personal_details(text)


class OutOfDateReportForm(GovUKModelForm):
    class Meta:
        model = OutOfDateReport
        fields = ["reason"]
        labels = {"reason": "What is wrong or out of date?"}
        help_texts = {"reason": "For example: the phone number no longer works, or the group now meets on Tuesdays."}
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"reason": {"required": "Tell us what is wrong or out of date",
                                     "max_length": "What is wrong must be 2,000 characters or fewer"}}

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Tell us what is wrong or out of date")
        return reason


class ResolveReportForm(GovUKModelForm):
    class Meta:
        model = OutOfDateReport
        fields = ["resolution"]
        labels = {"resolution": "What did you do?"}
        help_texts = {"resolution": "Optional. For example: updated the phone number."}
        widgets = {"resolution": forms.Textarea(attrs={"rows": 2})}


class ShortlistForm(GovUKModelForm):
    class Meta:
        model = Shortlist
        fields = ["label"]
        labels = {"label": "Who is this shortlist for?"}
        help_texts = {"label": "Initials or a case reference only, never a name. It is not printed."}

    def clean_label(self):
        label = self.cleaned_data["label"].strip()
        # "AB", "CR-10442" or "Case 4471" are fine; "Jane Smith" is a name.
        validate_person_reference(label)
        return refuse_personal_details(label)


class ShortlistItemForm(GovUKModelForm):
    class Meta:
        model = ShortlistItem
        fields = ["note"]
        labels = {"note": "Note to print with this service"}
        help_texts = {"note": "For example: ask for Jo, mention the referral from your social worker."}
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def clean_note(self):
        return refuse_personal_details(self.cleaned_data["note"].strip())


class AddToShortlistForm(GovUKForm):
    service = forms.UUIDField(widget=forms.HiddenInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


# ---- Keeping people's details out of shared notes -----------------------------------------------

# Kinds of detail that identify a person. Phone numbers and postcodes are left alone: in a note
# about a service they are usually the service's own.
PERSONAL_KINDS = {"name", "nhs_number", "date_of_birth"}


def personal_details(text):
    """What in the text could identify someone the worker supports (the site's identifier check).

    Configured names only: a note about a service often names its staff ("ask for Sarah at reception").
    """
    found = find_identifiers(text, configured_names(), common_names=False)
    return [f for f in found if f.kind in PERSONAL_KINDS]


def refuse_personal_details(text):
    found = personal_details(text)
    if found:
        shown = ", ".join(f"“{f.text}”" for f in found[:3])
        raise forms.ValidationError(
            f"This could identify someone you support ({shown}). Use initials or a case reference instead."
        )
    return text
