"""Demo: a threshold the six demo workers can pass. Idempotent."""

from .models import DEFAULT_SMALLEST_GROUP, MeasuresSettings

DEMO_SMALLEST_GROUP = 3


def seed(log=print):
    # The demo team has six workers: at the default of 5, most rows (a month's logs, one
    # supervisor's sessions) would read "Fewer than 5". A real organisation keeps 5 or more.
    settings = MeasuresSettings.load()
    if settings.smallest_group == DEFAULT_SMALLEST_GROUP:
        settings.smallest_group = DEMO_SMALLEST_GROUP
        settings.save()
        log(f"measures: smallest group shown set to {DEMO_SMALLEST_GROUP} for the demo (default {DEFAULT_SMALLEST_GROUP})")
