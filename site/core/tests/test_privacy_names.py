"""Names out of the box: common UK names in a person's context, configured names anywhere."""

import pytest

from core.privacy import find_identifiers
from core.privacy.names import common_first_names, common_surnames


def names(text, configured=()):
    return [f.text for f in find_identifiers(text, configured) if f.kind == "name"]


def test_the_shipped_lists_hold_several_hundred_names_each():
    assert len(common_first_names()) >= 300 and len(common_surnames()) >= 300


@pytest.mark.parametrize(("text", "expected"), [
    ("Visited Mary Jones at home.", ["Mary Jones"]),
    ("Met Mr Patel and his daughter.", ["Mr Patel"]),
    ("Mrs O'Brien has not slept since the fall.", ["Mrs O'Brien"]),
    ("Father, Mohammed Rahman, works nights.", ["Mohammed Rahman"]),
    ("I spoke to Sarah about the move.", ["Sarah"]),
    ("Holly, the youngest, was unwell.", ["Holly"]),
    ("The foster carers, Mr and Mrs Hall, are approved.", ["Mrs Hall"]),
    ("Allocation of the new referral for the Khan family.", ["Khan"]),
])
def test_names_in_a_persons_context_are_flagged(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "Will the family manage the evening calls?",
    "Grace period for the claim ends on Friday.",
    "In May we agreed to revisit the plan.",
    "May Day bank holiday moves the panel.",
    "The Team Manager approved the funding on Tuesday.",
    "Victoria Street office is closed over Christmas.",
    "St Mary's Hospital discharge team rang.",
    "Queen Elizabeth Hospital asked for the assessment.",
    "Hope is hard to hold on to; Faith groups offered a warm space.",
    "The Independent Reviewing Officer raised drift; the Principal Social Worker agreed.",
    "Learning from the Birmingham Safeguarding Children Partnership review.",
])
def test_ordinary_capitalised_words_are_not_names(text):
    assert names(text) == []


def test_configured_names_are_flagged_anywhere_in_any_case():
    assert names("met kai at the hub and Kai's mum", configured=["Kai"]) == ["kai", "Kai"]
    assert names("Zebedee came", configured=["Zebedee"]) == ["Zebedee"]
