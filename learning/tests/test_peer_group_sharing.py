"""A worker shares a complete log with a peer group; members read it, others cannot; withdrawing works."""

import pytest
from django.urls import reverse

from learning.tests.factories import load_content, make_log
from supervision.tests.factories import PeerGroupFactory


@pytest.fixture
def group_and_log(people):
    load_content()
    group = PeerGroupFactory(name="Named social worker peer group", members=[people["worker"], people["other_worker"]])
    log = make_log(people["worker"])
    return group, log


def share(client, log, **data):
    return client.post(reverse("learning:log-share", args=[log.pk]), {"audience": "private", **data})


def test_share_with_peer_group_then_withdraw(people, client_for, group_and_log):
    group, log = group_and_log
    owner = client_for(people["worker"])
    member = client_for(people["other_worker"])
    outsider = client_for(people["other_supervisor"])
    detail = reverse("learning:log-detail", args=[log.pk])

    assert "Named social worker peer group" in owner.get(reverse("learning:log-share", args=[log.pk])).content.decode()
    assert member.get(detail).status_code == 404

    share(owner, log, peer_groups=[group.pk])
    assert member.get(detail).status_code == 200
    assert log.title in member.get(reverse("learning:log-shared")).content.decode()
    assert outsider.get(detail).status_code == 404
    assert "Peer group: Named social worker peer group" in owner.get(detail).content.decode()

    share(owner, log)  # nothing ticked: withdrawn
    assert member.get(detail).status_code == 404
    assert log.title not in member.get(reverse("learning:log-shared")).content.decode()


def test_leaving_the_group_ends_access(people, client_for, group_and_log):
    group, log = group_and_log
    share(client_for(people["worker"]), log, peer_groups=[group.pk])
    group.members.remove(people["other_worker"])
    assert client_for(people["other_worker"]).get(reverse("learning:log-detail", args=[log.pk])).status_code == 404


def test_cannot_share_with_a_group_you_are_not_in(people, client_for, group_and_log):
    _group, log = group_and_log
    foreign = PeerGroupFactory(name="Another group", members=[people["other_supervisor"]])
    response = share(client_for(people["worker"]), log, peer_groups=[foreign.pk])
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert client_for(people["other_supervisor"]).get(reverse("learning:log-detail", args=[log.pk])).status_code == 404


def test_drafts_are_not_shared_even_with_the_group(people, client_for, group_and_log):
    group, _log = group_and_log
    draft = make_log(people["worker"], complete=False)
    share(client_for(people["worker"]), draft, peer_groups=[group.pk])
    assert client_for(people["other_worker"]).get(reverse("learning:log-detail", args=[draft.pk])).status_code == 404
