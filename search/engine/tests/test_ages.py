"""Ages read from the words of a search (search/engine/ages.py) and how they filter and order."""

import pytest

from search.engine import ServiceQuery, ranking, search_services
from search.engine.ages import read_age
from search.engine.tests.conftest import make_service


@pytest.mark.parametrize(
    "words, low, high, firm, rest",
    [
        ("befriending for my 80 year old mum", 80, 80, True, "befriending"),
        ("my son is 14 and won't go to school", 14, 14, True, "and won't go to school"),
        ("counselling for my daughter who is 15", 15, 15, True, "counselling for"),
        ("mental health support for a 16-year-old", 16, 16, True, "mental health support"),
        ("a five year old with autism", 5, 5, True, "with autism"),
        ("dementia support for my dad in his 70s", 70, 79, True, "dementia support"),
        ("young adults 16-25 housing", 16, 25, True, "young adults housing"),
        ("jobs for people aged between 16 and 25", 16, 25, True, "jobs for people"),
        ("lunch club over 65", 65, None, True, "lunch club"),
        ("over-65s exercise", 65, None, True, "exercise"),
        ("18+ social group", 18, None, True, "social group"),
        ("under 5s stay and play", 0, 4, True, "stay and play"),
        ("activities for under-18s", 0, 17, True, "activities for"),
        ("toddler group", 1, 4, True, "toddler group"),
        ("club for teenagers", 13, 19, True, "club for teenagers"),
        ("pensioner lunch club", 65, None, True, "pensioner lunch club"),
        ("support for older people", 65, None, True, "support for older people"),
        # Broad groups, and groups named as someone else's children, only order the results.
        ("holiday activities for disabled children", 0, 17, False, "holiday activities for disabled children"),
        ("group for parents of toddlers", 1, 4, False, "group for parents of toddlers"),
    ],
)
def test_an_age_is_read_from_the_words_as_a_person_would_read_it(words, low, high, firm, rest):
    asked = read_age(words)
    assert (asked.low, asked.high, asked.firm, asked.rest) == (low, high, firm, rest)


@pytest.mark.parametrize(
    "words",
    ["caring for my dad for over 5 years", "1-2-1 support", "24-7 crisis line", "2-3 times a week", "open 9-5", "debt advice", "over 100 miles away"],
)
def test_numbers_that_are_not_ages_are_left_alone(words):
    assert read_age(words) is None


@pytest.mark.parametrize(
    "asked, service, factor",
    [
        ((14, 14), (11, 18), 1.0),  # made for about that age
        ((14, 14), (None, None), ranking.AGE_OTHER),  # no ages stated: kept, never above one that fits
        ((0, 17), (18, None), ranking.AGE_APART),  # out of the range asked (only possible for a broad group)
        ((80, 80), (65, None), 1.0),
    ],
)
def test_the_age_factor(asked, service, factor):
    assert ranking.age_fit(*asked, *service) == factor


def test_a_broad_group_only_says_who_is_out_of_scope():
    assert ranking.age_fit(18, None, None, None, broad=True) == 1.0  # "for adults": any adult service
    assert ranking.age_fit(18, None, 18, 30, broad=True) == 1.0
    assert ranking.age_fit(18, None, 0, 17, broad=True) == ranking.AGE_APART


@pytest.fixture
def youth_and_adult_clubs(db, engine):
    for name, ages in (
        ("Youth drop-in club (11-18)", (11, 18)),
        ("Community drop-in club", (None, None)),
        ("Adults' drop-in club", (18, None)),
        ("Little ones' drop-in club", (0, 5)),
    ):
        make_service(name, "A friendly weekly drop-in club with games and a hot drink.", ages=ages)
    engine.reindex()


def _names(results):
    from search.models import Service

    by_id = {str(pk): name for pk, name in Service.objects.values_list("pk", "name")}
    return [by_id[str(h.service_id)] for h in results.hits]


def test_an_age_in_the_words_filters_and_a_service_stating_no_ages_stays_below_those_that_fit(youth_and_adult_clubs, engine):
    results = search_services(ServiceQuery(text="drop-in club my son is 14", read_age_from_text=True))
    assert _names(results) == ["Youth drop-in club (11-18)", "Community drop-in club"]
    assert results.age_from_text == 14


def test_a_broad_group_orders_but_leaves_nobody_out(youth_and_adult_clubs, engine):
    results = search_services(ServiceQuery(text="drop-in club for children", read_age_from_text=True))
    found = _names(results)
    assert len(found) == 4
    assert found[-1] == "Adults' drop-in club"  # its range does not reach children at all
