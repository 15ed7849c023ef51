"""Admin permission policies for the records that decide who may read what.

Memberships (roles), supervision relationships, peer-group membership, users and groups (the
auditors group among them) are changed by administrators only. The policy asks for the Django
permission AND the administrator role, so a permission given to the wrong group by mistake does
not let a practice lead grant themselves a role and read what they were never meant to.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy, ModelPermissionPolicy

from . import roles


class AdministratorsOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return roles.is_administrator(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).filter(pk__in=roles.administrators().values("pk"))


class AdministratorsReadOnlyPolicy(BasePermissionPolicy):
    """Administrators may read (an access log, say); nobody may add, change or delete through the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and roles.is_administrator(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and roles.is_administrator(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return roles.administrators()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
