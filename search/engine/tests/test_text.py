"""The text analysis both backends share."""

import pytest

from search.engine import text


def test_analysis_folds_stems_and_drops_stop_words():
    assert text.analyse("Café for Carers' Respite") == ["cafe", "carer", "respit"]
    assert text.analyse("learning disabilities") == text.analyse("Learning Disability")
    assert text.analyse("the and of") == []


@pytest.mark.parametrize(
    "query, rest, age",
    [
        ("respite for a 17 year old near Redditch", "respite for a   near Redditch", 17),
        ("support aged 9", "support", 9),
        ("16-year-old housing", "housing", 16),
        ("short breaks 16-25", "short breaks 16-25", None),
        ("a 500 year old tree", "a 500 year old tree", None),
    ],
)
def test_an_age_is_read_from_the_words(query, rest, age):
    remaining, found = text.extract_age(query)
    assert found == age
    assert remaining.split() == rest.split()


def test_glossary_expands_both_ways_longest_phrase_first():
    glossary = text.build_glossary(
        [("SEN", ["special educational needs"]), ("SEND", ["special educational needs and disabilities"]), ("LD", ["learning disability"])]
    )
    ld = text.prepare_query("LD day centre", glossary)
    assert ld.clauses[0].alternatives == (("ld",), ("learn", "disabl"), ("lds",))
    assert [c.original for c in ld.clauses] == ["ld", "day", "centre"]
    words = text.prepare_query("learning disabilities", glossary)
    assert words.clauses[0].alternatives == (("learn", "disabl"), ("ld",), ("lds",))
    send = text.prepare_query("special educational needs and disabilities advice", glossary)
    assert send.clauses[0].alternatives[1] == ("send",)


def test_an_abbreviations_plural_is_the_abbreviation():
    """The stemmer leaves "DPs" as it is; "DPs" must still find direct payments, and "DP" a
    listing that writes "DPs"."""
    glossary = text.build_glossary([("DP", ["direct payments"]), ("GP", ["general practitioner"])])
    assert text.prepare_query("DPs", glossary).clauses[0].alternatives == (("dps",), ("dp",), ("direct", "payment"))
    assert ("dps",) in text.prepare_query("DP", glossary).clauses[0].alternatives
    assert text.prepare_query("GPs surgery", glossary).clauses[0].original == "gps"


def test_one_letter_glossary_forms_are_ignored():
    glossary = text.build_glossary([("A&E", ["accident and emergency"])])
    assert text.prepare_query("e", glossary).clauses[0].alternatives == (("e",),)


def test_query_noise_words_are_dropped():
    assert [c.original for c in text.prepare_query("someone near Pershore", None).clauses] == ["pershore"]
    # Who the search is for says nothing about the service ("my" would match "My Time carers' group").
    assert [c.original for c in text.prepare_query("stay and play for my toddler", None).clauses] == ["stay", "play", "toddler"]


def test_an_everyday_phrase_matches_whoever_it_is_for():
    from search.engine import everyday

    vocabulary = everyday.build([
        ("Things for teenagers to do", ["things to do for my teenager"], ["youth club"]),
        ("Loneliness", ["on my own"], ["befriending"]),
    ])
    assert [c.original for c in vocabulary.clauses_for("things to do for a teenager with autism")] == ["Things for teenagers to do"]
    # A phrase that would shrink to one word keeps its person: "own" alone is not lonely.
    assert vocabulary.clauses_for("own front door") == []
    assert [c.original for c in vocabulary.clauses_for("I live on my own")] == ["Loneliness"]


@pytest.mark.parametrize(
    "a, b, distance",
    [("respit", "respit", 0), ("advocasi", "advocaci", 1), ("shrot", "short", 1), ("dementa", "dementia", 1), ("abc", "xyz", 3)],
)
def test_edit_distance_counts_a_swap_once(a, b, distance):
    assert text.edit_distance(a, b, 2) == min(distance, 3)


def test_fuzzy_matches_follow_elasticsearch_auto_fuzziness():
    vocabulary = ["respit", "respond", "carer", "care", "ld"]
    assert [w for w, _ in text.fuzzy_matches("respot", vocabulary)] == ["respit", "respond"]  # 1 and 2 edits
    assert text.fuzzy_matches("lb", vocabulary) == []  # two letters: exact only
    assert {w for w, _ in text.fuzzy_matches("carr", vocabulary)} == {"carer", "care"}
    assert text.fuzzy_matches("kespit", vocabulary) == []
    assert [w for w, _ in text.fuzzy_matches("kespit", vocabulary, same_first_letter=False)] == ["respit"]


def test_highlight_marks_words_by_stem_and_escapes_the_rest():
    html = text.highlight("Tea & <b>chat</b> for carers", {"carer", "chat"})
    assert html == "Tea &amp; &lt;b&gt;<mark>chat</mark>&lt;/b&gt; for <mark>carers</mark>"
    assert text.highlight("Nothing here", {"carer"}) is None


def test_highlight_fragment_shows_the_first_match_with_ellipses():
    description = "Lots of words before. " * 20 + "Respite at weekends. " + "More words after. " * 20
    fragment = text.highlight(description, {"respit"}, fragment=120)
    assert fragment.startswith("…") and fragment.endswith("…")
    assert "<mark>Respite</mark>" in fragment
    assert len(fragment) < 200


def test_searches_from_several_threads_at_once_stem_every_word_as_one_thread_does():
    """The directory serves many searches at once (gunicorn threads). A Snowball stemmer keeps its
    cursor on the object, so one shared between threads raised IndexError (a 500) now and then."""
    import itertools
    import sys
    import threading

    # Many different long words; the stem cache is emptied so it cannot hide the stemmer.
    letters = "bcdfghjklmnprstvwz"
    roots = ["".join(p) for p in itertools.product(letters, repeat=3)][:600]
    suffixes = ["ational", "ization", "fulness", "ements", "ingly", "ousness", "ivities"]
    queries = [" ".join(f"{root}{suffix}" for suffix in suffixes) for root in roots]
    expected = {q: [text.stem.__wrapped__(w) for w in text.words(q)] for q in queries[:50]}
    text.stem.cache_clear()
    failures, results = [], {}

    def search_many(batch):
        try:
            for query in batch:
                results[query] = [c.typed[0] for c in text.prepare_query(query, read_age=False).clauses]
        except Exception as error:  # the bug: IndexError in find_among_b
            failures.append(repr(error))

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # hand over between threads as often as possible
    try:
        threads = [threading.Thread(target=search_many, args=(queries[i::8],)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch)
    assert failures == []
    assert len(results) == len(queries)
    # Same answers as one thread alone: no word stemmed with another thread's letters.
    for query, stems in expected.items():
        assert results[query] == stems


def test_places_and_age_groups_are_read_from_the_words():
    from search.engine.ages import read_age_words
    from search.engine.places import build_gazetteer, read_place

    gazetteer = build_gazetteer(
        [("King's Lynn", 52.75, 0.40, "PE30 1AB"), ("Diss", 52.37, 1.10, "IP22 4AB"), ("Diss", 52.39, 1.12, "IP22 4XY")],
        {"PE30 1AB": {"E07000146"}},
    )
    found = read_place("food bank near Kings Lynn", gazetteer)
    assert found.place.label == "King's Lynn" and found.rest == "food bank" and found.place.area_codes == {"E07000146"}
    found = read_place("debt advice within 5 miles of Diss", gazetteer)
    assert (found.place.label, found.rest, found.radius_miles) == ("Diss", "debt advice", 5.0)
    assert found.place.latitude == pytest.approx(52.38)
    assert read_place("stay and play Diss", gazetteer).rest == "stay and play"
    # A town's name in the middle of the words, with no "near" or "in", is not taken as a place.
    assert read_place("diss track studio sessions", gazetteer) is None
    assert read_age_words("club for teenagers") == (13, 19, "teenagers")
    assert read_age_words("support for older people") == (65, None, "older people")
    assert read_age_words("debt advice") is None


@pytest.mark.django_db
def test_a_postcode_district_in_the_words_is_a_place():
    from search.engine.places import Gazetteer, read_place
    from search.tests.factories import PostcodeFactory

    PostcodeFactory(postcode="WR11 4RY", latitude=52.09, longitude=-1.95, district_code="E07000238")
    found = read_place("carers cafe near WR11", Gazetteer({}))
    assert (found.place.label, found.rest, found.radius_miles) == ("WR11", "carers cafe", 10.0)
    assert read_place("day centre within 3 miles of wr11", Gazetteer({})).radius_miles == 3.0
    # Only after "near", "in"... or as the last word, and only a district the postcode data knows.
    assert read_place("WR11 food bank", Gazetteer({})) is None
    assert read_place("vitamin injections near B12", Gazetteer({})) is None
