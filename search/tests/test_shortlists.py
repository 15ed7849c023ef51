"""Shortlists: gathering services for a person, printing and downloading them, and privacy."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from search import models as m

from .factories import ServiceFactory, add_location

pytestmark = pytest.mark.django_db


@pytest.fixture
def services(db):
    first = ServiceFactory(name="Teen overnight short breaks", minimum_age=11, maximum_age=18, email="hello@arrow.example")
    add_location(first, name="Arrow House")
    m.Schedule.objects.create(service=first, freq="WEEKLY", byday="FR", opens_at=datetime.time(17), closes_at=datetime.time(21))
    m.Phone.objects.create(service=first, number="01632 960123", description="Bookings")
    second = ServiceFactory(name="Parent carer forum")
    m.CostOption.objects.create(service=second, option="Free", amount=0)
    return first, second


def add(client, service, next_url=None):
    return client.post(reverse("search:shortlist-add"), {"service": str(service.pk), "next": next_url or ""})


def test_a_worker_gathers_services_across_pages_onto_one_shortlist(client_for, people, services):
    first, second = services
    c = client_for(people["worker"])

    response = add(c, first, next_url=f"/directory/services/{first.pk}/")
    assert response.status_code == 302 and response["Location"] == f"/directory/services/{first.pk}/"
    add(c, second)
    add(c, second)  # twice is harmless

    shortlist = m.Shortlist.objects.get(owner=people["worker"])
    assert [i.service for i in shortlist.items.all()] == [first, second]
    page = c.get(reverse("search:shortlist"), follow=True).content.decode()
    assert "Teen overnight short breaks" in page and "Parent carer forum" in page
    # The service page now says it is on the list.
    assert "On your shortlist" in c.get(reverse("search:service-detail", args=[first.pk])).content.decode()


def test_an_unsafe_next_address_is_ignored(client_for, people, services):
    response = add(client_for(people["worker"]), services[0], next_url="https://evil.example/")
    assert response["Location"].startswith("/directory/shortlists/")
    # A bare word is not a page either (redirect() would look it up as a view name: a 500, found by fuzzing).
    for odd in ("abc", "0001-01-01", "//evil.example/"):
        response = add(client_for(people["worker"]), services[0], next_url=odd)
        assert response.status_code == 302 and response["Location"].startswith("/directory/shortlists/"), odd


def test_label_is_initials_or_a_case_reference_never_a_name(client_for, people, services):
    c = client_for(people["worker"])
    add(c, services[0])
    shortlist = m.Shortlist.objects.get()
    url = reverse("search:shortlist-rename", args=[shortlist.pk])

    response = c.post(url, {"label": "Jane Smith"})
    assert response.status_code == 400 and "not a name" in response.content.decode()
    assert 'value="Jane Smith"' in response.content.decode()  # what they typed is kept to correct
    assert c.post(url, {"label": "JS case 10442"}).status_code == 302
    shortlist.refresh_from_db()
    assert shortlist.label == "JS case 10442"


def test_the_printout_and_downloads_leave_out_who_it_is_for(client_for, people, services):
    first, second = services
    c = client_for(people["worker"])
    add(c, first)
    add(c, second)
    shortlist = m.Shortlist.objects.get()
    shortlist.label = "CR-10442"
    shortlist.save()
    item = shortlist.items.get(service=first)
    c.post(reverse("search:shortlist-item-edit", args=[item.pk]), {f"item-{item.pk}-note": "Ask for Jo on Fridays."})

    printed = c.get(reverse("search:shortlist-print", args=[shortlist.pk])).content.decode()
    for expected in ["Services that could help", "Teen overnight short breaks", "11 to 18 years", "Fridays, 5pm to 9pm",
                     "Arrow House", "01632 960123", "Ask for Jo on Fridays.", "Parent carer forum", "Free"]:
        assert expected in printed, expected
    assert "CR-10442" not in printed
    assert "pc-handout--large" in c.get(reverse("search:shortlist-print", args=[shortlist.pk]) + "?large=1").content.decode()

    text = c.get(reverse("search:shortlist-text", args=[shortlist.pk]))
    body = text.content.decode()
    assert text["Content-Type"].startswith("text/plain") and "attachment" in text["Content-Disposition"]
    assert "1. Teen overnight short breaks" in body and "Phone: 01632 960123 (Bookings)" in body
    assert "Note: Ask for Jo on Fridays." in body and "CR-10442" not in body and "CR-10442" not in text["Content-Disposition"]


def test_the_pdf_download(client_for, people, services):
    c = client_for(people["worker"])
    add(c, services[0])
    shortlist = m.Shortlist.objects.get()
    shortlist.label = "CR-10442"
    shortlist.save()

    response = c.get(reverse("search:shortlist-pdf", args=[shortlist.pk]) + "?large=1")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert b"CR-10442" not in response.content


def test_a_note_naming_someone_is_not_saved(client_for, people, services):
    c = client_for(people["worker"])
    add(c, services[0])
    item = m.ShortlistItem.objects.get()
    typed = "Ask for Jo. DOB 12/03/2001, likes the Friday group"
    response = c.post(reverse("search:shortlist-item-edit", args=[item.pk]), {f"item-{item.pk}-note": typed})
    item.refresh_from_db()
    assert item.note == ""
    # The page comes back with the error beside the note and every word typed still in the box.
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-message" in page and "could identify someone" in page
    assert typed in page and page.count("govuk-error-summary") >= 1
    assert "<title>Error:" in page


@pytest.mark.parametrize("who", ["other_worker", "supervisor", "practice_lead", "administrator"])
def test_nobody_else_can_see_or_change_a_workers_shortlist(client_for, people, services, who):
    add(client_for(people["worker"]), services[0])
    shortlist = m.Shortlist.objects.get()
    item = shortlist.items.get()
    other = client_for(people[who])

    for name in ("shortlist-detail", "shortlist-print", "shortlist-pdf", "shortlist-text"):
        assert other.get(reverse(f"search:{name}", args=[shortlist.pk])).status_code == 404, name
    for name, arg in (("shortlist-rename", shortlist.pk), ("shortlist-delete", shortlist.pk),
                      ("shortlist-item-remove", item.pk), ("shortlist-item-edit", item.pk)):
        assert other.post(reverse(f"search:{name}", args=[arg]), {"label": "X"}).status_code == 404, name
    assert m.ShortlistItem.objects.filter(pk=item.pk).exists()


def test_removing_items_starting_new_lists_and_deleting(client_for, people, services):
    first, second = services
    c = client_for(people["worker"])
    add(c, first)
    old = m.Shortlist.objects.get()
    c.post(reverse("search:shortlist-item-remove", args=[old.items.get().pk]))
    assert not old.items.exists()

    c.post(reverse("search:shortlist-new"), {"label": "AB"})
    add(c, second)
    new = m.Shortlist.objects.get(label="AB")
    assert [i.service for i in new.items.all()] == [second]

    c.post(reverse("search:shortlist-delete", args=[new.pk]))
    assert not m.Shortlist.objects.filter(pk=new.pk).exists()
    assert c.get(reverse("search:shortlist")).status_code == 200  # the "start a shortlist" page


def test_the_shortlist_button_template_for_the_search_page(rf, people, services):
    first = services[0]
    request = RequestFactory().get("/directory/?q=respite")
    request.user = people["worker"]
    request.session = {}
    html = Template('{% include "search/includes/shortlist_button.html" with service=service %}').render(
        Context({"service": first, "request": request, "csrf_token": "t"})
    )
    assert 'action="/directory/shortlist/add/"' in html and f'value="{first.pk}"' in html
    assert 'name="next" value="/directory/?q=respite"' in html

    shortlist = m.Shortlist.objects.create(owner=people["worker"])
    m.ShortlistItem.objects.create(shortlist=shortlist, service=first)
    request = RequestFactory().get("/directory/")
    request.user, request.session = people["worker"], {"directory_shortlist_id": shortlist.pk}
    html = Template('{% include "search/includes/shortlist_button.html" with service=service %}').render(
        Context({"service": first, "request": request})
    )
    assert "On your shortlist" in html


def test_dashboard_panel(rf, people, services):
    from search.dashboard import dashboard_panels

    request = rf.get("/")
    request.user, request.session = people["worker"], {}
    panel = dashboard_panels(request)[0]
    assert panel.title == "Directory" and "review_url" not in panel.context
    request.user = people["practice_lead"]
    assert "review_url" in dashboard_panels(request)[0].context
