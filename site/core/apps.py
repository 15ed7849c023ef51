from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site"
    # Practice leads keep the list of names the identifier check flags.
    practice_lead_models = ["identifiername"]

    def ready(self):
        from . import lookups  # noqa: F401  (registers the integer `__in` that ignores impossible ids)
