"""The public interface other apps use to ask who someone is and whom they may see.

Apps never query Membership or SupervisionRelationship themselves: they call these functions,
so the rules for "current" (dates, ended relationships) live in one place.
"""

import datetime

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connections, router
from django.db.models import Q
from django.utils import timezone

from core.prepared import PreparedQuery

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
        cached = _current_roles(user.pk)
        if user.is_superuser:
            cached.add(Role.ADMINISTRATOR)
        user._practice_roles = cached
    return cached


def _current_roles(user_id):
    """current_memberships' rule, as one plain statement: every request asks it (the two-factor
    check, the navigation), and building it through the ORM cost about three times running it.
    tests/test_roles pins it to current_memberships."""
    table = Membership._meta.db_table
    connection = connections[router.db_for_read(Membership)]
    quote = connection.ops.quote_name
    today = connection.ops.adapt_datefield_value(timezone.localdate())
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT {quote('role')} FROM {quote(table)} WHERE {quote('user_id')} = %s "
            f"AND {quote('joined_on')} <= %s AND ({quote('left_on')} IS NULL OR {quote('left_on')} >= %s)",
            [user_id, today, today],
        )
        return {role for (role,) in cursor.fetchall()}


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


def current_workers(on=None):
    """Everyone who is a worker in some team on that day (today by default), active accounts only."""
    day = on or timezone.localdate()
    members = Membership.objects.filter(role=Role.WORKER, joined_on__lte=day).exclude(left_on__lt=day)
    return User.objects.filter(pk__in=members.values("user"), is_active=True)


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


# current_supervisees' rule, with their names only; the dashboard asks it on every visit, so the
# query is built once per process (core.prepared).
SUPERVISEE_FIELDS = ("id", "first_name", "last_name", "email")
_supervisees_named = PreparedQuery(
    lambda supervisor, today: current_supervisees(supervisor, on=today).values(*SUPERVISEE_FIELDS),
    supervisor=int, today=datetime.date,
)


def supervisees_today(user):
    """The people the user supervises today (a tuple of Users, in name order, with their names only),
    read once per user object (for a page: once per request, as roles_of is), so the panels of one
    page that each ask share one query."""
    if not getattr(user, "is_authenticated", False):
        return ()
    cached = getattr(user, "_supervisees_today", None)
    if cached is None:
        rows = _supervisees_named(supervisor=user.pk, today=timezone.localdate())
        cached = user._supervisees_today = tuple(
            User.from_db(router.db_for_read(User), SUPERVISEE_FIELDS, [row[f] for f in SUPERVISEE_FIELDS]) for row in rows
        )
    return cached


def current_supervisee_ids(user):
    """Ids of supervisees_today(user)."""
    return frozenset(person.pk for person in supervisees_today(user))


def is_current_supervisor(supervisor, supervisee, on=None):
    if not getattr(supervisor, "is_authenticated", False):
        return False
    return (
        SupervisionRelationship.objects.current(on)
        .filter(supervisor=supervisor, supervisee=supervisee)
        .exists()
    )


def is_administrator(user):
    """Administrators alone grant roles, auditor access, supervision and peer-group membership."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active and has_role(user, Role.ADMINISTRATOR))


def administrators():
    """Active users who are administrators today (superusers included)."""
    today = timezone.localdate()
    admin_ids = (
        Membership.objects.filter(role=Role.ADMINISTRATOR, joined_on__lte=today)
        .exclude(left_on__lt=today)
        .values("user")
    )
    return User.objects.filter(is_active=True).filter(Q(is_superuser=True) | Q(pk__in=admin_ids))


def can_use_admin(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, *ADMIN_ROLES))


def ensure_role_groups():
    """Create the Wagtail groups practice leads and administrators get, with their permissions.

    Each app lists the models practice leads edit in its AppConfig.practice_lead_models, so
    private content (logs, supervision notes) is never given to the admin by accident. Leads get
    content only: who holds which role, who supervises whom and who sits in a peer group are
    administrators' business (and their admin screens check for the role as well, in
    people.permission_policies, so a stray permission cannot open them).
    """
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    lead_perms = [admin_access] + _declared_model_permissions("practice_lead_models")
    # Guidance pages, images and documents are edited through Wagtail's page and collection
    # permissions; here only the model permissions they need.
    lead_perms += Permission.objects.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"],
        codename__regex=r"^(add|change|choose)_",
    )
    admin_perms = list(Permission.objects.filter(
        content_type__app_label__in=["people", "wagtailusers", "auth", "wagtailcore", "wagtailadmin", "wagtailredirects"]
    )) + _declared_model_permissions("administrator_models")
    leads, _ = Group.objects.get_or_create(name=GROUP_NAMES[Role.PRACTICE_LEAD])
    leads.permissions.set(lead_perms)
    admins, _ = Group.objects.get_or_create(name=GROUP_NAMES[Role.ADMINISTRATOR])
    admins.permissions.set(lead_perms + admin_perms)
    for group in (leads, admins):
        _grant_page_permissions(group)
        _grant_collection_permissions(group)
    return leads, admins


def _declared_model_permissions(attribute):
    """The permissions on the models each app lists in its AppConfig under that attribute."""
    found = []
    for config in apps.get_app_configs():
        for model_name in getattr(config, attribute, []):
            found += Permission.objects.filter(content_type__app_label=config.label, content_type__model=model_name)
    return found


def _grant_page_permissions(group):
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:
        return
    for codename in ["add_page", "change_page", "publish_page", "delete_page"]:
        perm = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)


def _grant_collection_permissions(group):
    # Images and documents are permitted per collection: the root one covers them all.
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    for perm in Permission.objects.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename__regex=r"^(add|change|choose)_"
    ):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=perm)


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


def members_during(start, end, team=None, role=None):
    """People who belonged to the team (or to any team), in the role if given, at some time between start and end."""
    memberships = Membership.objects.filter(joined_on__lte=end).exclude(left_on__lt=start)
    if team is not None:
        memberships = memberships.filter(team=team)
    if role is not None:
        memberships = memberships.filter(role=role)
    return User.objects.filter(pk__in=memberships.values("user"))
