"""Peer groups as other apps may ask about them: who belongs, and to which groups.

supervision/audiences.py hands this to learning's audiences contract, so a worker can share a
reflective log with a peer group while learning never imports supervision.
"""

from django.db.models import Q

from .models import PeerGroup


def _groups_of(user):
    return PeerGroup.objects.filter(Q(members=user) | Q(facilitator=user)).distinct()


def peer_groups_of(user):
    """[(group id, name)] for the peer groups the user belongs to or facilitates."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(_groups_of(user).order_by("name").values_list("pk", "name"))


def peer_group_ids_of(user):
    """The ids of the user's peer groups, as a set."""
    return {pk for pk, _name in peer_groups_of(user)}
