"""Pages that never break: extreme stored dates, ids that are not ids, and redirects checked before saving."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from supervision import dashboard, services
from supervision.models import ActionStatus, SessionStatus, SupervisionAgreement, SupervisionSession

from .factories import ActionFactory, AgreementFactory, SessionFactory, template

# The people are only read (each test runs in its own savepoint): made once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_site")]

FAR_FUTURE = datetime.date(9999, 12, 1)
LAST_MOMENT = datetime.datetime(9999, 12, 31, 23, 30, tzinfo=datetime.UTC)


def accepted_agreement(supervisor, supervisee, **fields):
    now = timezone.now()
    return AgreementFactory(supervisor=supervisor, supervisee=supervisee, supervisor_accepted_at=now,
                            supervisee_accepted_at=now, **fields)


# ---- Rows already stored with extreme dates: reading never breaks ------------------------------


def test_dashboards_survive_an_agreement_starting_in_the_year_9999(people, client_for, site_pages):
    accepted_agreement(people["supervisor"], people["worker"], starts_on=FAR_FUTURE, frequency=12, frequency_unit="months")
    for who in ("supervisor", "practice_lead", "worker"):
        response = client_for(people[who]).get("/")
        assert response.status_code == 200, who
    assert client_for(people["supervisor"]).get(reverse("supervision:index")).status_code == 200
    assert client_for(people["practice_lead"]).get(reverse("supervision:team-numbers")).status_code == 200


def test_a_session_ending_after_the_last_representable_moment_still_gives_a_calendar_file(people, client_for):
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]], starts_at=LAST_MOMENT,
                             length_minutes=480)
    response = client_for(people["worker"]).get(reverse("supervision:session-ics", args=[session.pk]))
    assert response.status_code == 200
    assert b"BEGIN:VEVENT" in response.content


def test_a_session_held_in_the_year_9999_does_not_break_the_supervisors_dashboard(people, client_for, site_pages):
    accepted_agreement(people["supervisor"], people["worker"])
    SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]], starts_at=LAST_MOMENT,
                   status=SessionStatus.IN_PROGRESS)
    assert client_for(people["supervisor"]).get("/").status_code == 200
    assert client_for(people["supervisor"]).get(reverse("supervision:index")).status_code == 200
    context = dashboard.supervisor_panel_context(people["supervisor"])
    assert context["today"] == timezone.localdate()


def test_cancelling_a_session_dated_at_the_end_of_time_sends_the_cancellation(
    people, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]], starts_at=LAST_MOMENT,
                             length_minutes=480)
    c = client_for(people["supervisor"])
    with django_capture_on_commit_callbacks(execute=True):
        response = c.post(reverse("supervision:session-transition", args=[session.pk, "cancel"]))
    assert response.status_code == 302
    assert any("CANCEL" in str(a[1]) for m in mailoutbox for a in m.attachments)
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED


def test_team_numbers_count_nothing_due_for_an_agreement_that_starts_far_ahead(people):
    accepted_agreement(people["supervisor"], people["worker"], starts_on=datetime.date(9999, 12, 30), frequency=1,
                       frequency_unit="days")
    from people import roles

    team = roles.teams_of(people["worker"]).first()
    numbers = services.team_numbers(team, datetime.date(9999, 12, 1), datetime.date(9999, 12, 31))
    assert numbers["supervision"][0]["due"] == 1  # 31 December 9999, and nothing beyond the calendar


# ---- Dates refused at input, with a message beside the field -----------------------------------


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2200-01-01"])
def test_scheduling_a_session_far_from_today_is_refused_beside_the_date(people, client_for, day):
    template()
    c = client_for(people["supervisor"])
    response = c.post(reverse("supervision:session-create"), {
        "supervisees": [people["worker"].pk], "template": template().pk, "date": day, "time": "23:30",
        "length_minutes": "480", "place": "Room 2",
    })
    assert response.status_code in (200, 400)
    page = response.content.decode()
    assert "govuk-error-message" in page and "Enter a date between" in page
    assert not SupervisionSession.objects.exists()


@pytest.mark.parametrize("field, day", [("starts_on", "9999-12-01"), ("review_on", "9999-12-31"), ("starts_on", "0001-01-01")])
def test_an_agreement_dated_far_from_today_is_refused(people, client_for, field, day):
    today = timezone.localdate()
    data = {
        "supervisee": people["worker"].pk, "frequency": "4", "frequency_unit": "weeks", "length_minutes": "90",
        "starts_on": today.isoformat(), "review_on": "",
    }
    data[field] = day
    response = client_for(people["supervisor"]).post(reverse("supervision:agreement-create"), data)
    assert response.status_code in (200, 400)
    assert "Enter a date between" in response.content.decode()
    assert not SupervisionAgreement.objects.exists()


def test_rescheduling_to_the_year_9999_is_refused(people, client_for):
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    response = client_for(people["supervisor"]).post(reverse("supervision:session-reschedule", args=[session.pk]), {
        "date": "9999-12-31", "time": "23:30", "length_minutes": "480", "place": "",
    })
    assert "Enter a date between" in response.content.decode()
    session.refresh_from_db()
    assert session.starts_at.year < 9999


# ---- Ids that are not ids ----------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["99999999999999999999", "-1", "abc", "1e3", "\x00"])
def test_a_new_session_for_a_supervisee_id_that_is_not_one_is_refused_not_a_500(people, client_for, bad):
    response = client_for(people["supervisor"]).post(reverse("supervision:session-create"), {
        "supervisees": [bad], "template": template().pk, "date": timezone.localdate().isoformat(), "time": "10:00",
        "length_minutes": "90",
    })
    assert response.status_code in (200, 400)
    assert "govuk-error-summary" in response.content.decode()
    assert client_for(people["supervisor"]).get(reverse("supervision:session-create"), {"supervisee": bad}).status_code == 200


@pytest.mark.parametrize("bad", ["abc", "99999999999999999999", "-5", "../../admin"])
def test_an_action_status_change_with_a_bad_return_page_changes_nothing(people, client_for, bad):
    action = ActionFactory(session=SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]]),
                           owner=people["worker"])
    response = client_for(people["worker"]).post(reverse("supervision:action-status", args=[action.pk]),
                                                 {"status": "done", "from_session": bad})
    assert response.status_code in (302, 400)
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("supervision:session-detail", args=[action.session.pk]))


def test_an_action_closed_from_another_session_returns_to_it(people, client_for):
    first = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    action = ActionFactory(session=first, owner=people["worker"])
    later = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    response = client_for(people["worker"]).post(reverse("supervision:action-status", args=[action.pk]),
                                                 {"status": "done", "from_session": str(later.pk)})
    assert response["Location"] == reverse("supervision:session-detail", args=[later.pk]) + "#agenda"
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.closed_in == later


def test_an_action_is_never_given_a_status_that_is_not_one(people):
    # Any caller, not only the page: the service refuses it, as panels' does, and the action stays open.
    action = ActionFactory(session=SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]]),
                           owner=people["worker"])
    with pytest.raises(ValidationError):
        services.set_action_status(action, people["worker"], "finished")
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN and action.closed_at is None


def test_a_session_stored_at_the_first_moment_of_the_calendar_leaves_dashboards_and_ics_working(
    people, client_for, site_pages
):
    accepted_agreement(people["supervisor"], people["worker"])
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]],
                             starts_at=datetime.datetime(1, 1, 1, 0, 0, tzinfo=datetime.UTC),
                             status=SessionStatus.IN_PROGRESS)
    for who in ("supervisor", "worker"):
        c = client_for(people[who])
        assert c.get("/").status_code == 200, who
        assert c.get(reverse("supervision:session-ics", args=[session.pk])).status_code == 200, who
