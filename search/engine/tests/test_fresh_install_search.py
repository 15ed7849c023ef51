"""Done means: on a fresh install without the demo, import another council's directory file and
search as a new user would: abbreviations, everyday words, a town, a misspelling and an age."""

import json

import pytest
from django.urls import reverse

from search.engine import evaluation

URL = reverse("search:search")


@pytest.fixture
def imported(engine, tmp_path):
    """Only the shipped vocabulary and part of the held-apart Norfolk file: no demo data at all."""
    from search.engine.models import GlossaryTerm
    from search.importing import import_file
    from search.postcodes import import_postcodes

    assert not GlossaryTerm.objects.filter(source="local").exists()
    files = evaluation.DATASETS["norfolk"]
    services = json.loads(files["directory"].read_text(encoding="utf-8"))
    # Part of the file keeps the test quick: the services these searches are about, and every
    # fourth other one (so there is plenty that must not come first).
    wanted = ("special educational", "approved mental", "gambl", "day centre", "day opportunities", "bereave", "youth")
    kept = [s for n, s in enumerate(services) if n % 4 == 0 or any(w in (s["name"] + s["description"]).lower() for w in wanted)]
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(kept), encoding="utf-8")
    import_postcodes(files["postcodes"])
    assert not import_file(path).rejected
    engine.reindex()


def _search(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response, [row["service"] for row in response.context["rows"]]


def test_a_new_council_searches_its_own_directory(imported, people, client_for):
    client = client_for(people["worker"])

    response, found = _search(client, q="SENCO")
    assert "special educational needs" in found[0].description.lower()
    assert "senco: special educational needs coordinator" in response.content.decode().lower()

    _response, found = _search(client, q="AMHP")
    assert "approved mental health professional" in (found[0].name + found[0].description).lower()

    _response, found = _search(client, q="help with gambling")
    assert all("gambl" in (s.name + s.description).lower() for s in found[:3])

    response, found = _search(client, q="day centre near Aylsham")
    page = response.content.decode()
    assert "Showing results near Aylsham (within 10 miles)" in page
    assert "day centre" in (found[0].name + found[0].description).lower()
    assert "miles away" in page
    for row in response.context["rows"]:
        assert row["distance"] == "Covers this area" or float(row["distance"].split()[0]) <= 10

    _response, found = _search(client, q="bereavment")
    assert found and all("bereave" in (s.name + s.description).lower() for s in found[:3])

    response, found = _search(client, q="youth club for a 15 year old")
    assert "Showing services for someone aged 15" in response.content.decode()
    assert found and "youth" in found[0].name.lower()
    assert all((s.minimum_age or 0) <= 15 <= (s.maximum_age or 200) for s in found)
    assert all(s.status == "active" for s in found)
