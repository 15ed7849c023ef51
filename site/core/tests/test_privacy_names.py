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


# Names as other people write them: the rules added for texts the check was not tuned on.

@pytest.mark.parametrize(("text", "expected"), [
    ("his nan, Dot, does the school run", ["Dot"]),
    ("her cousin, Shanice, babysits sometimes", ["Shanice"]),
    ("Mum (Janet) says the school have not rung back.", ["Janet"]),
    ("Vytautas (dad) works away Mon-Fri.", ["Vytautas"]),
    ("Lorraine (step-mum) was defensive.", ["Lorraine"]),
    ("TM: Colette. Agreed to reduce caseload.", ["Colette"]),
    ("Mother: Zofka Brzęczek, 23.", ["Zofka Brzęczek"]),
    ("Father - Mr D. Okeke.", ["Mr D. Okeke"]),
    ("spoke to aunt Bernadette on the phone", ["Bernadette"]),
])
def test_a_name_next_to_a_relation_or_role_is_flagged(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "Present: SW, TM, Mum (SW) and the HV.",
    "I will ask his carer Monday morning.",
    "Her Dad Said it was fine.",
])
def test_a_relation_before_a_role_or_an_ordinary_word_is_not_a_name(text):
    assert names(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("hv to mrs patel today, c/o low mood", ["mrs patel"]),
    ("mr and mrs kowalczyk both at home", ["mr and mrs kowalczyk"]),
    ("spoke to kelly on the phone", ["kelly"]),
    ("visited with nathan (ssw), tom and his mum home", ["nathan", "tom"]),
])
def test_names_in_lower_case_are_flagged_next_to_a_persons_words(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "we will mark the file and sue nobody",
    "spoke to grace about it? no, with grace and patience",
    "give it max effort, said the manager",
    "the ms relapse was discussed",
])
def test_lower_case_everyday_words_are_not_names(text):
    assert names(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Jayden-Lee was not at school.", ["Jayden-Lee"]),
    ("Siân Griffiths, the health visitor, has concerns.", ["Siân Griffiths"]),
    ("Ms Dvořáková has asked for a female worker.", ["Ms Dvořáková"]),
    ("Mr Ó Súilleabháin asked that we spell his name correctly.", ["Mr Ó Súilleabháin"]),
    ("Zorbek said he was frightened.", ["Zorbek"]),
    ("The Okonjo family were not home.", ["Okonjo"]),
    ("visited the Murphys; house warm", ["Murphys"]),
    ("Grace said she wants to stay.", ["Grace"]),
    ("Summer (9) and Autumn (6) were both present.", ["Summer", "Autumn"]),
    ("Ivy, 88, is lonely since her husband died.", ["Ivy"]),
])
def test_double_accented_unlisted_and_word_like_names_in_a_persons_context(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "Joseph Rowntree Foundation report came up in supervision.",
    "Marie Curie nurses visit at night now.",
    "Jenny Wren Ward is on the third floor.",
    "King's Lynn is where the family come from.",
    "Housing said the repair is booked.",
    "The Traveller family moved on last week.",
    "Hope was her word for what she felt.",
    "Dot the i's on the referral form.",
])
def test_places_charities_services_and_words_stay_unflagged(text):
    assert names(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Will is a retired nurse.", ["Will"]),
    ("Grace is the youngest.", ["Grace"]),
    ("Bill is a lodger at the house.", ["Bill"]),
    ("Ray has capacity to decide where he lives.", ["Ray"]),
    ("Hope is a strong word here.", []),
    ("May is the month of the review.", []),
    ("Frank is a good word for the conversation.", []),
])
def test_a_word_like_name_said_to_be_a_person_is_flagged(text, expected):
    assert names(text) == expected
