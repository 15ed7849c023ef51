"""The service page, team notes, out-of-date reports, the review list: what each person may do."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from search import models as m
from search.permissions import DIRECTORY_EDITORS_GROUP

from .factories import ServiceFactory, add_location

# The people (and pages) are only read (each test runs in its own savepoint): made once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_site")]


@pytest.fixture
def service(db):
    svc = ServiceFactory(
        name="Teen overnight short breaks",
        minimum_age=11,
        maximum_age=18,
        email="hello@arrow.example",
        url="https://arrow.example/breaks",
        alert="Closed over Christmas week.",
    )
    sal = add_location(svc, name="Arrow House")
    m.Accessibility.objects.create(location=sal.location, description="Step-free entrance")
    m.Schedule.objects.create(service=svc, freq="WEEKLY", byday="FR,SA", opens_at=datetime.time(17), closes_at=datetime.time(22, 30))
    m.CostOption.objects.create(service=svc, option="Free", amount=0)
    m.Phone.objects.create(service=svc, number="01632 960123", description="Bookings")
    m.Language.objects.create(service=svc, name="English")
    m.Language.objects.create(service=svc, name="Polish")
    m.Contact.objects.create(service=svc, name="Jo Ashby", title="Service coordinator")
    return svc


@pytest.fixture
def editor(people):
    from people.models import Role
    from people.tests.factories import make_person

    person = make_person(Role.WORKER, people["worker"].memberships.first().team, email="editor@example.org")
    person.groups.add(Group.objects.get(name=DIRECTORY_EDITORS_GROUP))
    return person


def detail_url(service):
    return reverse("search:service-detail", args=[service.pk])


def test_the_service_page_answers_what_when_where_who_and_how(client_for, people, service):
    response = client_for(people["worker"]).get(detail_url(service))
    text = response.content.decode()

    assert response.status_code == 200
    for expected in [
        "Teen overnight short breaks", "11 to 18 years", "Free", "Fridays and Saturdays, 5pm to 10:30pm",
        "Arrow House", "1 Church Road", "B97 4DN", "Step-free entrance", "01632 960123", "hello@arrow.example",
        "English, Polish", "Jo Ashby, Service coordinator", "Closed over Christmas week.", "Add to shortlist",
    ]:
        assert expected in text, expected
    assert "more than a year ago" not in text


def test_an_old_or_missing_review_date_is_flagged(client_for, people, service):
    service.assured_date = timezone.localdate() - datetime.timedelta(days=400)
    service.save()
    text = client_for(people["worker"]).get(detail_url(service)).content.decode()
    assert "more than a year ago" in text and "Review overdue" in text

    service.assured_date = None
    service.save()
    assert "Nobody has confirmed this listing" in client_for(people["worker"]).get(detail_url(service)).content.decode()


def test_a_closed_service_says_so(client_for, people, service):
    service.status = m.ServiceStatus.DEFUNCT
    service.save()
    assert "closed for good" in client_for(people["worker"]).get(detail_url(service)).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, service):
    for url in [detail_url(service), reverse("search:report-out-of-date", args=[service.pk]), reverse("search:shortlist"),
                reverse("search:review-list")]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_unknown_service_is_404(client_for, people):
    assert client_for(people["worker"]).get("/directory/services/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_the_service_page_uses_a_fixed_number_of_queries(client_for, people, service, django_assert_max_num_queries):
    for n in range(5):
        m.ServiceNote.objects.create(service=service, author=people["other_worker"], text=f"Note {n}")
    c = client_for(people["worker"])
    with django_assert_max_num_queries(40):
        c.get(detail_url(service))


# ---- Team notes ---------------------------------------------------------------------------------


def test_staff_add_team_notes_that_show_author_and_date(client_for, people, service):
    c = client_for(people["worker"])
    response = c.post(reverse("search:note-add", args=[service.pk]), {"text": "Ask for the tea visit first."})
    assert response.status_code == 302
    note = m.ServiceNote.objects.get()
    assert (note.author, note.service) == (people["worker"], service)

    page = client_for(people["other_worker"]).get(detail_url(service)).content.decode()
    assert "Ask for the tea visit first." in page and "Wendy" in page
    assert timezone.localdate().strftime("%-d %B %Y") in page


def test_an_empty_note_or_one_naming_someone_is_refused_and_kept(client_for, people, service):
    c = client_for(people["worker"])
    response = c.post(reverse("search:note-add", args=[service.pk]), {"text": "   "})
    assert response.status_code == 400 and "Enter your note" in response.content.decode()

    text = "Went with her, date of birth 12/03/2001, it went well."
    response = c.post(reverse("search:note-add", args=[service.pk]), {"text": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "could identify someone" in page and "date of birth 12/03/2001" in page  # their words are kept
    assert not m.ServiceNote.objects.exists()


def test_team_notes_never_reach_the_api(client, people, service):
    m.ServiceNote.objects.create(service=service, author=people["worker"], text="Staff-only experience")
    assert "Staff-only experience" not in client.get(f"/api/oruk/services/{service.pk}").content.decode()


@pytest.mark.parametrize("who, allowed", [("worker", True), ("other_worker", False), ("supervisor", False),
                                          ("practice_lead", True), ("administrator", True)])
def test_who_may_delete_a_team_note(client_for, people, service, who, allowed):
    note = m.ServiceNote.objects.create(service=service, author=people["worker"], text="Mine")
    response = client_for(people[who]).post(reverse("search:note-delete", args=[note.pk]))
    assert response.status_code == (302 if allowed else 403)
    assert m.ServiceNote.objects.filter(pk=note.pk).exists() is not allowed


def test_a_directory_editor_may_delete_a_note(client_for, people, service, editor):
    note = m.ServiceNote.objects.create(service=service, author=people["worker"], text="Mine")
    assert client_for(editor).post(reverse("search:note-delete", args=[note.pk])).status_code == 302


def test_notes_cannot_be_deleted_by_get(client_for, people, service):
    note = m.ServiceNote.objects.create(service=service, author=people["worker"], text="Mine")
    assert client_for(people["worker"]).get(reverse("search:note-delete", args=[note.pk])).status_code == 405


# ---- Out-of-date reports and the review list ----------------------------------------------------


def test_reporting_a_listing_puts_it_on_the_review_list(client_for, people, service):
    url = reverse("search:report-out-of-date", args=[service.pk])
    worker = client_for(people["worker"])
    assert worker.get(url).status_code == 200
    assert worker.post(url, {"reason": ""}).status_code == 400
    assert worker.post(url, {"reason": "The phone number is dead."}).status_code == 302
    report = m.OutOfDateReport.objects.get()
    assert (report.service, report.reported_by, report.is_open) == (service, people["worker"], True)
    assert "1 report waiting" in worker.get(detail_url(service)).content.decode()

    lead = client_for(people["practice_lead"])
    page = lead.get(reverse("search:review-list")).content.decode()
    assert "The phone number is dead." in page and "Teen overnight short breaks" in page

    lead.post(reverse("search:report-resolve", args=[report.pk]), {"resolution": "New number added."})
    report.refresh_from_db()
    assert report.resolved_by == people["practice_lead"] and report.resolution == "New number added."
    page = lead.get(reverse("search:review-list")).content.decode()
    assert "No open reports." in page and "New number added." in page


@pytest.mark.parametrize("who, allowed", [("worker", False), ("supervisor", False), ("practice_lead", True),
                                          ("administrator", True)])
def test_who_sees_the_review_list(client_for, people, service, who, allowed):
    assert client_for(people[who]).get(reverse("search:review-list")).status_code == (200 if allowed else 403)
    report = m.OutOfDateReport.objects.create(service=service, reported_by=people["worker"], reason="x")
    client_for(people[who]).post(reverse("search:report-resolve", args=[report.pk]))
    report.refresh_from_db()
    assert (report.resolved_at is not None) is allowed


def test_directory_editors_see_the_review_list_and_mark_listings_reviewed(client_for, editor, service):
    service.assured_date = datetime.date(2020, 1, 1)
    service.save()
    c = client_for(editor)
    assert "Teen overnight short breaks" in c.get(reverse("search:review-list")).content.decode()

    c.post(reverse("search:service-mark-reviewed", args=[service.pk]))
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate() and service.assurer_email == "editor@example.org"
    assert "Every listing has been reviewed" in c.get(reverse("search:review-list")).content.decode()


def test_workers_cannot_mark_listings_reviewed(client_for, people, service):
    assert client_for(people["worker"]).post(reverse("search:service-mark-reviewed", args=[service.pk])).status_code == 403


def test_the_editor_permission_counts_whether_given_to_the_person_or_their_group(people, editor):
    from django.contrib.auth.models import Permission

    from search.permissions import is_directory_editor

    worker = people["worker"]
    assert is_directory_editor(editor) and not is_directory_editor(worker)
    worker.user_permissions.add(Permission.objects.get(content_type__app_label="directory", codename="change_service"))
    assert is_directory_editor(type(worker).objects.get(pk=worker.pk))
    editor.is_active = False
    assert not is_directory_editor(editor)
