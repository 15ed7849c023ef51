from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Staff accounts come from the staff import or the admin; self sign-up is off by default.
        return settings.ACCOUNT_ALLOW_SIGNUP


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        # Single sign-on only connects to accounts that already exist (matched by email).
        return settings.ACCOUNT_ALLOW_SIGNUP
