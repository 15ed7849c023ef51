"""Demo data for learning: the shipped frameworks and templates, and a few logs. Idempotent."""

import datetime

from django.utils import timezone

from people.models import User

from . import content, services
from .models import (
    ActivityType,
    Framework,
    LogStatus,
    Rating,
    ReflectiveLog,
    ReflectiveTemplate,
    SelfAssessment,
)


def seed(log=print):
    frameworks, templates = content.load_all()
    log(f"learning: {frameworks} frameworks and {templates} reflective templates added")
    seed_assessment_history(log)
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


def seed_assessment_history(log=print):
    """Each demo worker rated the PCF near the start of the last year and again recently, growing in
    confidence on most statements, so the programme measures have a before and after to show."""
    pcf = Framework.objects.filter(slug="pcf").first()
    workers = list(User.objects.filter(email__regex=r"^worker[1-6]@example\.org$").order_by("email"))
    if pcf is None or not workers or SelfAssessment.objects.filter(owner__in=workers).exists():
        return
    statements = [s for d in pcf.domains.order_by("sort_order") for s in d.statements.order_by("sort_order")]
    today = timezone.localdate()
    for n, worker in enumerate(workers):
        for days_ago, lift in ((330 - n * 5, 0), (20 + n * 3, 1)):
            assessment = SelfAssessment.objects.create(
                owner=worker, framework=pcf, assessed_on=today - datetime.timedelta(days=days_ago)
            )
            Rating.objects.bulk_create(
                # Starting between 2 and 4; a step up for most statements by the second assessment.
                Rating(assessment=assessment, statement=s, value=min(5, 2 + (n + i) % 3 + lift * ((n + i) % 4 != 0)))
                for i, s in enumerate(statements)
            )
    log(f"learning: a year of PCF self-assessments for {len(workers)} workers")
