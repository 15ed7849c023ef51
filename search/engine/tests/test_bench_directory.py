"""The directory benchmark runs from a fresh clone and leaves nothing behind."""

import json

import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def administrators_without_two_factor(db):
    from people.models import SecuritySettings

    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.save()


def test_a_small_run_prints_its_figures_and_removes_its_services(db_settings, capsys):
    from search import models as m
    from search.engine.models import SearchEntry

    call_command("bench_directory", services=40, repeat=1)

    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert figures["services"] == 40
    assert figures["index_seconds"] is None  # no Elasticsearch configured: the database alone
    assert figures["db_p95_ms"] > 0
    assert figures["db_page_cpu_p50_ms"] > 0
    assert not m.Service.objects.exists()
    assert not m.Location.objects.exists()
    assert not SearchEntry.objects.exists()
