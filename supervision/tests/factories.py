"""Factories for supervision: sessions with their supervisees, agreements, peer groups."""

import datetime

import factory
from django.utils import timezone

from people.tests.factories import UserFactory
from supervision.demo import load_templates
from supervision.models import (
    PeerFormat,
    PeerGroup,
    PeerSession,
    SessionParticipant,
    SupervisionAction,
    SupervisionAgreement,
    SupervisionSession,
    SupervisionTemplate,
)


def template(slug="reflective-supervision-4x4x4"):
    load_templates(log=lambda *a: None)
    return SupervisionTemplate.objects.get(slug=slug)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionAgreement

    supervisor = factory.SubFactory(UserFactory)
    supervisee = factory.SubFactory(UserFactory)
    frequency = 4
    frequency_unit = "weeks"
    length_minutes = 90
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=180))


class SessionFactory(factory.django.DjangoModelFactory):
    """A session; pass supervisees=[...] (default: one new person)."""

    class Meta:
        model = SupervisionSession
        skip_postgeneration_save = True

    supervisor = factory.SubFactory(UserFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    length_minutes = 90
    template_snapshot = factory.LazyFunction(lambda: template().snapshot())

    @factory.post_generation
    def supervisees(self, create, extracted, **kwargs):
        people = extracted if extracted is not None else [UserFactory()]
        for person in people:
            SessionParticipant.objects.create(session=self, user=person)
        if len(people) > 1:
            self.mode = "group"
            self.save(update_fields=["mode"])


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionAction

    session = factory.SubFactory(SessionFactory)
    description = factory.Sequence(lambda n: f"Action {n}")
    owner = factory.LazyAttribute(lambda o: o.session.participants.first().user)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


class PeerGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeerGroup
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Peer group {n}")
    default_format = PeerFormat.CASE_CONSULTATION

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if extracted:
            self.members.set(extracted)


class PeerSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeerSession
        skip_postgeneration_save = True

    group = factory.SubFactory(PeerGroupFactory)
    held_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    length_minutes = 60
    format = PeerFormat.CASE_CONSULTATION
    learning_points = "Confidential learning points"

    @factory.post_generation
    def attendees(self, create, extracted, **kwargs):
        if extracted:
            self.attendees.set(extracted)
