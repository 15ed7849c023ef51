"""The search engine's part of the directory journey, in a real browser with axe on every page:
suggestions as you type, "did you mean", filters with counts; then Elasticsearch goes down,
searching carries on in fallback mode, a service is edited while it is down, and the edit is
found once the engine is back (the waiting update is applied at the next search).

Elasticsearch "goes down" by pointing the site at a closed port: stopping the shared server
would take it away from tests running in parallel.
"""

import json
import re
import time
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command

from conftest import require_service
from search.engine.tests.conftest import (
    CLOSED_PORT_URL,
    ES_URL,
    elasticsearch_available,
    setup_timeout,
)

pytestmark = [pytest.mark.e2e, pytest.mark.elasticsearch, pytest.mark.django_db(transaction=True)]

DEMO_DATA = Path(__file__).resolve().parents[2] / "search" / "demo_data"
KEEP = re.compile(r"short break|respite|advocacy|memory|dementia", re.IGNORECASE)


def small_directory(tmp_path):
    services = json.loads((DEMO_DATA / "directory.json").read_text(encoding="utf-8"))
    chosen = [s for s in services if KEEP.search(s["name"] + " " + s["description"])][:50]
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(chosen), encoding="utf-8")
    return path


@pytest.fixture
def elasticsearch(settings):
    available, reason = elasticsearch_available()
    require_service("Elasticsearch", available, reason)
    from search.engine import es

    settings.ELASTICSEARCH_URL = ES_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = f"pc-e2e-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_OUTAGE_SECONDS = 1  # remember an outage for a second, not half a minute
    es.breaker.reset()
    yield settings
    settings.ELASTICSEARCH_URL = ES_URL
    with setup_timeout():
        es.delete_all()
    es.breaker.reset()


def search_for(page, words):
    page.locator("#id_q").fill(words)
    page.locator("#search-form").get_by_role("button", name="Search").click()
    page.wait_for_load_state()


def test_search_keeps_working_through_an_outage_and_catches_up(page, axe, sign_in, tmp_path, elasticsearch):
    from core.demo import DEMO_PASSWORD, seed_people
    from search.engine.demo import load_glossary
    from search.engine.models import PendingIndexUpdate
    from search.models import Service

    seed_people()
    call_command("import_postcodes", str(DEMO_DATA / "postcodes.csv"), verbosity=0)
    call_command("import_oruk", str(small_directory(tmp_path)), verbosity=0)
    load_glossary()
    with setup_timeout():
        call_command("directory_index", "--rebuild", verbosity=0)

    # A practice lead (who also sees which engine answered) searches the directory.
    sign_in(page, "lead@example.org", DEMO_PASSWORD)
    page.goto("/directory/")
    axe(page)

    # Suggestions as you type: an accessible list under the box, chosen with the keyboard.
    box = page.get_by_role("combobox", name=re.compile("What are you looking for"))
    box.press_sequentially("dement", delay=40)
    listbox = page.get_by_role("listbox", name="Suggestions")
    listbox.wait_for()
    axe(page)
    options = listbox.get_by_role("option")
    assert any("dementia" in text.lower() for text in options.all_inner_texts())
    box.press("ArrowDown")
    assert options.first.get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url(re.compile(r"q="))
    axe(page)
    assert "Answered by Elasticsearch" in page.locator("#engine-details").inner_text()
    assert page.locator(".pc-result").count() >= 1

    # A word beyond typo tolerance gets a "did you mean".
    search_for(page, "xespite")
    axe(page)
    page.get_by_role("link", name="respite").click()
    page.wait_for_load_state()
    axe(page)
    assert page.locator(".pc-result").count() >= 3

    # Filters show counts, and choosing one narrows the results to that many.
    free = page.get_by_label(re.compile(r"Free of charge \(\d+\)"))
    expected = int(re.search(r"\((\d+)\)", free.evaluate("e => e.labels[0].textContent")).group(1))
    free.check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    axe(page)
    assert f"{expected} service" in page.locator("#results-heading").inner_text()

    # Elasticsearch goes down: searching carries on from the database, and staff are told.
    elasticsearch.ELASTICSEARCH_URL = CLOSED_PORT_URL
    page.goto("/directory/")
    search_for(page, "respite")
    axe(page)
    assert "Search is running in fallback mode" in page.locator("#fallback-notice").inner_text()
    assert page.locator(".pc-result").count() >= 3

    # A service is edited while it is down (as an editor's save would: in a transaction).
    service = Service.objects.filter(name__icontains="short breaks", status="active").first()
    service.description += " Now with a hydrotherapy pool."
    service.save()
    assert PendingIndexUpdate.objects.filter(service_id=service.pk).exists()
    search_for(page, "hydrotherapy")
    axe(page)
    assert service.name in page.locator(".pc-results").inner_text()  # the fallback has it already

    # Elasticsearch is back: the worker's scheduled drain applies the waiting update.
    elasticsearch.ELASTICSEARCH_URL = ES_URL
    time.sleep(1.2)  # the outage is no longer remembered
    from search.engine.tasks import apply_waiting_index_updates

    apply_waiting_index_updates.enqueue()
    search_for(page, "hydrotherapy")
    axe(page)
    assert page.locator("#fallback-notice").count() == 0
    assert "Answered by Elasticsearch" in page.locator("#engine-details").inner_text()
    assert service.name in page.locator(".pc-results").inner_text()
    assert not PendingIndexUpdate.objects.exists()
