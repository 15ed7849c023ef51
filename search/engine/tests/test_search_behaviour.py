"""What searching finds, on Elasticsearch and on the database fallback alike."""

import pytest

from search.engine import PostcodeNotFound, ServiceQuery, search_services, suggest
from search.engine.models import GlossaryTerm


def names(results):
    from search.models import Service

    by_id = {str(pk): name for pk, name in Service.objects.values_list("pk", "name")}
    return [by_id[str(h.service_id)] for h in results.hits]


def find(**kwargs):
    return search_services(ServiceQuery(**kwargs))


def test_reports_which_backend_answered(indexed, engine):
    results = find(text="respite")
    assert results.backend == engine.name
    assert results.fallback_reason is None


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("respit", "Oakenshaw adult respite bungalow"),
        ("advocasy", "Independent Mental Capacity Advocacy service"),
        ("shrot breaks", "Needlewood House overnight short breaks"),  # letters swapped
        ("bungalo", "Oakenshaw adult respite bungalow"),
    ],
)
def test_typos_still_find_the_service(indexed, engine, typed, expected):
    assert expected in names(find(text=typed))[:3]


@pytest.mark.parametrize(
    "typed",
    [
        "gardenign",  # stems to "gardenign", which no typo allowance takes to "garden"
        "dayservice",  # two words run together
    ],
)
def test_misspelt_words_are_read_as_the_directorys_own_words(indexed, engine, typed):
    assert names(find(text=typed))[:1] == ["Aston Fields LD hub"]


def test_abbreviation_finds_the_words_it_stands_for(indexed, engine):
    found = names(find(text="LD"))
    # "LD" in the name, and "learning disability"/"learning disabilities" in descriptions.
    assert {"Aston Fields LD hub", "Needlewood House overnight short breaks", "Oakenshaw adult respite bungalow"} <= set(found)


def test_words_find_the_abbreviation(indexed, engine):
    assert "Aston Fields LD hub" in names(find(text="learning disability day service"))[:2]
    assert names(find(text="positive behaviour support"))[0] == "Family PBS support"
    assert names(find(text="IMCA"))[0] == "Independent Mental Capacity Advocacy service"


def test_glossary_edits_apply_at_once_without_reindexing(indexed, engine):
    assert find(text="kip").total == 0
    GlossaryTerm.objects.create(term="kip", expansions="overnight")
    assert names(find(text="kip")) == ["Needlewood House overnight short breaks"]


def test_typed_words_the_glossary_knows_as_one_thing_may_stand_in_different_fields(indexed, engine):
    """Typed, "gardening opportunities" is one glossary phrase; the hub says "gardening" in its
    description and "opportunities" in its category: still a match, as the two words were before."""
    GlossaryTerm.objects.create(term="GOP", expansions="gardening opportunities")
    assert names(find(text="gardening opportunities")) == ["Aston Fields LD hub"]


def test_accents_and_apostrophes_are_ignored(indexed, engine):
    assert names(find(text="cafe"))[0] == "Evesham café for carers"
    assert names(find(text="carer's café"))[0] == "Evesham café for carers"


def test_inactive_and_defunct_services_are_never_returned(indexed, engine):
    found = names(find(text="respite", per_page=50))
    assert "Oakenshaw adult respite bungalow" in found
    assert "Matchborough respite house" not in found
    assert "Saturday respite club" not in found
    assert "Matchborough respite house" not in names(find(sort="name", per_page=50))


def test_age_range_overlaps_and_no_limit_matches_any_age(indexed, engine):
    seventeen = set(names(find(text="respite short breaks advocacy PBS", min_age=17, max_age=17, per_page=50)))
    assert "Needlewood House overnight short breaks" in seventeen  # 8 to 18
    assert "Family PBS support" in seventeen  # up to 17
    assert "Independent Mental Capacity Advocacy service" in seventeen  # no age limit
    assert "Oakenshaw adult respite bungalow" not in seventeen  # 18 and over
    adult = set(names(find(text="respite short breaks advocacy PBS", min_age=25, max_age=25, per_page=50)))
    assert "Oakenshaw adult respite bungalow" in adult
    assert "Needlewood House overnight short breaks" not in adult
    assert "Family PBS support" not in adult
    # A range overlapping 18 reaches the adult service too.
    assert "Oakenshaw adult respite bungalow" in names(find(text="respite", min_age=17, max_age=18))


def test_age_in_the_words_becomes_an_age_filter_on_the_search_page(indexed, engine):
    results = find(text="respite for a 17 year old", read_age_from_text=True)
    assert results.age_from_text == 17
    assert "Oakenshaw adult respite bungalow" not in names(results)
    assert "Needlewood House overnight short breaks" in names(results)


def test_radius_from_a_postcode_with_distances(indexed, engine):
    results = find(text="respite short breaks day service advocacy", postcode="b974dn", radius_miles=3, per_page=50)
    found = names(results)
    assert "Needlewood House overnight short breaks" in found
    assert "Oakenshaw adult respite bungalow" in found
    assert "Aston Fields LD hub" not in found  # Bromsgrove, about 5 miles away
    # No venue, but it serves the whole county the postcode is in.
    assert "Independent Mental Capacity Advocacy service" in found
    by_name = dict(zip(found, results.hits, strict=True))
    assert 1500 < by_name["Needlewood House overnight short breaks"].distance_m < 2500
    assert by_name["Independent Mental Capacity Advocacy service"].distance_m is None
    assert results.place_label == "B97 4DN"
    wider = names(find(text="day service", postcode="B97 4DN", radius_miles=10))
    assert "Aston Fields LD hub" in wider


def test_nearest_first(indexed, engine):
    results = find(postcode="B97", sort="distance", per_page=50)
    distances = [h.distance_m for h in results.hits if h.distance_m is not None]
    assert len(distances) >= 4
    assert distances == sorted(distances)
    assert names(results)[0] == "Oakenshaw adult respite bungalow"
    assert results.hits[-1].distance_m is None  # services without a venue come last


def test_unknown_postcode_is_an_error_not_an_empty_list(indexed, engine):
    with pytest.raises(PostcodeNotFound):
        find(text="respite", postcode="ZZ99 9ZZ")


def test_filters_and_their_counts(indexed, engine):
    respite = str(indexed["terms"]["respite"].pk)
    results = find(text="respite short breaks advocacy day", per_page=50)
    counts = {label: count for _value, label, count in results.facets["taxonomy_term"]}
    assert counts["Respite and short breaks"] == 2  # not the inactive or defunct ones
    assert counts["Advocacy"] == 1
    filtered = find(text="respite short breaks advocacy day", taxonomy_term_ids=[respite], per_page=50)
    assert set(names(filtered)) == {"Needlewood House overnight short breaks", "Oakenshaw adult respite bungalow"}
    # Other categories still show what choosing them as well would add.
    assert {label for _v, label, _c in filtered.facets["taxonomy_term"]} >= {"Advocacy", "Respite and short breaks"}
    free = find(text="respite short breaks advocacy day", free_only=True, per_page=50)
    assert set(names(free)) == {"Needlewood House overnight short breaks", "Independent Mental Capacity Advocacy service"}
    assert results.facets["free"][0][2] == 2
    areas = find(text="advocacy respite", service_areas=["Worcestershire"])
    assert names(areas) == ["Independent Mental Capacity Advocacy service"]
    step_free = find(text="respite advocacy", accessibility=["Step-free entrance."], per_page=50)
    assert "Independent Mental Capacity Advocacy service" not in names(step_free)
    assert "Oakenshaw adult respite bungalow" in names(step_free)


def test_opening_days(indexed, engine):
    assert names(find(text="respite short breaks", day="FR")) == ["Needlewood House overnight short breaks"]
    assert names(find(text="respite short breaks", day="monday")) == ["Oakenshaw adult respite bungalow"]
    assert find(text="respite short breaks", day="TU", start_time="18:00", end_time="20:00").total == 0
    with pytest.raises(ValueError):
        find(text="respite", day="Someday")


def test_did_you_mean_when_nothing_is_found(indexed, engine):
    results = find(text="xespite")  # a wrong first letter is beyond typo tolerance
    assert results.total == 0
    assert results.suggestion == "respite"


def test_matched_words_are_highlighted_and_everything_else_escaped(indexed, engine):
    from search.tests.factories import ServiceFactory

    ServiceFactory(name="Tea & <b>talk</b> respite group", description="<script>alert(1)</script> Respite with tea.")
    engine.reindex()
    hit = next(h for h in find(text="respite", per_page=50).hits if "talk" in h.highlights.get("name", [""])[0])
    assert hit.highlights["name"] == ["Tea &amp; &lt;b&gt;talk&lt;/b&gt; <mark>respite</mark> group"]
    assert "&lt;script&gt;" in hit.highlights["description"][0]
    assert "<mark>Respite</mark>" in hit.highlights["description"][0]


def test_highlights_mark_stems_and_glossary_words(indexed, engine):
    hit = find(text="LD").hits
    marked = " ".join(h.highlights.get("description", [""])[0] for h in hit)
    assert "<mark>learning</mark> <mark>disabilities</mark>" in marked


def test_pages(indexed, engine):
    first = find(sort="name", per_page=2, page=1)
    second = find(sort="name", per_page=2, page=2)
    assert first.total == second.total == 6
    assert len(first.hits) == len(second.hits) == 2
    assert not {h.service_id for h in first.hits} & {h.service_id for h in second.hits}
    beyond = find(sort="name", per_page=2, page=99)
    assert beyond.hits == [] and beyond.total == 6


def test_suggestions_as_you_type(indexed, engine):
    assert "Oakenshaw adult respite bungalow" in suggest("oaken")
    assert any("short breaks" in s.lower() for s in suggest("short"))
    assert "IMCA" in suggest("imc")  # glossary terms too
    assert suggest("x") == []


def test_empty_query_lists_everything_listed_by_name(indexed, engine):
    results = find(per_page=50)
    assert results.total == 6
    assert names(results) == sorted(names(results), key=str.lower)
