"""What a sign-in costs: the production password hasher, worked out once per sign-in.

Here rather than beside the other sign-in tests because it reads the production settings module, which
only the project (above the apps) may import."""

import pytest
from django.conf import global_settings

from people.models import Role
from people.tests.factories import TEST_PASSWORD, make_person


@pytest.mark.django_db
def test_a_sign_in_checks_the_password_once_with_the_production_hasher(client, monkeypatch):
    """The hash is the expensive part of a sign-in (PBKDF2 in production: about 0.4 s of CPU), so it
    is worked out once, not again by the rate limits or the session's set-up."""
    from django.contrib.auth import hashers
    from django.utils.module_loading import import_string

    from practice_commons.settings import base

    production = getattr(base, "PASSWORD_HASHERS", None) or global_settings.PASSWORD_HASHERS
    assert issubclass(import_string(production[0]), (hashers.PBKDF2PasswordHasher, hashers.Argon2PasswordHasher))
    make_person(Role.WORKER, email="sam@example.org")
    hasher = type(hashers.get_hasher())
    verified = []
    real_verify = hasher.verify
    monkeypatch.setattr(hasher, "verify", lambda self, *args: verified.append(1) or real_verify(self, *args))
    assert client.post("/accounts/login/", {"login": "sam@example.org", "password": TEST_PASSWORD}).status_code == 302
    assert len(verified) == 1


@pytest.mark.django_db
def test_a_sign_in_keeps_its_rate_limits_in_a_few_queries(client):
    """Three rate limits are each locked, read, written and unlocked in the shared cache: on the
    database cache that was about seventy queries a sign-in; one statement a write makes it about thirty."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    make_person(Role.WORKER, email="sam@example.org")
    with CaptureQueriesContext(connection) as queries:
        answer = client.post("/accounts/login/", {"login": "sam@example.org", "password": TEST_PASSWORD})
    assert answer.status_code == 302
    assert len(queries) <= 35
    cache.clear()
