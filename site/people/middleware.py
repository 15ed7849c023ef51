"""Send people whose role requires two-factor authentication to set it up before anything else."""

from allauth.mfa.models import Authenticator
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from core.process_cache import ProcessCache

from .models import Role, SecuritySettings
from .roles import roles_of

# Pages someone without MFA may still reach: setting it up, signing out, static files.
EXEMPT_PREFIXES = ("/accounts/", "/static/", "/healthz")


# Read on every request: kept per process, read again within 30 s of a change made elsewhere.
security_settings = ProcessCache(SecuritySettings.load, seconds=30, models=[SecuritySettings])


def mfa_required_for(user):
    security = security_settings.get()
    roles = roles_of(user)
    return (
        (security.require_mfa_for_supervisors and Role.SUPERVISOR in roles)
        or (security.require_mfa_for_practice_leads and Role.PRACTICE_LEAD in roles)
        or (security.require_mfa_for_administrators and Role.ADMINISTRATOR in roles)
    )


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(EXEMPT_PREFIXES)
            and mfa_required_for(user)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
        return self.get_response(request)


class RefuseAdminWithoutAccessMiddleware:
    """A signed-in person without admin access who opens /admin/ gets the service's 403.

    Wagtail sends them to sign in, and allauth sends a signed-in person straight back: the browser
    gave up with "too many redirects" instead of saying no.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith("/admin/")
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            raise PermissionDenied("Only practice leads and administrators use the admin.")
        return self.get_response(request)
