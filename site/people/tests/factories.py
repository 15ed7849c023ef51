"""Factories for people, teams and roles: every app's tests build their people with these."""

import factory
from django.utils import timezone

from people.models import Membership, RelationshipKind, Role, SupervisionRelationship, Team, User

TEST_PASSWORD = "correct-horse-battery-staple"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    team = factory.SubFactory(TeamFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.WORKER
    joined_on = factory.LazyFunction(lambda: timezone.localdate() - timezone.timedelta(days=365))


class SupervisionRelationshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionRelationship

    supervisor = factory.SubFactory(UserFactory)
    supervisee = factory.SubFactory(UserFactory)
    kind = RelationshipKind.LINE_MANAGER
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timezone.timedelta(days=365))
    end_date = None


def make_person(role=Role.WORKER, team=None, **kwargs):
    """A user holding a role in a team (a new team unless one is given)."""
    user = UserFactory(**kwargs)
    MembershipFactory(user=user, role=role, team=team or TeamFactory())
    return user
