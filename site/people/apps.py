from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _ensure_role_groups(sender, using="default", **kwargs):
    # After the last app's migrations, when every app's permissions exist: a production install
    # without the demo gets the practice leads' and administrators' groups too.
    if sender.name != list(apps.get_app_configs())[-1].name:
        return
    from .roles import ensure_role_groups

    ensure_role_groups()


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and teams"
    # Roles, teams and supervision relationships are for administrators: none for leads.
    practice_lead_models = []

    def ready(self):
        from allauth.core.internal import ratelimit
        from django.conf import settings

        from . import signals  # noqa: F401

        # allauth counts sign-ins per address under a lock in the shared cache and refuses (429) a
        # sign-in that waits over a second for it: a busy office behind one address, on a busy
        # server with the database cache, was turned away with "Too many requests".
        ratelimit.CACHE_LOCK_WAIT_TIMEOUT = settings.LOGIN_RATE_LIMIT_LOCK_WAIT_SECONDS

        post_migrate.connect(_ensure_role_groups, dispatch_uid="people.ensure_role_groups")
