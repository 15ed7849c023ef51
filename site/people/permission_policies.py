"""Admin permission policies for the records that decide who may read what.

Memberships (roles), supervision relationships, peer-group membership, users and groups (the
auditors group among them) are changed by administrators only. The policy asks for the Django
permission AND the administrator role, so a permission given to the wrong group by mistake does
not let a practice lead grant themselves a role and read what they were never meant to.

Screens no group permission should ever open (access logs, the privacy audit, retention and
measures settings) use the role alone: AdministratorRolePolicy, or AdministratorsReadOnlyPolicy.
"""

from wagtail.permission_policies.base import BasePermissionPolicy, ModelPermissionPolicy

from . import roles


class AdministratorsOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return roles.is_administrator(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).filter(pk__in=roles.administrators().values("pk"))


class AdministratorRolePolicy(BasePermissionPolicy):
    """Administrators may take these actions, by their role alone; nobody else may take any."""

    def __init__(self, model, actions=("view", "change")):
        super().__init__(model)
        self.actions = set(actions)

    # Who is an administrator today is people.roles' rule (dates and superusers included).
    def user_has_permission(self, user, action):
        return action in self.actions and roles.is_administrator(user)

    def user_has_any_permission(self, user, actions):
        return bool(self.actions & set(actions)) and roles.is_administrator(user)

    def users_with_any_permission(self, actions):
        if not self.actions & set(actions):
            return roles.administrators().none()
        return roles.administrators()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class AdministratorsReadOnlyPolicy(AdministratorRolePolicy):
    """Administrators may read (an access log, say); nobody may add, change or delete through the admin."""

    def __init__(self, model):
        super().__init__(model, actions=("view",))
