import logging

from django.apps import AppConfig
from django.db.models.signals import post_migrate

# The directory's records, which practice leads and directory editors edit in the Wagtail admin.
DIRECTORY_MODELS = [
    "service",
    "serviceattribute",
    "serviceatlocation",
    "schedule",
    "servicearea",
    "costoption",
    "funding",
    "contact",
    "phone",
    "language",
    "organization",
    "organizationidentifier",
    "location",
    "address",
    "accessibility",
    "taxonomy",
    "taxonomyterm",
    "outofdatereport",
]


class DirectoryConfig(AppConfig):
    name = "search"
    label = "directory"
    verbose_name = "Directory"
    # Models practice leads may edit in the Wagtail admin (people.roles reads this).
    # Team notes and shortlists are staff's own working records and stay out of the admin.
    practice_lead_models = DIRECTORY_MODELS

    def ready(self):
        from . import changes  # noqa: F401  (connects the save and delete receiver)

        post_migrate.connect(_ensure_groups, sender=self)
        logging.getLogger("wagtail").addFilter(_uuid_pk_log_filter)


def _uuid_pk_log_filter(record):
    # Wagtail logs revisions with "pk=%d", which cannot format the directory's UUID keys.
    if isinstance(record.msg, str) and "pk=%d" in record.msg:
        record.msg = record.msg.replace("pk=%d", "pk=%s")
    return True


def _ensure_groups(**kwargs):
    from .permissions import ensure_directory_editors_group

    ensure_directory_editors_group(using=kwargs.get("using", "default"))
