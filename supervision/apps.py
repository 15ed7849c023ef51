from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = "Supervision"
    # Models practice leads may edit in the Wagtail admin (people.roles reads this).
    practice_lead_models = ["supervisiontemplate", "peergroup"]
