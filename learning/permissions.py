"""Who may see and do what in learning. Views call these; nothing else decides access."""

from people import roles


def can_edit_log(user, log):
    return user.is_authenticated and log.owner_id == user.pk


def shared_with_supervisor(user, log):
    if not roles.is_current_supervisor(user, log.owner):
        return False
    return log.share_with_all_supervisors or log.shared_supervisors.filter(pk=user.pk).exists()


def shared_with_team_member(user, log):
    """Shared with a team the viewer and the owner are both in today."""
    if not log.shared_teams.exists():
        return False
    return log.shared_teams.filter(pk__in=roles.teams_of(user)).filter(pk__in=roles.teams_of(log.owner)).exists()


def shared_with_peer_group(user, log):
    """Shared with a peer group the viewer belongs to (supervision.groups says who belongs)."""
    from supervision.groups import peer_group_ids_of

    shared = set(log.peer_group_shares.values_list("peer_group_id", flat=True))
    return bool(shared and shared & peer_group_ids_of(user))


def can_view_log(user, log):
    if not user.is_authenticated:
        return False
    if log.owner_id == user.pk:
        return True
    if not log.is_complete:
        return False  # drafts stay with their author even when sharing is set
    return shared_with_supervisor(user, log) or shared_with_team_member(user, log) or shared_with_peer_group(user, log)


def can_view_record(user, owner):
    """The owner and their current supervisors; nobody else."""
    return user.is_authenticated and (user.pk == owner.pk or roles.is_current_supervisor(user, owner))


def can_comment_on_assessment(user, assessment):
    return roles.is_current_supervisor(user, assessment.owner)


def can_see_team_counts(user):
    return roles.is_practice_lead(user)
