from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm


class WagtailUserEditForm(UserEditForm):
    job_title = forms.CharField(required=False, max_length=120)


class WagtailUserCreationForm(UserCreationForm):
    job_title = forms.CharField(required=False, max_length=120)
