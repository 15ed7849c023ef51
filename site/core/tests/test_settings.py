"""Production settings refuse to start without their secrets, and pass Django's deploy checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def run_manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    base.update(env, DJANGO_SETTINGS_MODULE="practice_commons.settings.production")
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args], env=base, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="practice.example.org", DATABASE_URL="postgres://u:p@localhost/pc")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "will not start" in result.stderr
    assert "ALLOWED_HOSTS" not in result.stderr.split("will not start")[1]


def test_production_refuses_sqlite():
    result = run_manage(
        "check", SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="x.example.org", DATABASE_URL="sqlite:///x.db"
    )
    assert result.returncode != 0 and "PostgreSQL" in result.stderr


def test_production_passes_deploy_checks_with_no_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="practice.example.org",
        DATABASE_URL="postgres://pc:pc@127.0.0.1:5432/practice_commons",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_uploaded_files_go_to_object_storage_when_a_bucket_is_set():
    result = run_manage(
        "shell",
        "-c",
        "from django.core.files.storage import storages; s = storages['default']; print(type(s).__name__, s.bucket_name, s.default_acl)",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="x.example.org",
        DATABASE_URL="postgres://u:p@localhost/pc",
        MEDIA_BUCKET="council-practice-commons",
        MEDIA_ENDPOINT_URL="http://127.0.0.1:9000",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["S3Storage", "council-practice-commons", "private"]
