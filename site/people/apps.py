from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and teams"
    # Roles, teams and supervision relationships are for administrators: none for leads.
    practice_lead_models = []

    def ready(self):
        from . import signals  # noqa: F401
