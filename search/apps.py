from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "search"
    label = "directory"
    verbose_name = "Directory"
    # Models practice leads may edit in the Wagtail admin (people.roles reads this).
    practice_lead_models = []
