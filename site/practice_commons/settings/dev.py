"""The embedded default: SQLite, database search, console email. Never for production.

Debug is off unless asked for (DEBUG=true): a refused or missing page shows the service's own
403/404, as people will meet it, not Django's debug page listing every URL. Static files come from
WhiteNoise straight from the apps' folders (no collectstatic), and uploads from MEDIA_ROOT.
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production-0123456789")
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="none")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True

# The development server logs every request, static files included, burying the demo logins and
# the emails the worker prints; only requests that went wrong (4xx, 5xx) are worth a line here.
LOGGING["loggers"]["django.server"] = {"handlers": ["console"], "level": "WARNING", "propagate": False}  # noqa: F405
