"""Supervision's part of the development record's audiences contract (see learning/record.py).

Entries copied from a supervision session are read by the people in the room (its supervisees and
its supervisor while they still supervise one of them), not by another supervisor of the worker;
entries from a peer session by the group's members and the session's attendees. Learning also
learns here who belongs to a peer group, without reading supervision's tables.
"""

from . import permissions
from .groups import peer_groups_of
from .services import RECORD_SOURCE_PEER, RECORD_SOURCE_SUPERVISION


def _ids(keys):
    return [int(key) for key in keys if str(key).isdigit()]


def readable_sessions(viewer, keys):
    sessions = permissions.sessions_in_the_room(viewer, _ids(keys))
    return {str(pk) for pk in sessions.values_list("pk", flat=True)}


def readable_peer_sessions(viewer, keys):
    peer_sessions = permissions.peer_sessions_of_members(viewer, _ids(keys))
    return {str(pk) for pk in peer_sessions.values_list("pk", flat=True)}


CONTENT_AUDIENCES = {
    RECORD_SOURCE_SUPERVISION: readable_sessions,
    RECORD_SOURCE_PEER: readable_peer_sessions,
}

__all__ = ["CONTENT_AUDIENCES", "peer_groups_of"]
