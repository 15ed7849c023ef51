from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Staff accounts come from the staff import or the admin; self sign-up is off by default.
        return settings.ACCOUNT_ALLOW_SIGNUP

    def add_message(self, request, level, message_template=None, message_context=None, extra_tags="", message=None):
        # "Successfully signed in" says what the page already shows, and stacked on the next
        # page's own banner (two-factor set-up) it makes two; GOV.UK services do not announce it.
        if message_template == "account/messages/logged_in.txt":
            return
        # Setting up the authenticator app makes recovery codes too: one banner for the one step.
        if message_template == "mfa/messages/recovery_codes_generated.txt" and request.path == reverse("mfa_activate_totp"):
            return
        super().add_message(request, level, message_template, message_context, extra_tags, message)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        # Single sign-on only connects to accounts that already exist (matched by email).
        return settings.ACCOUNT_ALLOW_SIGNUP
