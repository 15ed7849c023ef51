"""Factories for panels: a panel with members, requests in each state, meetings."""

import datetime

import factory
from django.utils import timezone

from panels.models import Panel, PanelMeeting, PanelRequest, RequestStatus
from people.tests.factories import UserFactory


class PanelFactory(factory.django.DjangoModelFactory):
    """A panel; pass members=[...] (the chair is added to them)."""

    class Meta:
        model = Panel
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Risk enablement panel {n}")
    chair = factory.SubFactory(UserFactory)
    meeting_rhythm = "Monthly"

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        people = list(extracted or [])
        if self.chair_id:
            people.append(self.chair)
        self.members.set(people)


def answers(prefix="AB"):
    """A complete set of answers, ready to submit."""
    return {
        "what_person_wants": f"{prefix} wants to travel to the day centre on the bus alone.",
        "option_proposed": "Travel training for four weeks, then travelling alone with a phone.",
        "benefits_to_person": "Independence and a sense of achievement.",
        "benefits_to_others": "Family carers get time back.",
        "risks_to_person": "Getting lost; being exploited on the way.",
        "risks_to_others": "None identified.",
        "what_has_been_tried": "Accompanied travel for six months.",
        "persons_view": "Wants to do it and says staff fuss.",
        "capacity_considerations": "Has capacity for this decision; assessed last month.",
    }


class PanelRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelRequest

    panel = factory.SubFactory(PanelFactory)
    worker = factory.SubFactory(UserFactory)
    case_reference = factory.Sequence(lambda n: f"CR-{2000 + n}")
    what_person_wants = "To travel alone to the day centre."
    option_proposed = "Travel training, then travelling alone."
    benefits_to_person = "Independence."
    risks_to_person = "Getting lost."
    persons_view = "Wants to try."


def submitted_request(panel, worker, supervisor, **kwargs):
    """A request the worker's supervisor agreed to and the worker submitted."""
    now = timezone.now()
    return PanelRequestFactory(panel=panel, worker=worker, status=RequestStatus.SUBMITTED, supervisor_agreed_by=supervisor,
                               supervisor_agreed_at=now, submitted_at=now, **kwargs)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelMeeting

    panel = factory.SubFactory(PanelFactory)
    meets_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    length_minutes = 120
