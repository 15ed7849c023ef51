from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm


class WagtailUserEditForm(UserEditForm):
    job_title = forms.CharField(required=False, max_length=120)


class WagtailUserCreationForm(UserCreationForm):
    job_title = forms.CharField(required=False, max_length=120)


class LoginForm(AllauthLoginForm):
    """allauth's login form without its 'Forgot your password?' hint: our login page links to
    password reset itself, as a GOV.UK link beside the button."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
