"""The README's run command (scripts/run, the dev settings) shows people the service's own refusal
and not-found pages, never Django's debug page listing every URL; developers ask for debug."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def dev_setting(name, **env):
    """A setting of practice_commons.settings.dev as a fresh process started by scripts/run sees it."""
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE")}
    code = f"import practice_commons.settings.dev as s; print(repr(getattr(s, {name!r}, None)))"
    out = subprocess.run([sys.executable, "-c", code], env={**clean, **env}, cwd=settings.REPO_ROOT / "site",
                         capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def test_the_embedded_default_runs_without_debug_unless_asked():
    assert dev_setting("DEBUG") == "False"
    assert dev_setting("DEBUG", DEBUG="true") == "True"
    assert dev_setting("WHITENOISE_USE_FINDERS") == "True"  # static files without collectstatic
    run = (settings.REPO_ROOT / "scripts" / "run").read_text()
    assert "DEBUG=" not in run.replace("DEBUG=true scripts/run", "")  # the script forces nothing


@override_settings(DEBUG=False, WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
def test_without_debug_people_meet_our_own_pages_and_styles(people, site_pages):
    client = Client()
    client.force_login(people["worker"])

    missing = client.get("/learning/logs/999999/")
    assert missing.status_code == 404
    body = missing.content.decode()
    assert "Page not found" in body and "URLconf" not in body and "Traceback" not in body

    refused = client.get("/supervision/team-numbers/csv/")
    assert refused.status_code in (403, 404)
    assert "URLconf" not in refused.content.decode() and "Traceback" not in refused.content.decode()

    # WhiteNoise serves the styles, so those pages look like the service.
    css = client.get("/static/core/practice-commons.css")
    assert css.status_code == 200 and b".pc-header" in b"".join(css.streaming_content)
