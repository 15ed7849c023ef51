"""Who may see and do what in supervision. Each rule is a small function the views call.

A supervision record is seen by its supervisor and supervisees, and by people holding the
explicit audit permission. A supervisor whose relationships with every supervisee of a session
have ended sees the date and status of sessions they ran, never the content: the record now
belongs to the supervisee and their current supervisor.
"""

from django.db.models import Q

from people import roles

from .models import PeerSession, SupervisionSession

AUDIT_PERMISSION = "supervision.audit_supervision"
AUDITOR_GROUP = "Supervision auditors"


def _supervisee_ids(session):
    cached = getattr(session, "_supervisee_ids", None)
    if cached is None:
        cached = {p.user_id for p in session.participants.all()}
        session._supervisee_ids = cached
    return cached


def is_supervisee(user, session):
    return user.is_authenticated and user.pk in _supervisee_ids(session)


def is_current_session_supervisor(user, session):
    """The session's supervisor, while they still supervise at least one of its supervisees."""
    if not user.is_authenticated or session.supervisor_id != user.pk:
        return False
    cached = getattr(session, "_led_by_a_current_supervisor", None)
    if cached is None:  # asked by most rules of a session page: once per request
        current = set(roles.current_supervisees(user).values_list("pk", flat=True))
        cached = session._led_by_a_current_supervisor = bool(current & _supervisee_ids(session))
    return cached


def is_auditor(user):
    return user.is_authenticated and user.has_perm(AUDIT_PERMISSION)


def view_reason(user, session):
    """Why the user may read the session's content ('' when they may not). Written to the access log."""
    if is_supervisee(user, session):
        return "supervisee"
    if is_current_session_supervisor(user, session):
        return "supervisor"
    if is_auditor(user):
        return "auditor"
    return ""


def can_view_session(user, session):
    return bool(view_reason(user, session))


def can_see_session_details(user, session):
    """Place and attendees (the .ics, invitations): whoever may read the session's content."""
    return can_view_session(user, session)


def can_see_session_exists(user, session):
    """Date and status only: participants past and present."""
    return can_view_session(user, session) or (user.is_authenticated and session.supervisor_id == user.pk)


def is_participant(user, session):
    return is_supervisee(user, session) or is_current_session_supervisor(user, session)


def sessions_in_the_room(user, session_ids=None, on=None):
    """The sessions (of these ids, if given) whose content the user may read as one of the people in
    the room (is_participant, in one query) on that day (today by default): every copy of session
    content follows this rule."""
    if not user.is_authenticated:
        return SupervisionSession.objects.none()
    current = roles.current_supervisees(user, on=on).values("pk")
    room = Q(participants__user=user) | Q(supervisor=user, participants__user__in=current)
    sessions = SupervisionSession.objects.filter(pk__in=SupervisionSession.objects.filter(room).values("pk"))
    return sessions if session_ids is None else sessions.filter(pk__in=list(session_ids))


def can_add_agenda_item(user, session):
    return session.status in ("scheduled", "in_progress") and is_participant(user, session)


def can_edit_record(user, session):
    """Notes, case discussions and actions: participants, until the record goes for sign-off."""
    return not session.is_locked and session.status in ("scheduled", "in_progress") and is_participant(user, session)


def can_manage_session(user, session):
    """Start, send for sign-off, reopen, reschedule, cancel: the current supervisor."""
    return not session.is_locked and is_current_session_supervisor(user, session)


def can_sign(user, session):
    if session.status != "awaiting_sign_off":
        return False
    if is_current_session_supervisor(user, session):
        return session.supervisor_signed_at is None
    if is_supervisee(user, session):
        return any(p.user_id == user.pk and p.signed_at is None for p in session.participants.all())
    return False


def can_add_addendum(user, session):
    return session.is_locked and is_participant(user, session)


def can_update_action(user, action):
    """Actions stay live after sign-off: their owner or the current supervisor closes them."""
    session = action.session
    return action.owner_id == user.pk or is_current_session_supervisor(user, session)


# ---- Agreements --------------------------------------------------------------------------------


def can_view_agreement(user, agreement):
    """Its two people, past and present, see that it exists (dates and status)."""
    return user.is_authenticated and user.pk in (agreement.supervisor_id, agreement.supervisee_id)


def can_read_agreement_terms(user, agreement):
    """The terms (place, notes and cover arrangements): the supervisee, and the supervisor while
    they still supervise them. A former supervisor keeps the dates and status only."""
    if not user.is_authenticated:
        return False
    if user.pk == agreement.supervisee_id:
        return True
    return user.pk == agreement.supervisor_id and roles.is_current_supervisor(user, agreement.supervisee)


def can_edit_agreement(user, agreement):
    return (
        agreement.ended_on is None
        and agreement.supervisor_id == user.pk
        and roles.is_current_supervisor(user, agreement.supervisee)
    )


def can_accept_agreement(user, agreement):
    if agreement.ended_on is not None:
        return False
    if user.pk == agreement.supervisee_id:
        return agreement.supervisee_accepted_at is None
    if user.pk == agreement.supervisor_id:
        return agreement.supervisor_accepted_at is None and roles.is_current_supervisor(user, agreement.supervisee)
    return False


def can_schedule(user):
    return user.is_authenticated and roles.current_supervisees(user).exists()


# ---- Peer learning -----------------------------------------------------------------------------


def is_group_member(user, group):
    if not user.is_authenticated:
        return False
    if group.facilitator_id == user.pk:
        return True
    return group.members.filter(pk=user.pk).exists()


def leads_group_team(user, group):
    if roles.has_role(user, roles.Role.ADMINISTRATOR):
        return True
    return group.team_id is not None and roles.led_teams(user).filter(pk=group.team_id).exists()


def can_view_group(user, group):
    """Members see everything; practice leads of the group's team see dates and numbers."""
    return is_group_member(user, group) or leads_group_team(user, group)


def can_record_peer_session(user, group):
    return is_group_member(user, group) or leads_group_team(user, group)


def can_create_group(user):
    return roles.is_supervisor(user) or roles.is_practice_lead(user)


def can_edit_group(user, group):
    """Name, description and usual format: the facilitator or a lead of the group's team."""
    return group.facilitator_id == user.pk or leads_group_team(user, group)


def can_change_group_members(user, group):
    """Who attends and who facilitates: the facilitator or an administrator, never a lead as such.

    Membership opens the group's sessions, so a lead who could add themselves would read notes
    their role gives them only the dates and numbers of.
    """
    return user.is_authenticated and (group.facilitator_id == user.pk or roles.is_administrator(user))


def can_view_peer_session(user, peer_session):
    if not user.is_authenticated:
        return False
    if peer_session.facilitator_id == user.pk:
        return True
    if peer_session.attendees.filter(pk=user.pk).exists():
        return True
    return is_group_member(user, peer_session.group)


def peer_sessions_of_members(user, peer_session_ids):
    """Of these peer sessions, those the user may read (can_view_peer_session, in one query)."""
    if not user.is_authenticated:
        return PeerSession.objects.none()
    member = Q(facilitator=user) | Q(attendees=user) | Q(group__members=user) | Q(group__facilitator=user)
    return PeerSession.objects.filter(pk__in=list(peer_session_ids)).filter(member).distinct()


def can_reflect(user, peer_session):
    return user.is_authenticated and peer_session.attendees.filter(pk=user.pk).exists()


# ---- Team numbers ------------------------------------------------------------------------------


def can_view_team_numbers(user, team=None):
    if not roles.is_practice_lead(user):
        return False
    return team is None or roles.led_teams(user).filter(pk=team.pk).exists()
