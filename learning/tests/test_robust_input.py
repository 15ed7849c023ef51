"""Learning pages that never break on odd input, and autosave that never claims to have saved what it dropped."""

import pytest
from django.urls import reverse
from django.utils import timezone

from learning import services
from learning.models import ReflectiveLog, ReflectiveTemplate
from learning.tests.factories import load_content, make_log

# The people are only read (each test runs in its own savepoint): made once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_site")]

BAD_IDS = ["abc", "99999999999999999999", "-1", "²", "1\x00"]


@pytest.fixture(scope="module")
def content(shared_site, django_db_blocker):
    """The shipped frameworks and templates, loaded once inside the module's shared transaction."""
    with django_db_blocker.unblock():
        load_content()


@pytest.mark.parametrize("bad", BAD_IDS)
def test_starting_a_log_with_a_template_that_is_not_one_asks_again(people, client_for, content, bad):
    response = client_for(people["worker"]).post(reverse("learning:log-create"), {"template": bad})
    assert response.status_code == 400
    assert "Choose a reflective model to start your log" in response.content.decode()
    assert not ReflectiveLog.objects.exists()


@pytest.mark.parametrize("bad", BAD_IDS)
def test_sharing_with_a_team_id_that_is_not_one_is_refused_beside_the_field(people, client_for, content, bad):
    log = make_log(people["worker"])
    response = client_for(people["worker"]).post(reverse("learning:log-share", args=[log.pk]),
                                                 {"audience": "private", "teams": [bad]})
    assert response.status_code in (200, 400)
    assert "govuk-error-message" in response.content.decode()
    assert not log.shared_teams.exists()


@pytest.mark.parametrize("bad", BAD_IDS + ["99999"])
def test_the_record_filtered_by_an_odd_statement_or_year_still_shows(people, client_for, content, bad):
    response = client_for(people["worker"]).get(reverse("learning:record"), {"statement": bad, "year": bad})
    assert response.status_code == 200


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_log_dated_far_from_today_is_refused_beside_the_date(people, client_for, content, day):
    log = make_log(people["worker"], complete=False)
    response = client_for(people["worker"]).post(reverse("learning:log-edit", args=[log.pk]), {
        "title": "A visit", "occurred_on": day, "activity_type": "direct_work", "action": "save",
    })
    assert "Enter a date between" in response.content.decode()
    log.refresh_from_db()
    assert log.occurred_on.year not in (1, 9999)


# ---- Autosave ----------------------------------------------------------------------------------


def autosave(client, log, **fields):
    data = {"title": log.title, "occurred_on": timezone.localdate().isoformat(), "activity_type": "direct_work"}
    data.update(fields)
    return client.post(reverse("learning:log-autosave", args=[log.pk]), data)


@pytest.mark.parametrize("bad", ["x" * 20001, "Before\x00after"])
def test_autosave_says_not_saved_and_names_the_field_it_could_not_keep(people, client_for, content, bad):
    log = make_log(people["worker"], complete=False, title="Old title")
    revisions = log.revisions.count()
    response = autosave(client_for(people["worker"]), log, title="New title", answer_description=bad)
    body = response.json()
    assert response.status_code == 400 and body["saved"] is False
    assert list(body["errors"]) == ["answer_description"]
    assert body["not_saved"][0]["label"] and body["not_saved"][0]["messages"]
    log.refresh_from_db()
    # All or nothing: the server keeps the last full draft, the device keeps what was typed.
    assert log.title == "Old title" and log.revisions.count() == revisions


def test_autosave_stores_every_field_it_was_sent(people, client_for, content):
    log = make_log(people["worker"], complete=False)
    text = "Line one\nLine two – with “quotes” and ünïcödé " + "x" * 19000
    response = autosave(client_for(people["worker"]), log, title="Kept", answer_description=text)
    assert response.status_code == 200 and response.json()["saved"] is True
    log.refresh_from_db()
    assert log.title == "Kept" and log.answers["description"] == text


def test_autosave_keeps_one_rolling_revision_until_an_explicit_save(people, client_for, content):
    worker = client_for(people["worker"])
    gibbs = ReflectiveTemplate.objects.get(slug="gibbs-reflective-cycle")
    log = services.create_log(people["worker"], gibbs)
    assert log.revisions.count() == 1
    for n in range(4):
        assert autosave(worker, log, title=f"Typing {n}").json()["saved"] is True
    assert log.revisions.count() == 2
    assert log.revisions.order_by("-created_at", "-id").first().as_object().title == "Typing 3"

    response = worker.post(reverse("learning:log-edit", args=[log.pk]), {
        "title": "Saved on purpose", "occurred_on": timezone.localdate().isoformat(), "activity_type": "direct_work",
        "action": "save",
    })
    assert response.status_code == 302
    assert log.revisions.count() == 3
    autosave(worker, log, title="Typing again")
    autosave(worker, log, title="Typing again and again")
    assert log.revisions.count() == 4
    titles = [r.as_object().title for r in log.revisions.order_by("created_at", "id")]
    assert titles[2] == "Saved on purpose" and titles[3] == "Typing again and again"
