"""Demo data for learning: the shipped frameworks and templates, and a few logs. Idempotent."""

import datetime

from django.utils import timezone

from people.models import User

from . import content, services
from .models import ActivityType, LogStatus, ReflectiveLog, ReflectiveTemplate


def seed(log=print):
    frameworks, templates = content.load_all()
    log(f"learning: {frameworks} frameworks and {templates} reflective templates added")
    worker = User.objects.filter(email="worker2@example.org").first()
    if worker is None or ReflectiveLog.objects.filter(owner=worker).exists():
        return
    template = ReflectiveTemplate.objects.get(slug="driscoll-what-so-what-now-what")
    entry = services.create_log(worker, template)
    entry.title = "First joint visit with the speech and language therapist"
    entry.occurred_on = timezone.localdate() - datetime.timedelta(days=14)
    entry.hours = 1.5
    entry.activity_type = ActivityType.DIRECT_WORK
    entry.person_reference = "A.B."
    entry.answers = {
        "what": "A joint visit to talk through communication aids with A.B. and their support worker.",
        "so_what": "Seeing the aids in use showed me how much I had been relying on the support worker to translate.",
        "now_what": "Ask for a short session on easy-read and picture-based tools before my next review.",
    }
    entry.status = LogStatus.COMPLETE
    services.save_log(entry, user=worker, complete=True)
    log("learning: a demo reflection for worker2")
