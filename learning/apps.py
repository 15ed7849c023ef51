from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Learning"
    # Models practice leads may edit in the Wagtail admin (people.roles reads this).
    practice_lead_models = [
        "reflectivetemplate", "framework", "frameworkdomain", "frameworkstatement",
    ]
