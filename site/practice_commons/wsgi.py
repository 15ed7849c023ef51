"""WSGI entry point: `gunicorn --pythonpath site practice_commons.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "practice_commons.settings.production")
application = get_wsgi_application()

# What start-up loaded (Django, Wagtail, the meaning model, the vocabularies) lives as long as the
# process: leave it out of the collector's full passes, which otherwise walk all of it about once
# every fifty requests, inside whichever request happens to trigger them (about 170 ms of CPU).
gc.freeze()
