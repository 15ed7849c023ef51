"""Who may see and do what in learning. Views call these; nothing else decides access."""

from django.db.models import Q

from people import roles

from . import record
from .models import LogStatus, ReflectiveLog, SelfAssessment


def can_edit_log(user, log):
    return user.is_authenticated and log.owner_id == user.pk


def logs_shared_with(user):
    """Complete logs of other people that the user may read today. The one rule for reading a log:
    can_view_log, "shared with me", the record's content and the dashboard all ask this.

    Shared with the user as a current supervisor of the owner (with all supervisors or by name),
    with a team both are in today, or with a peer group the user belongs to (learning.record asks
    the apps that keep peer groups who belongs).
    """
    if not getattr(user, "is_authenticated", False):
        return ReflectiveLog.objects.none()
    shared = Q(owner__in=roles.current_supervisees(user).values("pk")) & (
        Q(share_with_all_supervisors=True) | Q(shared_supervisors=user)
    )
    for team in roles.teams_of(user):
        shared |= Q(shared_teams=team, owner__in=roles.team_members(team).values("pk"))
    group_ids = record.peer_group_ids_of(user)
    if group_ids:
        shared |= Q(peer_group_shares__peer_group_id__in=group_ids)
    ids = ReflectiveLog.objects.filter(status=LogStatus.COMPLETE).exclude(owner=user).filter(shared).values("pk")
    # A subquery keeps the joins of the rule out of the caller's queryset (no duplicates, no distinct).
    return ReflectiveLog.objects.filter(pk__in=ids)


def can_view_log(user, log):
    if not user.is_authenticated:
        return False
    if log.owner_id == user.pk:
        return True
    if not log.is_complete:
        return False  # drafts stay with their author even when sharing is set
    return logs_shared_with(user).filter(pk=log.pk).exists()


def can_view_evidence(user, evidence):
    """Exactly those who may read what the file backs: the log's readers (can_view_log), or for
    learning added by hand its owner and their current supervisors (the record's audience)."""
    if not user.is_authenticated:
        return False
    if evidence.log_id is not None:
        return can_view_log(user, evidence.log)
    entry = evidence.entry
    return bool(record.visible_content(user, [entry])[0].content_shown) and can_view_record(user, entry.owner)


def can_view_record(user, owner):
    """The owner and their current supervisors; nobody else."""
    return user.is_authenticated and (user.pk == owner.pk or roles.is_current_supervisor(user, owner))


def can_comment_on_assessment(user, assessment):
    return roles.is_current_supervisor(user, assessment.owner)


def others_assessments_visible_to(user):
    """Other people's self-assessments the user may read: as a current supervisor of the owner."""
    return SelfAssessment.objects.filter(owner__in=roles.current_supervisees(user).values("pk"))


def others_record_text_visible_to(user):
    """Owners whose own words on their record (learning added by hand) the user may read: the
    record's audience, their current supervisors."""
    return roles.current_supervisees(user).values("pk")

