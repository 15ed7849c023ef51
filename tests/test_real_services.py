"""CI runs the suite against real PostgreSQL; these fail (not skip) there if it is missing."""

import pytest
from django.db import connection

from conftest import require_service


@pytest.mark.postgres
@pytest.mark.django_db
def test_running_on_postgresql():
    require_service("PostgreSQL", connection.vendor == "postgresql", "DATABASE_URL does not point at PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    assert int(version.split(".")[0]) >= 13
