"""The public interface other apps use to ask who someone is and whom they may see.

Apps never query Membership or SupervisionRelationship themselves: they call these functions,
so the rules for "current" (dates, ended relationships) live in one place.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from .models import Membership, Role, SupervisionRelationship, User

ADMIN_ROLES = {Role.PRACTICE_LEAD, Role.ADMINISTRATOR}
GROUP_NAMES = {Role.PRACTICE_LEAD: "Practice leads", Role.ADMINISTRATOR: "Administrators"}


def current_memberships(user):
    today = timezone.localdate()
    return Membership.objects.filter(user=user, joined_on__lte=today).exclude(left_on__lt=today)


def roles_of(user):
    """The set of roles a user currently holds in any team."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_practice_roles", None)
    if cached is None:
        cached = set(current_memberships(user).values_list("role", flat=True))
        if user.is_superuser:
            cached.add(Role.ADMINISTRATOR)
        user._practice_roles = cached
    return cached


def has_role(user, *roles):
    return bool(roles_of(user) & set(roles))


def is_practice_lead(user):
    return has_role(user, Role.PRACTICE_LEAD, Role.ADMINISTRATOR)


def is_supervisor(user):
    return has_role(user, Role.SUPERVISOR) or current_supervisees(user).exists()


def teams_of(user):
    from .models import Team

    return Team.objects.filter(memberships__in=current_memberships(user)).distinct()


def team_members(team, role=None):
    today = timezone.localdate()
    members = Membership.objects.filter(team=team, joined_on__lte=today).exclude(left_on__lt=today)
    if role:
        members = members.filter(role=role)
    return User.objects.filter(pk__in=members.values("user")).distinct()


def led_teams(user):
    """Teams in which the user is a practice lead (all teams for administrators)."""
    from .models import Team

    if has_role(user, Role.ADMINISTRATOR):
        return Team.objects.all()
    return Team.objects.filter(
        memberships__in=current_memberships(user).filter(role=Role.PRACTICE_LEAD)
    ).distinct()


def current_supervisors(user, on=None):
    """People who supervise the user today (or on a given date)."""
    ids = SupervisionRelationship.objects.current(on).filter(supervisee=user).values("supervisor")
    return User.objects.filter(pk__in=ids)


def current_supervisees(user, on=None):
    """People the user supervises today (or on a given date)."""
    ids = SupervisionRelationship.objects.current(on).filter(supervisor=user).values("supervisee")
    return User.objects.filter(pk__in=ids)


def is_current_supervisor(supervisor, supervisee, on=None):
    if not getattr(supervisor, "is_authenticated", False):
        return False
    return (
        SupervisionRelationship.objects.current(on)
        .filter(supervisor=supervisor, supervisee=supervisee)
        .exists()
    )


def can_use_admin(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, *ADMIN_ROLES))


def ensure_role_groups():
    """Create the Wagtail groups practice leads and administrators get, with their permissions.

    Each app lists the models practice leads edit in its AppConfig.practice_lead_models, so
    private content (logs, supervision notes) is never given to the admin by accident.
    """
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    lead_perms = [admin_access]
    for config in apps.get_app_configs():
        for model_name in getattr(config, "practice_lead_models", []):
            lead_perms += Permission.objects.filter(
                content_type__app_label=config.label, content_type__model=model_name
            )
    # Guidance pages, images and documents are edited through Wagtail's page and collection
    # permissions; here only the model permissions they need.
    lead_perms += Permission.objects.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"],
        codename__regex=r"^(add|change|choose)_",
    )
    leads, _ = Group.objects.get_or_create(name=GROUP_NAMES[Role.PRACTICE_LEAD])
    leads.permissions.set(lead_perms)
    admins, _ = Group.objects.get_or_create(name=GROUP_NAMES[Role.ADMINISTRATOR])
    admins.permissions.set(lead_perms + list(Permission.objects.filter(
        content_type__app_label__in=["people", "wagtailusers", "auth", "wagtailcore", "wagtailadmin", "wagtailredirects"]
    )))
    _grant_page_permissions(leads)
    _grant_page_permissions(admins)
    return leads, admins


def _grant_page_permissions(group):
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:
        return
    for codename in ["add_page", "change_page", "publish_page", "delete_page"]:
        perm = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)


def sync_user_groups(user):
    """Put the user in exactly the Wagtail groups their current roles call for."""
    user.__dict__.pop("_practice_roles", None)
    roles = set(current_memberships(user).values_list("role", flat=True))
    wanted = {GROUP_NAMES[r] for r in roles if r in GROUP_NAMES}
    managed = Group.objects.filter(name__in=GROUP_NAMES.values())
    for group in managed:
        if group.name in wanted:
            user.groups.add(group)
        else:
            user.groups.remove(group)
