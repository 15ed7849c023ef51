import copy
import json
import uuid
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def load_example(name="service_full.json"):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def new_ids(record):
    """A copy of an ORUK record with every id replaced, so it is a different service."""
    mapping = {}

    def walk(node):
        if isinstance(node, dict):
            return {
                k: (mapping.setdefault(v, str(uuid.uuid4())) if (k == "id" or k.endswith("_id")) and isinstance(v, str) else walk(v))
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(copy.deepcopy(record))


@pytest.fixture
def example_service():
    """The standard's full service example, made plausible (the example's coordinates are not on Earth)."""
    record = load_example()
    location = record["service_at_locations"][0]["location"]
    location["latitude"], location["longitude"] = 52.3052, -1.9431
    location["addresses"][0]["postal_code"] = "B97 4DN"
    location["addresses"][0]["country"] = "GB"
    return record


@pytest.fixture
def write_json(tmp_path):
    def write(data, name="services.json", lines=False):
        path = tmp_path / name
        if lines:
            path.write_text("\n".join(json.dumps(r) for r in data) + "\n", encoding="utf-8")
        else:
            path.write_text(json.dumps(data), encoding="utf-8")
        return path

    return write


@pytest.fixture
def people(people):
    """The shared cast, with two-factor authentication set up for those whose role requires it,
    so that permission tests reach the directory's own rules."""
    from allauth.mfa.models import Authenticator

    from people.middleware import mfa_required_for

    for user in people.values():
        if mfa_required_for(user):
            Authenticator.objects.get_or_create(user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}})
    return people


@pytest.fixture(autouse=True)
def database_search(settings):
    """The directory app's own tests build data in a transaction that never commits, so it never
    reaches Elasticsearch's index: they run on the database engine. The same behaviour on the real
    Elasticsearch (and the API through it) is tested in search/engine/tests."""
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def keep_test_connection():
    """Requests made outside Django's test client (schemathesis calls the WSGI app directly) would
    close the database connection at the end of each request, and with it the test's transaction
    (PostgreSQL; SQLite in memory ignores the close). Django's own client does the same as this."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
