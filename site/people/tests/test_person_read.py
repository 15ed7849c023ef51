"""The person behind each signed-in request, read from SQL built once per process (UserManager.get)."""

import pytest
from django.urls import reverse

from people.models import Role, User
from people.tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_the_person_read_by_id_is_the_same_as_the_orm_reads_them():
    person = make_person(Role.WORKER, email="aisha@example.org")

    read = User.objects.get(pk=person.pk)

    expected = User._base_manager.get(pk=person.pk)
    assert [getattr(read, f.attname) for f in User._meta.concrete_fields] == [
        getattr(expected, f.attname) for f in User._meta.concrete_fields
    ]
    assert read.get_deferred_fields() == set() and not read._state.adding
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=person.pk + 1000)


def test_a_signed_in_person_who_is_deactivated_or_deleted_is_signed_out(client):
    person = make_person(Role.WORKER)
    client.force_login(person)
    assert client.get(reverse("learning:log-list")).status_code == 200

    User.objects.filter(pk=person.pk).update(is_active=False)
    assert client.get(reverse("learning:log-list")).status_code == 302  # to sign in

    other = make_person(Role.WORKER)
    client.force_login(other)
    User.objects.filter(pk=other.pk).delete()
    assert client.get(reverse("learning:log-list")).status_code == 302


def test_a_changed_password_signs_out_the_other_sessions(client):
    person = make_person(Role.WORKER)
    client.force_login(person)
    person.set_password("a new and long passphrase")
    person.save()

    assert client.get(reverse("learning:log-list")).status_code == 302
