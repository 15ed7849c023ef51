"""Finding 9: "shared with me" listed logs the viewer could no longer open. The list and
can_view_log are now one rule; these tests hold them together for every kind of sharing."""

import datetime

import pytest
from django.urls import reverse

from learning import permissions
from learning.models import ReflectiveLog
from learning.tests.factories import load_content, make_log
from people.tests.factories import MembershipFactory, TeamFactory
from supervision.tests.factories import PeerGroupFactory


def listed(client):
    return {log.pk for log in client.get(reverse("learning:log-shared")).context["logs"]}


def test_a_log_shared_with_a_team_the_owner_has_left_is_not_listed(people, client_for):
    load_content()
    duty = TeamFactory(name="Duty team")
    owner_membership = MembershipFactory(team=duty, user=people["worker"])
    MembershipFactory(team=duty, user=people["other_worker"])
    log = make_log(people["worker"], title="Shared with the duty team")
    log.shared_teams.set([duty])
    reader = client_for(people["other_worker"])
    assert listed(reader) == {log.pk}

    owner_membership.left_on = datetime.date.today() - datetime.timedelta(days=1)
    owner_membership.save()
    # Both are still in the first team, but the log was shared with the duty team only.
    assert reader.get(reverse("learning:log-detail", args=[log.pk])).status_code == 404
    assert listed(reader) == set()


@pytest.mark.parametrize("viewer", ["worker", "other_worker", "supervisor", "other_supervisor", "ended_supervisor",
                                    "practice_lead"])
def test_the_list_is_exactly_the_logs_the_viewer_can_open(people, client_for, viewer):
    load_content()
    group = PeerGroupFactory(members=[people["worker"], people["practice_lead"]])
    MembershipFactory(team=TeamFactory(), user=people["other_worker"])
    duty = TeamFactory()
    MembershipFactory(team=duty, user=people["worker"])
    logs = [
        make_log(people["worker"], title="To all supervisors", share_with_all_supervisors=True),
        make_log(people["worker"], title="Private"),
        make_log(people["worker"], title="Draft to supervisors", complete=False, share_with_all_supervisors=True),
        make_log(people["other_worker"], title="To the team"),
        make_log(people["worker"], title="To the duty team"),
        make_log(people["worker"], title="To the group"),
    ]
    logs[3].shared_teams.set(list(people["other_worker"].memberships.values_list("team", flat=True)))
    logs[4].shared_teams.set([duty])
    logs[5].peer_group_shares.create(peer_group_id=group.pk, group_name=group.name)
    user = people[viewer]
    can_open = {log.pk for log in ReflectiveLog.objects.all() if permissions.can_view_log(user, log) and log.owner_id != user.pk}
    assert listed(client_for(user)) == can_open
    for pk in can_open:
        assert client_for(user).get(reverse("learning:log-detail", args=[pk])).status_code == 200
