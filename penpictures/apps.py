from django.apps import AppConfig


class PenPicturesConfig(AppConfig):
    name = "penpictures"
    verbose_name = "Pen pictures"
    # Practice leads edit the conversation guide's prompts and the pen picture's layout (people.roles reads this).
    practice_lead_models = ["conversationprompt", "penpicturelayout"]
