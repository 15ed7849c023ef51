"""Who may see and do what with risk enablement panels: declared once, here; views and services ask.

A request and its decisions are read by the worker who raised it, the worker's current supervisors
and the panel's members (the chair is a member). A draft is the worker's and their supervisors'
until it is submitted. Practice leads of the panel's team (and administrators) see counts and
dates, never what anyone wrote. Everyone else is refused.
"""

from django.db.models import Q

from people import roles

from .models import MeetingStatus, Panel, PanelMeeting, PanelRequest, RequestStatus

# ---- Panels ------------------------------------------------------------------------------------


def _member_ids(panel):
    cached = getattr(panel, "_member_ids", None)
    if cached is None:
        cached = set(panel.members.values_list("pk", flat=True))
        if panel.chair_id:
            cached.add(panel.chair_id)
        panel._member_ids = cached
    return cached


def is_member(user, panel):
    return bool(getattr(user, "is_authenticated", False)) and user.pk in _member_ids(panel)


def is_chair(user, panel):
    return bool(getattr(user, "is_authenticated", False)) and panel.chair_id == user.pk


def oversees(user, panel):
    """A practice lead of the panel's team, or an administrator: counts and dates only."""
    if roles.is_administrator(user):
        return True
    if not roles.is_practice_lead(user) or panel.team_id is None:
        return False
    return roles.led_teams(user).filter(pk=panel.team_id).exists()


def can_view_panel(user, panel):
    """The panel page: members see requests and meetings; leads see counts and dates."""
    return is_member(user, panel) or oversees(user, panel)


def can_raise_request(user):
    """Any worker may bring a request; a supervisor must agree before it goes to the panel."""
    return bool(getattr(user, "is_authenticated", False))


def panels_of(user):
    """Panels the user sits on (as a member or the chair)."""
    if not getattr(user, "is_authenticated", False):
        return Panel.objects.none()
    return Panel.objects.filter(Q(members=user) | Q(chair=user)).distinct()


# ---- Requests ----------------------------------------------------------------------------------


def is_requester(user, request_):
    return bool(getattr(user, "is_authenticated", False)) and request_.worker_id == user.pk


def is_current_supervisor(user, request_):
    return roles.is_current_supervisor(user, request_.worker)


def read_reason(user, request_):
    """Why the user may read the request and its decisions ('' when they may not). Written to the access log."""
    if not getattr(user, "is_authenticated", False):
        return ""
    if is_requester(user, request_):
        return "requesting worker"
    if is_current_supervisor(user, request_):
        return "supervisor"
    if request_.status != RequestStatus.DRAFT and is_member(user, request_.panel):
        return "panel member"
    return ""


def can_read_request(user, request_):
    return bool(read_reason(user, request_))


def can_see_request_exists(user, request_):
    """Case reference withheld: the status and dates, for the people who oversee the panel."""
    return can_read_request(user, request_) or oversees(user, request_.panel)


def can_edit_request(user, request_):
    return request_.status == RequestStatus.DRAFT and is_requester(user, request_)


def can_agree(user, request_):
    """A current supervisor of the worker records their agreement, while the request is a draft."""
    return request_.status == RequestStatus.DRAFT and not request_.supervisor_agreed and is_current_supervisor(user, request_)


def can_submit(user, request_):
    return can_edit_request(user, request_) and request_.supervisor_agreed


def can_withdraw(user, request_):
    return is_requester(user, request_) and request_.status in (RequestStatus.DRAFT, RequestStatus.SUBMITTED)


def readable_requests(user, request_ids=None):
    """The requests (of these ids, if given) the user may read, as read_reason decides, in one query."""
    if not getattr(user, "is_authenticated", False):
        return PanelRequest.objects.none()
    supervisees = roles.current_supervisees(user).values("pk")
    member = Q(panel__members=user) | Q(panel__chair=user)
    rule = Q(worker=user) | Q(worker__in=supervisees) | (member & ~Q(status=RequestStatus.DRAFT))
    found = PanelRequest.objects.filter(pk__in=PanelRequest.objects.filter(rule).values("pk"))
    return found if request_ids is None else found.filter(pk__in=list(request_ids))


# ---- Meetings ----------------------------------------------------------------------------------


def can_read_meeting(user, meeting):
    """The whole meeting record (every request on the agenda): the panel's members only."""
    return is_member(user, meeting.panel)


def can_schedule(user, panel):
    """The chair sets up meetings and puts submitted requests on their agenda."""
    return panel.is_active and is_chair(user, panel)


def can_manage_meeting(user, meeting):
    """Agenda, attendance and decisions: the chair, until sign-off locks the record."""
    return not meeting.is_locked and meeting.status == MeetingStatus.SCHEDULED and is_chair(user, meeting.panel)


def can_sign_off(user, meeting):
    return can_manage_meeting(user, meeting)


def can_add_addendum(user, meeting):
    return meeting.is_locked and is_member(user, meeting.panel)


def can_update_action(user, action):
    """Actions stay live after sign-off: their owner or the chair closes them."""
    return bool(getattr(user, "is_authenticated", False)) and (
        action.owner_id == user.pk or is_chair(user, action.decision.meeting.panel)
    )


def can_record_review(user, decision):
    """The outcome at review: the requesting worker or the chair, once, after a decision that was agreed."""
    if hasattr(decision, "review"):
        return False
    if decision.outcome not in ("agreed", "agreed_with_conditions"):
        return False
    return is_requester(user, decision.request) or is_chair(user, decision.meeting.panel)


def was_there(user, meeting):
    """An attending member or a worker who presented a request: they get a record entry and may reflect."""
    if not getattr(user, "is_authenticated", False):
        return False
    if meeting.attendees.filter(pk=user.pk).exists():
        return True
    return meeting.decisions.filter(request__worker=user).exists()


def can_reflect(user, meeting):
    return was_there(user, meeting)


def meetings_of(user, meeting_ids):
    """Of these meetings, those whose record entry's content the user may read: its people and the panel's members."""
    if not getattr(user, "is_authenticated", False):
        return PanelMeeting.objects.none()
    rule = Q(attendees=user) | Q(decisions__request__worker=user) | Q(panel__members=user) | Q(panel__chair=user)
    return PanelMeeting.objects.filter(pk__in=list(meeting_ids)).filter(rule).distinct()
