"""`manage.py profile_pages --fixed`: what every request pays, whatever the page."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from people.models import Role
from people.tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_every_request_pays_three_queries_session_person_and_roles():
    make_person(Role.WORKER, email="worker1@example.org")  # a demo person, by the email the command knows
    out = StringIO()
    call_command("profile_pages", "--fixed", "--page", "logs", "--person", "worker1@example.org", "--repeat", "1", stdout=out)
    figures = json.loads(out.getvalue().splitlines()[-1])
    assert figures["fixed_queries"] == 3
    assert figures["fixed_cpu_ms"] > 0 and set(figures["pages"]) == {"logs"}
