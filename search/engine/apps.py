from django.apps import AppConfig


class SearchEngineConfig(AppConfig):
    name = "search.engine"
    label = "search_engine"
    verbose_name = "Directory search"
    # Models practice leads may edit in the Wagtail admin (people.roles reads this).
    practice_lead_models = ["glossaryterm", "everydayphrase"]

    def ready(self):
        from .signals import connect

        connect()
