"""The identifier check reads a text once per process: a log page shown again (its earlier versions
checked each time) does not pay for the check again, and a change of names is never answered from
what was found before."""

import pytest

from core.models import IdentifierName
from core.privacy import check_text, configured
from core.privacy.names import _configured_pattern

pytestmark = pytest.mark.django_db


@pytest.fixture
def checks(monkeypatch):
    """Counts the texts the check actually reads."""
    read = []
    real = configured.find_identifiers

    def counting(text, names=(), **kwargs):
        read.append(text)
        return real(text, names, **kwargs)

    monkeypatch.setattr(configured, "find_identifiers", counting)
    return read


def test_a_text_checked_again_is_not_read_again_and_finds_the_same(checks):
    text = "Visited Mrs Okafor at home; her DOB is 03/04/1950 and her phone 07700 900123."
    first = check_text(text)
    again = check_text(text)
    assert [f.kind for f in first] == ["name", "date_of_birth", "phone"]
    assert again == first and again is not first  # each caller gets its own list
    assert checks == [text]
    check_text(text + " ")
    assert len(checks) == 2  # any change to the text is a new text


def test_a_name_added_by_a_practice_lead_is_found_in_a_text_checked_before(checks):
    text = "Spoke with Zebedee about the move."
    assert check_text(text) == []
    IdentifierName.objects.create(name="Zebedee")
    assert [f.text for f in check_text(text)] == ["Zebedee"]
    assert [f.text for f in check_text(text, names=[])] == []  # names given by the caller count too


def test_the_names_file_is_read_again_when_it_changes(settings, tmp_path, checks):
    names = tmp_path / "names.txt"
    names.write_text("Quillon\n")
    settings.IDENTIFIER_NAMES_FILE = str(names)
    text = "Quillon and Ysolde came to the review."
    assert [f.text for f in check_text(text)] == ["Quillon"]
    names.write_text("Quillon\nYsolde\n")
    assert [f.text for f in check_text(text)] == ["Quillon", "Ysolde"]


def test_the_configured_names_pattern_is_built_once_per_list():
    _configured_pattern.cache_clear()
    for _ in range(3):
        check_text("A note about Ottoline.", names=["Ottoline"])
        check_text("Another note about Ottoline.", names=["Ottoline"])
    assert _configured_pattern.cache_info().misses == 1
