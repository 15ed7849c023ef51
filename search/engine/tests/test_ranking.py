"""How results are ordered (search/engine/ranking.py), the same on Elasticsearch and the database."""

import pytest

from search.engine import ServiceQuery, ranking, search_services, text
from search.engine.tests.conftest import make_service


def names(results):
    from search.models import Service

    by_id = {str(pk): name for pk, name in Service.objects.values_list("pk", "name")}
    return [by_id[str(h.service_id)] for h in results.hits]


@pytest.mark.parametrize(
    "asked, service, fits",
    [
        ((17, 17), (16, 25), True),
        ((17, 17), (None, 18), True),  # a children's service fits a child
        ((17, 17), (None, None), False),  # open to everybody
        ((80, 80), (65, None), True),  # services for older people
        ((80, 80), (18, None), False),  # any adult
        ((45, 45), (18, 65), False),  # any adult of working age
        ((65, None), (60, None), True),  # "older people" in the words
        ((13, 19), (11, 18), True),  # "teenagers"
        ((1, 4), (0, 25), True),  # a children's and young people's range (a family hub) fits a toddler
        ((1, 4), (0, 30), False),
    ],
)
def test_a_range_made_for_the_age_asked_fits_closely(asked, service, fits):
    assert ranking.age_fits(*asked, *service) is fits
    assert ranking.age_fit(*asked, *service) == (1.0 if fits else ranking.AGE_OTHER)
    assert ranking.age_fit(None, None, *service) == 1.0


@pytest.fixture
def befriending(db, engine):
    """Services whose words match equally well; only their ages differ."""
    for place, ages in (("Acle", (None, None)), ("Diss", (18, None)), ("Holt", (65, None)), ("Wymondham", (16, 25))):
        make_service(f"Befriending ({place})", "Befriending and short breaks: a friendly volunteer visits.", ages=ages)
    engine.reindex()


def test_a_service_made_for_the_age_asked_comes_before_one_open_to_all(befriending, engine):
    def first(**asked):
        return names(search_services(ServiceQuery(text="befriending", **asked)))[0]

    assert len(names(search_services(ServiceQuery(text="befriending")))) == 4
    assert first(min_age=80, max_age=80) == "Befriending (Holt)"
    assert first(min_age=17, max_age=17) == "Befriending (Wymondham)"
    # An age in the words counts the same as one asked for.
    older = names(search_services(ServiceQuery(text="befriending for my 80 year old mum", read_age_from_text=True)))
    assert older[0] == "Befriending (Holt)"


def test_the_shipped_model_loads_without_downloading_and_knows_meaning():
    from search.engine import semantic

    assert semantic.model() is not None
    gambling, football = semantic.similarities("help with gambling", ["Problem gambling support", "Walking football"])
    assert gambling > 0.5 > football


@pytest.mark.django_db
def test_among_equal_matches_the_one_that_means_what_was_asked_comes_first():
    from search.engine.query import understand

    criteria = understand(ServiceQuery(text="someone to talk to when feeling low"))
    candidates = [
        ("bus", 1.0, "Community minibus", "Door-to-door rides to the shops."),
        ("listening", 1.0, "Listening line", "Talk in confidence to a trained volunteer when you feel down or lonely."),
    ]
    assert ranking.rerank(criteria, candidates) == ["listening", "bus"]


@pytest.mark.django_db
def test_without_the_model_the_order_is_by_words_alone(monkeypatch):
    from search.engine import semantic
    from search.engine.query import understand

    monkeypatch.setattr(semantic, "_state", {"loaded": True, "model": None})
    criteria = understand(ServiceQuery(text="someone to talk to when feeling low"))
    candidates = [("bus", 2.0, "Community minibus", ""), ("listening", 1.0, "Listening line", "Talk when you feel down.")]
    assert ranking.rerank(criteria, candidates) == ["bus", "listening"]


def test_words_near_each_other_in_order():
    assert ranking.near_in_order("peopl mental health crisi line", ("mental", "health", "crisi"))
    assert ranking.near_in_order("mental a health", ("mental", "health"))
    assert not ranking.near_in_order("mental a b c health", ("mental", "health"))
    assert not ranking.near_in_order("health mental", ("mental", "health"))



def test_a_listing_reviewed_long_ago_counts_a_little_less():
    from datetime import date

    today = date(2026, 12, 1)
    assert ranking.recency_fit(date(2026, 6, 1), today) == 1.0  # within the year: as it is
    assert ranking.recency_fit(None, today) == 1.0  # never reviewed: as it is
    two_years = ranking.recency_fit(date(2024, 12, 1), today)
    assert 1.0 - ranking.RECENCY_WEIGHT < two_years < 1.0
    assert ranking.recency_fit(date(2020, 1, 1), today) == pytest.approx(1.0 - ranking.RECENCY_WEIGHT, abs=1e-3)


def test_of_two_equal_listings_the_one_reviewed_lately_comes_first(db, engine):
    from datetime import date, timedelta

    for name, reviewed in (("Carers' cafe (Acle)", date.today() - timedelta(days=3 * 365)), ("Carers' cafe (Holt)", date.today() - timedelta(days=30))):
        service = make_service(name, "A monthly cafe for carers: cake, a chat and advice.")
        service.assured_date = reviewed
        service.save()
    engine.reindex()
    assert names(search_services(ServiceQuery(text="carers cafe"))) == ["Carers' cafe (Holt)", "Carers' cafe (Acle)"]


@pytest.mark.django_db
def test_the_model_reads_a_misspelt_word_as_the_matches_spell_it():
    from search.engine.query import understand

    criteria = understand(ServiceQuery(text="dementa cafe"))
    texts = ["Memory cafe: a dementia cafe for people living with dementia", "Walking football"]
    assert ranking.mended_spelling(criteria, texts) == {"dementa": "dementia"}
    assert ranking.semantic_query_text(criteria, texts).startswith("dementia cafe")
    # A word the matches hold is left as typed.
    assert ranking.mended_spelling(understand(ServiceQuery(text="football cafe")), texts) == {}


def test_a_misspelt_word_no_listing_holds_counts_nearly_as_if_spelt_right():
    """ "suported living for autistic adults": nobody writes "suported", so "supported" was meant,
    and the supported living service must come before the autistic adults' social group (a typo
    variant counted 0.6 of a word whatever it was, so the correctly spelt words' fields decided)."""

    def row(name, description):
        return {f: " " for f in ranking.FIELD_WEIGHTS} | {
            "name_terms": f" {' '.join(text.analyse(name))} ", "description_terms": f" {' '.join(text.analyse(description))} "}

    living = row("Oak Lodge supported living", "Supported living in shared houses.")
    social = row("Autistic adults social group", "A monthly social evening for autistic adults.")
    clauses = [[(("suport",), 1.0, False), (("support",), ranking.FUZZY_FACTOR, True)], [(("live",), 1.0, False)], [(("autist",), 1.0, False)], [(("adult",), 0.5, False)]]
    typed = ("suport", "live", "autist", "adult")

    def score(which, frequencies):
        return ranking.words_score(which, ranking.with_mended_typos(clauses, frequencies), typed, lambda _w: 1.0)[0]

    assert score(living, {}) > score(social, {})
    # A word some listing holds is taken as written: its variants keep the lower factor.
    assert score(living, {"suport": 3}) < score(social, {"suport": 3})


def test_near_a_place_a_venue_in_reach_comes_before_a_service_with_no_venue():
    """ "food bank near Aylsham": a county-wide phone line (no venue, so no distance) counted as if it
    stood in Aylsham, above a food bank three miles away. It now counts as one at the search's edge."""
    from types import SimpleNamespace

    from search.engine.scoring import METRES_PER_MILE

    criteria = SimpleNamespace(place=object(), decay_scale_m=5 * METRES_PER_MILE, min_age=None, max_age=None, group_ages=None)
    row = {"min_age": None, "max_age": None, "assured_date": None}

    def factor(miles):
        return ranking.rules_factor(criteria, row, None if miles is None else miles * METRES_PER_MILE)

    assert factor(0) > factor(3) > factor(None) > factor(8)
    assert factor(None) == pytest.approx(factor(5))


def test_a_two_word_glossary_expansion_counts_as_one_thing_on_both_backends(db, engine):
    """Elasticsearch's BM25 added up both words of "short breaks" (the glossary's "respite"), so a
    listing saying "short breaks" came before one saying "respite", the word typed; both backends
    now score their first matches with one formula, which averages a phrase's words."""
    # The shipped glossary has "respite": "short breaks", "respite care".
    make_service("Riverside respite house", "Overnight respite for adults.")
    make_service("Meadow short breaks", "Overnight short breaks for adults.")
    engine.reindex()
    assert names(search_services(ServiceQuery(text="respite")))[0] == "Riverside respite house"


def test_more_of_the_typed_words_in_order_in_the_name_counts_more():
    def row(name):
        return {f: " " for f in ranking.FIELD_WEIGHTS} | {"name_terms": f" {' '.join(text.analyse(name))} "}

    clauses = [[((w,), 1.0, False)] for w in ("support", "employ", "autism")]
    typed = ("support", "employ", "autism")

    def score(name):
        return ranking.words_score(row(name), clauses, typed, lambda _w: 1.0)[0]

    assert score("Supported employment for autism") > score("Supported employment for people with autism") > score("Autism: employment supported")


@pytest.mark.django_db
def test_the_age_fit_weighs_meaning_as_well_as_words():
    """A listing for adults that means "counselling" as much as the young people's one must not
    climb back above it through its meaning: the age fit (x0.5 here) weighs the whole blend."""
    from search.engine.query import understand

    criteria = understand(ServiceQuery(text="counselling for my 15 year old", read_age_from_text=True))
    candidates = [
        ("adults", 0.5, "Counselling for adults", "Counselling and talking therapy for adults."),
        ("youth", 0.9, "Youth hub", "Drop in for a chat with a youth worker."),
    ]
    assert ranking.rerank(criteria, candidates, {"adults": 0.5, "youth": 1.0}) == ["youth", "adults"]


def test_a_service_vector_kept_in_the_index_gives_the_similarity_the_text_gives():
    """Elasticsearch keeps each service's vector (half precision, worked out when it was indexed);
    the database fallback embeds the text: both read the same numbers."""
    from search.engine import semantic

    texts = [semantic.service_text("Problem gambling support", "Help for anyone whose gambling has got out of hand."), "Walking football"]
    stored = semantic.service_vectors(texts)
    assert all(len(s) == 684 for s in stored)
    semantic._vectors.clear()
    from_texts = semantic.similarities("help with gambling", texts)
    from_index = semantic.similarities("help with gambling", texts, [semantic.decode(s) for s in stored])
    assert list(from_index) == list(from_texts)
    assert semantic.decode("not a vector") is None


def test_elasticsearch_reorders_by_meaning_without_embedding_a_service_text(db, es_settings, monkeypatch):
    """The first matches come back with their vectors: a search embeds its own words (once: a
    repeat reads them from memory) and nothing else, and orders as the database fallback does."""
    from search.engine import semantic
    from search.engine.tests.conftest import Engine

    make_service("Community minibus", "Door-to-door rides to the shops, for anyone feeling low about getting out.")
    make_service("Listening line", "Talk in confidence to a trained volunteer when you feel down or lonely.")
    make_service("Lunch club", "A hot lunch and company for anyone feeling low or alone.")
    Engine("elasticsearch").reindex()
    model = semantic.model()
    embedded = []

    class Recording:
        def embed(self, texts, **options):
            embedded.extend(texts)
            return model.embed(texts, **options)

    monkeypatch.setattr(semantic, "_state", {"loaded": True, "model": Recording()})
    semantic._vectors.clear()
    semantic._queries.clear()
    query = ServiceQuery(text="feeling low")
    on_elasticsearch = names(search_services(query))
    assert len(on_elasticsearch) == 3
    assert len(embedded) == 1 and "feeling low" in embedded[0]
    search_services(query)
    assert len(embedded) == 1
    es_settings.ELASTICSEARCH_URL = ""
    assert names(search_services(query)) == on_elasticsearch


def test_word_counts_are_looked_up_once_until_entries_are_written(db, db_settings):
    """idf needs how many entries hold each word: a repeat search asks the database nothing for it,
    and a service written since is counted at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.engine import indexing

    make_service("Memory cafe", "A cafe for people living with dementia.")
    indexing.apply_pending()
    assert ranking.word_entries(["cafe", "dementia", "unheard"]) == {"cafe": 1, "dementia": 1}
    with CaptureQueriesContext(connection) as queries:
        assert ranking.word_frequencies(["cafe", "unheard"]) == (1, {"cafe": 1})
    assert len(queries) == 0
    make_service("Carers cafe", "A cafe for carers.")
    indexing.apply_pending()
    assert ranking.word_frequencies(["cafe"]) == (2, {"cafe": 2})


class _Speller:
    """The directory's written words, as searching.DirectoryWords gives them."""

    written = {"occupational": 4, "occupation": 1, "food": 9, "bank": 3, "foo": 1, "dbank": 0, "teenage": 2}

    def entries(self, words):
        return {w: self.written[w] for w in words if self.written.get(w)}

    def variants(self, words):
        return {
            w: [(k, text.edit_distance(w, k, 2), n) for k, n in self.written.items() if n and text.edit_distance(w, k, 2) <= 2]
            for w in words
        }


def test_a_word_no_service_writes_is_read_as_the_nearest_written_word_or_two_run_together():
    from search.engine.query import mended_words

    speller = _Speller()
    assert mended_words("occupaitonal therapy", speller) == {"occupaitonal": "occupational"}
    assert mended_words("foodbank near me", speller) == {"foodbank": "food bank"}
    # Words the vocabulary knows are left as typed (an age group, a glossary term).
    assert mended_words("teenagr", speller, keep={"teenagr"}) == {}
    assert mended_words("occupational", speller) == {}


@pytest.mark.django_db
def test_an_everyday_need_named_only_by_the_age_words_counts_as_they_do():
    """"pensioner" names the everyday need "Older relative" (older people, later life...): that
    must not outrank the need asked about ("bills"), or every older people's service comes first."""
    from search.engine.query import understand

    def weights(words):
        criteria = understand(ServiceQuery(text=words, read_age_from_text=True))
        return {c.original: c.weight for c in criteria.prepared.clauses if c.from_everyday}

    assert weights("help for a pensioner with bills")["Older relative"] < 1.0
    # A phrase of the need's own words with the age in it still counts in full.
    assert weights("activities for teenagers")["Things for teenagers to do"] == 1.5
