"""Admin permission policies for the records that decide who may read what.

Memberships (roles), supervision relationships, peer-group membership, users and groups (the
auditors group among them) are changed by administrators only. The policy asks for the Django
permission AND the administrator role, so a permission given to the wrong group by mistake does
not let a practice lead grant themselves a role and read what they were never meant to.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from . import roles


class AdministratorsOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return roles.is_administrator(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).filter(pk__in=roles.administrators().values("pk"))
