"""WSGI entry point: `gunicorn --pythonpath site practice_commons.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "practice_commons.settings.production")
application = get_wsgi_application()
