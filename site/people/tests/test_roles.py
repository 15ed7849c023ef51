import pytest
from django.utils import timezone

from people import roles
from people.models import Role
from people.tests.factories import SupervisionRelationshipFactory, make_person


@pytest.mark.django_db
def test_a_worker_can_have_two_current_supervisors_and_ended_ones_drop_off(people):
    worker = people["worker"]
    second = make_person(Role.SUPERVISOR)
    SupervisionRelationshipFactory(supervisor=second, supervisee=worker, kind="practice_supervisor")
    assert set(roles.current_supervisors(worker)) == {people["supervisor"], second}
    assert roles.is_current_supervisor(people["supervisor"], worker)
    assert not roles.is_current_supervisor(people["ended_supervisor"], worker)
    last_year = timezone.localdate() - timezone.timedelta(days=200)
    assert roles.is_current_supervisor(people["ended_supervisor"], worker, on=last_year)
    assert not roles.is_current_supervisor(people["other_supervisor"], worker)


@pytest.mark.django_db
def test_roles_and_admin_access(people):
    assert roles.roles_of(people["worker"]) == {Role.WORKER}
    assert roles.is_practice_lead(people["practice_lead"]) and roles.is_practice_lead(people["administrator"])
    assert not roles.is_practice_lead(people["supervisor"])
    assert roles.can_use_admin(people["practice_lead"]) and not roles.can_use_admin(people["worker"])


@pytest.mark.django_db
def test_self_supervision_is_refused(people):
    from django.core.exceptions import ValidationError

    from people.models import SupervisionRelationship

    rel = SupervisionRelationship(supervisor=people["worker"], supervisee=people["worker"])
    with pytest.raises(ValidationError):
        rel.clean()


@pytest.mark.django_db
def test_roles_follow_the_membership_dates_as_current_memberships_does():
    """roles_of reads the memberships in one plain statement (every request asks it): the same rule."""
    from people.models import Membership, User
    from people.tests.factories import MembershipFactory, TeamFactory

    today = timezone.localdate()
    day = timezone.timedelta(days=1)
    person = make_person(Role.WORKER)
    team = TeamFactory()
    MembershipFactory(user=person, team=team, role=Role.SUPERVISOR, joined_on=today - 10 * day, left_on=today)  # leaves tonight
    MembershipFactory(user=person, team=team, role=Role.PRACTICE_LEAD, joined_on=today + day)  # starts tomorrow
    MembershipFactory(user=person, team=team, role=Role.ADMINISTRATOR, joined_on=today - 10 * day, left_on=today - day)  # left
    expected = set(roles.current_memberships(person).values_list("role", flat=True))
    assert expected == {Role.WORKER, Role.SUPERVISOR}
    assert roles.roles_of(User.objects.get(pk=person.pk)) == expected
    Membership.objects.filter(user=person, role=Role.SUPERVISOR).update(left_on=today - day)
    assert roles.roles_of(User.objects.get(pk=person.pk)) == {Role.WORKER}
