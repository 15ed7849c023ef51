from django import forms

from core.forms import GovUKForm

from . import services

PLAIN_WORDS = "Short sentences and everyday words: the person you support will read this."


class PenPictureForm(GovUKForm):
    identifier_fields = ["who_i_am", "what_i_do", "what_i_enjoy", "photo_description"]
    # Your own work phone and email belong in a pen picture; names, NHS numbers and postcodes of others do not.
    identifier_kinds = ["nhs_number", "postcode", "date_of_birth", "name"]

    who_i_am = forms.CharField(label="Who I am", widget=forms.Textarea(attrs={"rows": 4}), max_length=1500,
                               help_text="Your name, what people call you, a little about you. " + PLAIN_WORDS,
                               error_messages={"required": "Enter who you are"})
    what_i_do = forms.CharField(label="What I do", widget=forms.Textarea(attrs={"rows": 4}), max_length=1500,
                                help_text="Your job, and how you will help.",
                                error_messages={"required": "Enter what you do"})
    what_i_enjoy = forms.CharField(label="What I enjoy (optional)", required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}), max_length=1500,
                                   help_text="Things you like doing, so the person knows you a little.")
    how_to_reach_me = forms.CharField(label="How to reach me", widget=forms.Textarea(attrs={"rows": 3}), max_length=800,
                                      help_text="Your work phone, email, the days you work, who to call when you are away.",
                                      error_messages={"required": "Enter how people can reach you"})
    photo = forms.FileField(label="A photo of you (optional)", required=False,
                            help_text="A JPG or PNG, smaller than 5 MB. Only you see it until you hand over your pen picture. "
                                      "Leave empty to keep the photo you have.")
    photo_description = forms.CharField(label="Describe the photo (optional)", required=False, max_length=300,
                                        help_text="For people who cannot see it, for example 'Me smiling, with short dark hair'.")
    remove_photo = forms.BooleanField(label="Take my photo off", required=False)

    def __init__(self, *args, writer, **kwargs):
        super().__init__(*args, **kwargs)
        # A pen picture is about its writer: their own name is the point, not a slip.
        own = {writer.first_name, writer.last_name, writer.get_full_name()}
        self.identifier_allowed = frozenset(word.casefold() for word in own if word)

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        try:
            return services.checked_photo(upload)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages[0]) from None

    def texts(self):
        return {key: self.cleaned_data.get(key, "") for key in ("who_i_am", "what_i_do", "what_i_enjoy", "how_to_reach_me")}
