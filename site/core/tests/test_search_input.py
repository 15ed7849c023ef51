"""The guidance page search and the directory search answer any text typed, never with a 500."""

import pytest

# The pages and people are only read: built once for the module (conftest.shared_site).
pytestmark = pytest.mark.usefixtures("shared_site")

ODD_QUERIES = ["\x00", "care\x00plan", '"unmatched', "'", 'a "b', "(", "*", "AND", "OR NOT", "-", "ünïcödé ✓", "x" * 5000]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_the_guidance_search_answers_any_text(site_pages, people, client_for, query):
    response = client_for(people["worker"]).get("/search/", {"q": query, "page": query})
    assert response.status_code == 200


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_the_directory_search_answers_any_text(site_pages, people, client_for, query):
    c = client_for(people["worker"])
    for params in ({"q": query}, {"q": query, "page": query}, {"postcode": query}, {"q": "x", "sort": query, "radius": query}):
        response = c.get("/directory/", params)
        assert response.status_code in (200, 400), params
    assert c.get("/directory/suggest/", {"q": query}).status_code in (200, 400)
