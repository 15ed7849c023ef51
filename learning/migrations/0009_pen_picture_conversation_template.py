"""Ship the "Pen picture conversation" reflective template: what the worker learnt from helping
someone make their own pen picture. The person's pen picture itself is never stored; they are named
by a case reference only."""

from django.db import migrations

SLUG = "pen-picture-conversation"
PROMPTS = [
    {"key": "case_reference", "heading": "Case reference", "answer_type": "short_text", "required": True, "choices": [],
     "guidance": "A case reference or initials only: no name, address or date of birth."},
    {"key": "description", "heading": "The conversation", "answer_type": "long_text", "required": True, "choices": [],
     "guidance": "Where and how you talked, and which prompts of the guide you used. Not what the person wrote: that is theirs."},
    {"key": "learning", "heading": "What I learnt about the person", "answer_type": "long_text", "required": True, "choices": [],
     "guidance": "What matters to them, how they like to communicate, what a good day looks like for them."},
    {"key": "impact", "heading": "What I will do differently", "answer_type": "long_text", "required": True, "choices": [],
     "guidance": "How this changes the support you offer or the way you work with them."},
    {"key": "peer_reflection", "heading": "Peer reflection", "answer_type": "long_text", "required": False, "choices": [],
     "guidance": "If you talked this over with a colleague or in supervision, what did you take from it?"},
]


def add(apps, schema_editor):
    ReflectiveTemplate = apps.get_model("learning", "ReflectiveTemplate")
    if ReflectiveTemplate.objects.filter(slug=SLUG).exists():
        return
    ReflectiveTemplate.objects.create(
        slug=SLUG, name="Pen picture conversation", sort_order=50,
        summary="After helping someone make their own pen picture: what you learnt about them and what you will do "
                "differently. Refer to them by a case reference only.",
        prompts=[{"type": "prompt", "value": prompt} for prompt in PROMPTS],
    )


def remove(apps, schema_editor):
    apps.get_model("learning", "ReflectiveTemplate").objects.filter(slug=SLUG, reflectivelog__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [('learning', '0008_evidence_files')]
    operations = [migrations.RunPython(add, remove)]
