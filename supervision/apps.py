from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = "Supervision"
    # Models practice leads may edit in the Wagtail admin (people.roles reads this). Peer groups
    # are not among them: their membership decides who reads the sessions.
    practice_lead_models = ["supervisiontemplate"]
    # Models only administrators change in the admin (people.roles reads this too).
    administrator_models = ["peergroup"]
