from django.db import migrations

PROMPTS = [
    ("My life story", "Where did you grow up? Who and what has mattered in your life so far?"),
    ("What matters to me", "What and who are most important to you now?"),
    ("What a good day looks like", "What happens on a good day? What makes a bad day?"),
    ("How I like to communicate", "How do you like people to talk with you? Words, pictures, signs, a person who knows you well?"),
    ("My ambitions", "What would you like to do, try or change? What are you proud of?"),
]


def add(apps, schema_editor):
    Prompt = apps.get_model("penpictures", "ConversationPrompt")
    if not Prompt.objects.exists():
        for order, (heading, question) in enumerate(PROMPTS):
            Prompt.objects.create(heading=heading, question=question, sort_order=order, writing_lines=6)


class Migration(migrations.Migration):
    dependencies = [("penpictures", "0001_pen_pictures")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
