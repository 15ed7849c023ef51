"""What a worker and a supervisor meet every day: the dashboard's waiting agreement and next session,
a scheduled session's main button."""

import pytest
from django.urls import reverse
from django.utils import timezone

from supervision import dashboard
from supervision.models import SessionStatus

from .factories import AgreementFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_worker_dashboard_shows_an_agreement_waiting_for_their_acceptance(people, client_for, site_pages):
    worker, supervisor = people["worker"], people["supervisor"]
    agreement = AgreementFactory(supervisor=supervisor, supervisee=worker, supervisor_accepted_at=timezone.now())
    SessionFactory(supervisor=supervisor, supervisees=[worker], place="Meeting room 3")

    body = client_for(worker).get("/").content.decode()

    assert "Agreements waiting for you" in body
    assert agreement.get_absolute_url() in body
    assert "Meeting room 3" in body  # the next session, with where it is

    agreement.supervisee_accepted_at = timezone.now()
    agreement.save()
    assert dashboard.worker_panel_context(worker)["to_accept"] == []


def test_a_scheduled_session_is_started_before_it_is_sent_for_sign_off(people, client_for):
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    client = client_for(people["supervisor"])

    body = client.get(session.get_absolute_url()).content.decode()
    assert '<button class="govuk-button" data-module="govuk-button">Start session</button>' in body
    assert "Send for sign-off" not in body

    client.post(reverse("supervision:session-transition", args=[session.pk, "start"]))
    session.refresh_from_db()
    assert session.status == SessionStatus.IN_PROGRESS
    body = client.get(session.get_absolute_url()).content.decode()
    assert '<button class="govuk-button" data-module="govuk-button">Send for sign-off</button>' in body
    assert "Start session" not in body


def test_each_session_on_the_supervision_page_shows_its_status_in_its_colour(people, client_for):
    supervisor, worker = people["supervisor"], people["worker"]
    colours = {
        SessionStatus.SCHEDULED: "govuk-tag--light-blue",
        SessionStatus.IN_PROGRESS: "govuk-tag--blue",
        SessionStatus.AWAITING_SIGN_OFF: "govuk-tag--yellow",
        SessionStatus.SIGNED_OFF: "govuk-tag--green",
    }
    sessions = {status: SessionFactory(supervisor=supervisor, supervisees=[worker], status=status) for status in colours}

    body = client_for(supervisor).get(reverse("supervision:index")).content.decode()
    for status, colour in colours.items():
        assert f'<strong class="govuk-tag {colour}">{status.label}</strong>' in body

    page = client_for(worker).get(sessions[SessionStatus.AWAITING_SIGN_OFF].get_absolute_url()).content.decode()
    assert '<strong class="govuk-tag govuk-tag--yellow">Awaiting sign-off</strong>' in page
