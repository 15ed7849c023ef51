"""Backup and restore, as an operator runs them: seed, back up, restore into an empty database,
and find every table's row count and content hash intact (and the uploaded files back)."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from conftest import require_service

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[1]


def _url(name):
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


@pytest.fixture
def empty_database():
    db = connection.settings_dict
    name = f"{db['NAME']}_restore_{uuid.uuid4().hex[:6]}"
    admin = dict(host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"], password=db["PASSWORD"], dbname="postgres", autocommit=True)
    with psycopg.connect(**admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_every_record_and_file_into_an_empty_database(tmp_path, settings, empty_database):
    require_service("PostgreSQL", connection.vendor == "postgresql", "DATABASE_URL is not a postgres:// URL")
    from learning.tests.factories import make_log
    from people.models import Role
    from people.tests.factories import make_person
    from search.tests.factories import TaxonomyTermFactory

    worker = make_person(Role.WORKER, email="wendy@example.org")
    make_log(worker, title="Home visit, reflecting on consent")
    TaxonomyTermFactory(name="Respite and short breaks")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "policy.pdf").write_bytes(b"%PDF-1.4 supervision policy")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    (tmp_path / "private" / "evidence").mkdir(parents=True)
    (tmp_path / "private" / "evidence" / "certificate.pdf").write_bytes(b"%PDF-1.4 certificate")

    call_command("backup", str(tmp_path / "backup"))
    assert {p.name for p in (tmp_path / "backup").iterdir()} == {"database.dump", "media.tar.gz", "manifest.json"}

    restored_media = tmp_path / "restored-media"
    env = {**os.environ, "DATABASE_URL": _url(empty_database), "MEDIA_ROOT": str(restored_media), "PRIVATE_MEDIA_ROOT": str(tmp_path / "restored-private"), "DJANGO_SETTINGS_MODULE": "practice_commons.settings.dev"}
    result = subprocess.run([str(ROOT / "scripts" / "restore"), str(tmp_path / "backup")], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "every table's row count and content hash match" in result.stdout
    assert (restored_media / "documents" / "policy.pdf").read_bytes() == b"%PDF-1.4 supervision policy"
    assert (tmp_path / "restored-private" / "evidence" / "certificate.pdf").read_bytes() == b"%PDF-1.4 certificate"

    # Restoring over data is refused: a restore never mixes two databases.
    again = subprocess.run([sys.executable, str(ROOT / "manage.py"), "restore", str(tmp_path / "backup")], env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode != 0 and "not empty" in again.stderr
