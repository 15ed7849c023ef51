"""Who may do what in the directory.

Everyone signed in is staff and may read the directory, its team notes, and keep shortlists.
Editing listings (in the Wagtail admin) and working through the review list belongs to practice
leads, administrators and members of the "Directory editors" group.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q

from core.prepared import PreparedQuery
from people import roles

DIRECTORY_EDITORS_GROUP = "Directory editors"
_EDITOR_PERMISSION = "directory.change_service"


def is_directory_editor(user):
    if not user.is_authenticated:
        return False
    return roles.is_practice_lead(user) or _may_change_services(user)


def _may_change_services(user):
    """user.has_perm(_EDITOR_PERMISSION) in one query rather than two: the dashboard asks it on
    every visit, and ModelBackend reads the person's own and their groups' permissions apart."""
    if hasattr(user, "_perm_cache"):  # already read in this request (the admin): ask Django
        return user.has_perm(_EDITOR_PERMISSION)
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(_editor_permission(person=user.pk))


def _editor_permission_of(person):
    app_label, codename = _EDITOR_PERMISSION.split(".")
    return (
        Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        .filter(Q(user=person) | Q(group__user=person)).values("pk")[:1]
    )


_editor_permission = PreparedQuery(_editor_permission_of, person=int)  # built once per process


def can_view_service(user, service):
    # Inactive and defunct listings stay readable (with a warning) for old links and shortlists.
    return user.is_authenticated


def can_view_team_notes(user):
    return user.is_authenticated


def can_add_team_note(user):
    return user.is_authenticated


def can_delete_team_note(user, note):
    return user.is_authenticated and (note.author_id == user.pk or is_directory_editor(user))


def can_report_out_of_date(user):
    return user.is_authenticated


def can_view_review_list(user):
    return is_directory_editor(user)


def can_resolve_report(user, report):
    return is_directory_editor(user)


def can_use_shortlist(user, shortlist):
    """Shortlists are private to the worker who made them: others get a 404."""
    return user.is_authenticated and shortlist.owner_id == user.pk


def ensure_directory_editors_group(using="default"):
    """The Wagtail group that may edit the directory in the admin (and reach the admin)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    directory = apps.get_app_config("directory")
    # post_migrate may reach us before Django has made this app's permissions.
    create_permissions(directory, verbosity=0, using=using)
    perms = list(
        Permission.objects.using(using).filter(
            content_type__app_label="directory", content_type__model__in=directory.practice_lead_models
        )
    )
    perms += list(
        Permission.objects.using(using).filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    group, _ = Group.objects.using(using).get_or_create(name=DIRECTORY_EDITORS_GROUP)
    group.permissions.set(perms)
    return group
