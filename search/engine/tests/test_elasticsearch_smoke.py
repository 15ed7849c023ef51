"""The Elasticsearch CI runs can hold the directory's index: its analysis settings, a document, a search."""

import pytest

from search.engine import es
from search.engine.documents import es_source


@pytest.mark.elasticsearch
def test_index_with_the_project_analysis_settings_then_find_a_document(es_settings):
    client = es.client()
    name = es.create_index(es.new_index_name())
    client.indices.put_alias(index=name, name=es.alias_name())
    tokens = client.indices.analyze(index=name, analyzer="pc_shingles", text="short break overnight")["tokens"]
    assert [t["token"] for t in tokens] == ["short break", "break overnight"]
    doc = {
        "service_id": "00000000-0000-0000-0000-000000000001",
        "name": "Memory cafe",
        "name_sort": "memory cafe",
        "description": "A monthly cafe for people with memory problems.",
        "organisation": "Bluebell",
        "status": "active",
        "name_terms": "memori cafe",
        "taxonomy_terms": "dementia memori",
        "organisation_terms": "bluebel",
        "description_terms": "month cafe peopl memori problem",
        "place_terms": "malvern",
        "spelling": "memory cafe a monthly cafe for people with memory problems",
        "min_age": None,
        "max_age": None,
        "is_free": True,
        "taxonomy_term_ids": [("t1", "Dementia and memory")],
        "taxonomy_ids": [("x1", "Local offer")],
        "service_areas": ["Malvern Hills"],
        "area_codes": ["E07000235"],
        "accessibility": ["Lift to all floors."],
        "locations": [(52.11, -2.32)],
        "openings": [(1440 + 600, 1440 + 720)],
        "suggest": [{"input": ["Memory cafe"], "weight": 10}],
    }
    client.index(index=es.alias_name(), id=doc["service_id"], document=es_source(doc), refresh=True)
    fuzzy = client.search(index=es.alias_name(), query={"match": {"name_terms": {"query": "memroi", "fuzziness": "AUTO"}}})
    assert fuzzy["hits"]["total"]["value"] == 1
    near = client.search(
        index=es.alias_name(),
        query={"geo_distance": {"distance": "2km", "locations": {"lat": 52.115, "lon": -2.32}}},
    )
    assert near["hits"]["total"]["value"] == 1
    open_tuesday = client.search(index=es.alias_name(), query={"range": {"openings": {"gte": 1440 + 650, "lte": 1440 + 660, "relation": "intersects"}}})
    assert open_tuesday["hits"]["total"]["value"] == 1
    completion = client.search(index=es.alias_name(), suggest={"s": {"prefix": "memo", "completion": {"field": "suggest"}}})
    assert completion["suggest"]["s"][0]["options"][0]["text"] == "Memory cafe"
    spelling = client.search(index=es.alias_name(), suggest={"s": {"text": "memroy", "term": {"field": "spelling"}}})
    assert spelling["suggest"]["s"][0]["options"][0]["text"] == "memory"
