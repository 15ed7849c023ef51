"""The glossary ships with the product, and upgrades never overwrite a practice lead's edits."""

import json

import pytest
from django.apps import apps as django_apps

from search.engine import ServiceQuery, search_services, shipped, text
from search.engine.models import GlossaryTerm
from search.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_a_fresh_install_has_the_standard_glossary():
    shipped_terms = GlossaryTerm.objects.filter(source="shipped")
    assert shipped_terms.count() > 150
    for term in ("AMHP", "SENCO", "EHCP", "CHC", "DoLS", "LPS", "MCA", "IAPT", "PIP", "UC", "DLA", "ESA", "CAMHS", "CMHT", "DFG", "OT"):
        assert shipped_terms.filter(term=term).exists(), term
    assert "approved mental health professional" in GlossaryTerm.objects.get(term="AMHP").expansion_list()


def _sync(items):
    return shipped.sync(GlossaryTerm, items, "term", ("expansions",))


def test_an_upgrade_updates_untouched_shipped_terms_and_adds_new_ones():
    counts = _sync([
        {"term": "AMHP", "expansions": ["approved mental health professional", "AMHP service"]},
        {"term": "ZZTOP", "expansions": ["a newly shipped term"]},
    ])
    assert counts["added"] == 1 and counts["updated"] == 1
    assert GlossaryTerm.objects.get(term="AMHP").expansion_list()[-1] == "AMHP service"
    assert GlossaryTerm.objects.get(term="ZZTOP").source == "shipped"


def test_an_upgrade_never_overwrites_a_local_edit_a_local_term_or_a_term_switched_off():
    edited = GlossaryTerm.objects.get(term="SENCO")
    edited.expansions = "special educational needs coordinator\nour inclusion lead"
    edited.save()
    assert edited.edited_locally
    switched_off = GlossaryTerm.objects.get(term="DA")
    switched_off.in_use = False
    switched_off.save()
    GlossaryTerm.objects.create(term="WRAP", expansions="wellness recovery action plan")

    counts = _sync([
        {"term": "SENCO", "expansions": ["something else entirely"]},
        {"term": "DA", "expansions": ["domestic abuse", "domestic violence"]},
        {"term": "wrap", "expansions": ["a shipped meaning"]},
    ])

    assert counts["kept_local"] == 2
    assert GlossaryTerm.objects.get(term="SENCO").expansion_list() == ["special educational needs coordinator", "our inclusion lead"]
    assert GlossaryTerm.objects.get(term="WRAP").expansion_list() == ["wellness recovery action plan"]
    da = GlossaryTerm.objects.get(term="DA")
    assert da.in_use is False  # the update applies, the choice to switch it off stays
    assert "domestic violence" in da.expansion_list()


def test_the_shipped_file_is_the_one_the_migration_loads():
    items = json.loads(shipped.GLOSSARY_FILE.read_text(encoding="utf-8"))
    counts = shipped.sync_glossary(django_apps)
    assert counts == {"added": 0, "updated": 0, "kept_local": 0}
    assert GlossaryTerm.objects.filter(source="shipped").count() == len(items)


def test_abbreviations_find_services_on_a_fresh_install(engine):
    coordinator = ServiceFactory(
        name="Inclusion drop-in", description="Ask our special educational needs coordinator about support at school."
    )
    ServiceFactory(name="Allotment club", description="Grow vegetables with neighbours.")
    engine.reindex()
    results = search_services(ServiceQuery(text="SENCO"))
    assert [h.service_id for h in results.hits] == [str(coordinator.pk)]


@pytest.mark.parametrize(
    "typed, name, description",
    [
        ("CAMHS", "Clear Space", "Free youth counselling for anyone aged 11 to 25 struggling with low mood."),
        ("UC help", "Welfare rights line", "Benefits advice: we check what you can claim and help with forms."),
    ],
)
def test_an_abbreviation_finds_services_using_neither_it_nor_its_expansion(engine, typed, name, description):
    """Many listings never write the abbreviation or its expansion ("CAMHS", "Universal Credit"):
    the shipped everyday words link it to the words such services use."""
    service = ServiceFactory(name=name, description=description)
    ServiceFactory(name="Allotment club", description="Grow vegetables with neighbours.")
    engine.reindex()
    assert [h.service_id for h in search_services(ServiceQuery(text=typed)).hits] == [str(service.pk)]


def test_a_term_switched_off_no_longer_widens_searches(engine):
    ServiceFactory(name="Inclusion drop-in", description="Ask our special educational needs coordinator about support at school.")
    engine.reindex()
    GlossaryTerm.objects.filter(term="SENCO").update(in_use=False)
    assert search_services(ServiceQuery(text="SENCO")).total == 0


def test_everyday_words_ship_too_and_lead_to_service_words(engine):
    from search.engine.models import EverydayPhrase

    assert EverydayPhrase.objects.filter(source="shipped").count() >= 50
    advice = ServiceFactory(name="Tenancy sustainment", description="Housing advice if you have rent arrears or a notice from your landlord.")
    ServiceFactory(name="Pay-as-you-feel cafe", description="Pay what you can for lunch.")
    engine.reindex()
    results = search_services(ServiceQuery(text="I can't pay the rent"))
    assert results.hits[0].service_id == str(advice.pk)
    assert any("rent arrears" in label for label in results.expansions)  # the page says what it also searched


def test_everyday_words_go_one_way_and_a_lead_can_switch_them_off(engine):
    from search.engine.models import EverydayPhrase

    ServiceFactory(name="Falls prevention classes", description="Strength and balance for older people.")
    ServiceFactory(name="Parachute club", description="Jump with us: we teach how to land after falling.")
    engine.reindex()
    # "falls prevention" is a service word: it does not search the everyday "keeps falling".
    assert [h.service_id for h in search_services(ServiceQuery(text="falls prevention")).hits][:1] != []
    first = search_services(ServiceQuery(text="my mum keeps falling")).hits[0]
    assert first.service_id == str(ServiceFactory._meta.model.objects.get(name="Falls prevention classes").pk)
    assert any("strength and balance" in label for label in search_services(ServiceQuery(text="my mum keeps falling")).expansions)
    EverydayPhrase.objects.filter(need="Falls").update(in_use=False)
    assert not any("strength and balance" in label for label in search_services(ServiceQuery(text="my mum keeps falling")).expansions)


def test_the_second_release_of_words_covers_more_needs_and_terms():
    """Common ways of asking that found nothing useful before: everyday needs (home from hospital,
    kinship care, childcare...) and UK abbreviations (JCP, SLD, EHCNA) now lead to service words."""
    from search.engine import everyday
    from search.engine.vocabulary import current_glossary

    def needs(question):
        return {c.original for c in everyday.current().clauses_for(question)}

    assert needs("help for mum coming out of hospital") == {"Coming home from hospital"}
    assert needs("raising my grandchildren") == {"Raising a relative's child"}
    assert needs("free hours childcare for my 3 year old") == {"Childcare"}
    glossary = current_glossary()
    for term, expansion in (("JCP", ("jobcentr", "plus")), ("SLD", ("sever", "learn", "disabl")), ("EHCNA", ("ehc", "need", "assess"))):
        alternatives = text.prepare_query(term, glossary).clauses[0].alternatives
        assert expansion in alternatives, term
