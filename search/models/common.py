"""Shared by the directory's models: ids, service statuses, the review interval."""

import uuid
from datetime import timedelta

from django.db import models

# A listing not reviewed for this long is flagged as possibly out of date.
REVIEW_INTERVAL = timedelta(days=365)


def new_id():
    return uuid.uuid4()


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"
    DEFUNCT = "defunct", "Defunct"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"


# Statuses a search or API listing may return. Temporarily closed services stay findable (with
# their status shown) because people need to know they exist and will reopen.
LISTED_STATUSES = [ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED]
