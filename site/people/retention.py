"""Retention for accounts: leavers' accounts are anonymised and closed (see core.retention).

A leaver is someone whose team memberships have all ended, the last before the cut-off. The
account row stays, so supervision records they were in keep their shape, but it no longer says
who they were and cannot sign in. Their own records are deleted by each app from the same list.
Superusers are never treated as leavers.
"""

from django.db.models import Max, Q
from django.utils import timezone

from .models import Membership, User

CLOSED_DOMAIN = "closed.invalid"


def leavers(left_before):
    """Ids of people whose last membership ended before `left_before` and whose account is still open."""
    today = timezone.localdate()
    current = Membership.objects.filter(Q(left_on__isnull=True) | Q(left_on__gte=today)).values("user")
    ended = (
        Membership.objects.exclude(user__in=current)
        .values("user")
        .annotate(last_left=Max("left_on"))
        .filter(last_left__lt=left_before)
        .values("user")
    )
    return set(
        User.objects.filter(pk__in=ended, is_superuser=False)
        .exclude(email__endswith="@" + CLOSED_DOMAIN)
        .values_list("pk", flat=True)
    )


def close_account(user):
    """Anonymise and deactivate one account, removing its sign-in methods."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    user.email = f"closed-account-{user.pk}@{CLOSED_DOMAIN}"
    user.first_name, user.last_name = "Former", "member of staff"
    user.job_title = user.swe_registration_number = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    # The privacy audit keeps that a download happened, no longer by whom by name.
    from core.models import PrivacyEvent

    PrivacyEvent.objects.filter(user=user).update(actor=user.email)


def expire(policy, *, dry_run):
    accounts = User.objects.filter(pk__in=policy.leaver_ids)
    if not dry_run:
        for user in accounts:
            close_account(user)
    return {"Leavers' accounts anonymised and closed": len(policy.leaver_ids)}
