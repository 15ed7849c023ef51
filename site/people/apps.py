from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and teams"
    practice_lead_models = ["team", "membership", "supervisionrelationship"]

    def ready(self):
        from . import signals  # noqa: F401
