"""Settings shared by every environment. Everything that varies comes from the environment."""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE

SITE_DIR = Path(__file__).resolve().parents[2]  # the site/ folder
REPO_ROOT = SITE_DIR.parent

env = environ.Env()
environ.Env.read_env(REPO_ROOT / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

VAR_DIR = Path(env("PRACTICE_COMMONS_VAR_DIR", default=str(REPO_ROOT / "var")))

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets the dev server read while autosave writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL;")
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    # A kept connection is checked before each request reuses it: after PostgreSQL restarts (patching,
    # a failover) the app reconnects by itself instead of failing until it is restarted.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# The directory search engine. Empty means the database search fallback (the embedded default).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", default="practice-commons")
# A cluster of several nodes: replicas keep search answering when a node goes (applied on rebuild).
ELASTICSEARCH_SHARDS = env.int("ELASTICSEARCH_SHARDS", default=1)
ELASTICSEARCH_REPLICAS = env.int("ELASTICSEARCH_REPLICAS", default=0)
# How soon an edit shows in searches; a busy national directory may take "5s" to index with less work.
ELASTICSEARCH_REFRESH_INTERVAL = env("ELASTICSEARCH_REFRESH_INTERVAL", default="1s")
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=2.0)  # seconds per request
# After a failure every process answers from the database for this long before asking again.
ELASTICSEARCH_OUTAGE_SECONDS = env.int("ELASTICSEARCH_OUTAGE_SECONDS", default=30)

INSTALLED_APPS = [
    # Site-wide (site/)
    "core",
    "people",
    # Domains (repository root)
    "learning",
    "supervision",
    "panels",  # risk enablement panels
    "penpictures",  # a worker's pen picture and the conversation guide
    "search",  # the directory (ORUK data, API, pages); app label "directory"
    "search.engine",  # its search engine: Elasticsearch with a database fallback
    "measures",  # programme measures: aggregate figures the apps contribute (core.measures)
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django_tasks",
    "django_tasks_db",  # background work: a queue table and `manage.py db_worker` (core's, with a heartbeat)
]

# Background work runs on the worker (`manage.py db_worker`), queued in the database so a queued task
# survives restarts. Tests run tasks at once unless they are about the worker.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}
# A task held by a worker silent this long is queued again (core.worker).
WORKER_STALE_SECONDS = env.int("WORKER_STALE_SECONDS", default=30)
# Prepared downloads (download my data) are deleted this many hours after they are ready.
DOWNLOAD_HOURS = env.int("DOWNLOAD_HOURS", default=24)

MIDDLEWARE = [
    "core.logs.RequestIdMiddleware",  # first: every log line of a request carries its id
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, so static files keep their long-lived caching.
    "core.middleware.PrivateByDefaultMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.WagtailSiteMiddleware",  # the site of each page request, kept per process
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Everything needs login unless a view is marked login_not_required (the public allow-list).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "people.middleware.RequireMFAMiddleware",
    "people.middleware.RefuseAdminWithoutAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "practice_commons.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "practice_commons.wsgi.application"

AUTH_USER_MODEL = "people.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = SITE_DIR / "static_build"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Evidence files on logs (certificates, notes, slides) are private like the log: kept outside
# MEDIA_ROOT, never given a URL, served only through a view that checks who asks.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
EVIDENCE_MAX_BYTES = env.int("EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded files on object storage (S3 or any S3-compatible store, through django-storages) when
# MEDIA_BUCKET is set, so every app machine sees the same files; credentials from the usual AWS_*
# variables or the machine's role. Files stay private: links are signed and expire.
MEDIA_BUCKET = env("MEDIA_BUCKET", default="")
if MEDIA_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": env("MEDIA_ENDPOINT_URL", default=None),
            "region_name": env("MEDIA_REGION", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache every process shares (login limits count across workers): the database by default,
# so the embedded default needs nothing else running. `createcachetable` makes its table
# (scripts/setup, and the tests). CACHE_URL overrides it, e.g. redis://host:6379/1.
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://pc_cache")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache":
    # One statement per write, not five (core/cache.py): a sign-in's rate limits cost ~70 queries on Django's.
    CACHES["default"]["BACKEND"] = "core.cache.DatabaseCache"
    # Django's 300 would cull live rate-limit counts on a busy morning; the table is keyed, so size is cheap.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 100_000)

# Sessions end after a period of inactivity: every request renews the cookie.
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
# ...but a session renewed less than this long ago is not written again (people/sessions.py).
SESSION_RENEW_SECONDS = env.int("SESSION_RENEW_SECONDS", default=60)
# Database sessions that still end on sign-out while SQLite's write lock is held (people/sessions.py).
SESSION_ENGINE = "people.sessions"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Email
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Practice Commons <no-reply@practice-commons.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Accounts (django-allauth): email is the login, there are no usernames.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="optional")
ACCOUNT_ALLOW_SIGNUP = env.bool("ACCOUNT_ALLOW_SIGNUP", default=False)
ACCOUNT_ADAPTER = "people.adapters.AccountAdapter"
ACCOUNT_FORMS = {"login": "people.forms.LoginForm"}
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Failed logins are limited per account (5 in 5 minutes); the per-address limits are generous
# because a whole council office signs in from one NAT address.
ACCOUNT_RATE_LIMITS = {
    "login": env("LOGIN_RATE_LIMIT", default="300/m/ip"),
    "login_failed": env("LOGIN_FAILED_RATE_LIMIT", default="100/m/ip,5/5m/key"),
    "reset_password": env("RESET_PASSWORD_RATE_LIMIT", default="100/m/ip,5/m/key"),
}
# How long a sign-in waits for the rate limit's lock in the shared cache before it is refused.
LOGIN_RATE_LIMIT_LOCK_WAIT_SECONDS = env.float("LOGIN_RATE_LIMIT_LOCK_WAIT_SECONDS", default=10)
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Practice Commons] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="Practice Commons")
MFA_RECOVERY_CODE_COUNT = 10
# One step either side (RFC 6238): a code typed as it turns over on the phone still works.
MFA_TOTP_TOLERANCE = 1

# Single sign-on through OpenID Connect (e.g. Microsoft Entra ID), configured by settings only.
OIDC_CLIENT_ID = env("OIDC_CLIENT_ID", default="")
SOCIALACCOUNT_ADAPTER = "people.adapters.SocialAccountAdapter"
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": []}}
if OIDC_CLIENT_ID:
    SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"].append(
        {
            "provider_id": env("OIDC_PROVIDER_ID", default="entra"),
            "name": env("OIDC_PROVIDER_NAME", default="your council account"),
            "client_id": OIDC_CLIENT_ID,
            "secret": env("OIDC_CLIENT_SECRET"),
            "settings": {
                "server_url": env("OIDC_SERVER_URL"),
                "token_auth_method": env("OIDC_TOKEN_AUTH_METHOD", default="client_secret_post"),
            },
        }
    )

# Wagtail
WAGTAIL_SITE_NAME = "Practice Commons"
# The address people reach the site at: links in emails, reminders and .ics files are built on it.
SITE_URL = env("SITE_URL", default=env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")).rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_USER_EDIT_FORM = "people.forms.WagtailUserEditForm"
WAGTAIL_USER_CREATION_FORM = "people.forms.WagtailUserCreationForm"
WAGTAIL_USER_CUSTOM_FIELDS = ["first_name", "last_name"]
# Page search uses Wagtail's database backend: the minimal Elasticsearch used in CI lacks the
# analysis filters Wagtail's own Elasticsearch backend needs. The directory has its own engine.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: it would send a hash of each member of staff's email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

_oidc = urlsplit(env("OIDC_SERVER_URL", default=""))
OIDC_ORIGIN = [f"{_oidc.scheme}://{_oidc.netloc}"] if _oidc.netloc else []
# Security headers. The Content-Security-Policy allows no inline script or style and no plugins:
# our templates have none (scripts and styles are files under static/). Django's SecurityMiddleware
# adds Referrer-Policy and X-Content-Type-Options; core.middleware adds Permissions-Policy.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # data: for the two-factor set-up QR code
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        # Single sign-on posts to us and is redirected to the identity provider: browsers check
        # form-action on that redirect too.
        "form-action": [SELF, *OIDC_ORIGIN],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin still has inline scripts and styles and embeds previews of our pages in a frame:
# these relaxations apply under its prefix only.
CSP_ADMIN_PREFIX = "/admin/"
CSP_ADMIN_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}

# Directory API: public (many councils publish their local offer) or staff-only.
ORUK_API_PUBLIC = env.bool("ORUK_API_PUBLIC", default=True)

# Identifier check: extra names to flag, one per line in this file (optional).
IDENTIFIER_NAMES_FILE = env("IDENTIFIER_NAMES_FILE", default="")

# One JSON object per line with LOG_FORMAT=json (for a log shipper), plain text otherwise; each
# line carries the request id (core.logs). Messages name records by id, never what people wrote.
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "core.logs.JsonFormatter"},
        "text": {"format": "%(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"elastic_transport": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}, "django.tasks": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
