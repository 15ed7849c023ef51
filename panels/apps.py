from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "panels"
    verbose_name = "Risk enablement panels"
    # Practice leads edit a panel's terms of reference (people.roles reads this).
    practice_lead_models = ["termsofreference"]
    # Membership decides who reads requests and decisions, so only administrators change panels.
    administrator_models = ["panel", "externalmember"]
