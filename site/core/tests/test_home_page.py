"""The home page ("My practice") is found without Wagtail's routing, yet serves as Wagtail would:
editors' changes show at once, view restrictions and unpublishing still apply."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from core.models import HomePage


def home_page():
    return HomePage.objects.get()


def test_a_new_welcome_shows_as_soon_as_it_is_published(site_pages, people, client_for):
    client = client_for(people["worker"])
    assert client.get("/").status_code == 200  # the home page is now kept by this process
    page = home_page()
    page.welcome = "<p>Team day on Thursday</p>"
    page.save_revision().publish()
    assert "Team day on Thursday" in client.get("/").content.decode()


def test_a_view_restriction_on_the_home_page_still_applies(site_pages, people, client_for):
    client = client_for(people["worker"])
    assert client.get("/").status_code == 200
    restriction = PageViewRestriction.objects.create(page=home_page(), restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Only these people"))
    response = client.get("/")
    assert "My practice" not in response.content.decode()
    assert response.status_code in (302, 403)


def test_an_unpublished_home_page_is_not_served(site_pages, people, client_for):
    client = client_for(people["worker"])
    assert client.get("/").status_code == 200
    home_page().unpublish()
    assert client.get("/").status_code == 404


def test_other_methods_are_answered_by_wagtail(site_pages, people, client_for):
    response = client_for(people["worker"]).options("/")
    assert response.status_code == 200
    assert "GET" in response["Allow"]
