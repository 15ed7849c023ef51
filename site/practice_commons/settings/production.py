"""Production: PostgreSQL, HTTPS, secrets from the environment. Refuses to start without them."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES, env

_REQUIRED = {
    "SECRET_KEY": "a long random string (at least 50 characters), e.g. from "
    "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`",
    "ALLOWED_HOSTS": "the host names the site answers to, comma-separated",
    "DATABASE_URL": "the PostgreSQL database, e.g. postgres://user:password@host:5432/practice_commons",
}
_missing = [name for name in _REQUIRED if not env(name, default="")]
if _missing:
    raise ImproperlyConfigured(
        "Practice Commons will not start in production without these settings:\n"
        + "\n".join(f"  {name}: {_REQUIRED[name]}" for name in _missing)
    )

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long in production.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
# Without SITE_URL, links in emails and calendar files go to the first host name, over HTTPS.
SITE_URL = env("SITE_URL", default=f"https://{ALLOWED_HOSTS[0]}").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("Production runs on PostgreSQL: DATABASE_URL must start with postgres://")

ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    "default": STORAGES["default"],  # the disk, or object storage with MEDIA_BUCKET
    "private": STORAGES["private"],  # evidence files, see base.py
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
