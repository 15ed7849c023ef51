"""Subject access: the person's own panel requests and the meetings they were at (found by name by core.subject_access).

A request is the worker's own record, so it comes whole, with the panel's decisions and reviews.
Of a meeting, the person gets what they were part of (date, panel, time, their reflection), not
other workers' requests: those belong to the workers who raised them.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, Q

from core import access_log

from .models import AccessLogEntry, PanelAction, PanelMeeting, PanelReflection, PanelRequest
from .services import REQUEST_TEXT_FIELDS


def _requests(user):
    requests = (
        PanelRequest.objects.filter(worker=user).select_related("panel", "supervisor_agreed_by")
        .prefetch_related("decisions__meeting", "decisions__shared_by", "decisions__actions__owner", "decisions__review")
        .order_by("created_at", "pk")
    )
    items = []
    for r in requests:
        item = {
            "panel": r.panel.name, "case_reference": r.case_reference, "status": r.get_status_display(),
            "created_at": r.created_at, "submitted_at": r.submitted_at,
            "supervisor_agreed_by": str(r.supervisor_agreed_by or ""), "supervisor_agreed_at": r.supervisor_agreed_at,
        }
        item.update({name: getattr(r, name) for name in REQUEST_TEXT_FIELDS})
        decisions = []
        for d in r.decisions.all():
            review = _review_of(d)
            decisions.append({
                "meeting_on": d.meeting.meets_on, "outcome": d.get_outcome_display(), "rationale": d.rationale,
                "conditions": d.conditions, "shared_by": [str(p) for p in d.shared_by.all()], "review_on": d.review_on,
                "actions": [{"action": a.description, "owner": str(a.owner), "due_on": a.due_on, "status": a.get_status_display()}
                            for a in d.actions.all()],
                "review": None if review is None else {
                    "reviewed_on": review.reviewed_on, "what_happened": review.what_happened,
                    "risk_managed": review.get_risk_managed_display(), "what_was_learnt": review.what_was_learnt,
                },
            })
        item["decisions"] = decisions
        items.append(item)
    return items


def _review_of(decision):
    try:
        return decision.review
    except ObjectDoesNotExist:  # not reviewed yet
        return None


def _meetings(user):
    own = Prefetch("reflections", queryset=PanelReflection.objects.filter(author=user), to_attr="own")
    meetings = (
        PanelMeeting.objects.filter(Q(attendees=user) | Q(decisions__request__worker=user)).distinct()
        .select_related("panel").prefetch_related(own).order_by("meets_on", "pk")
    )
    return [
        {"panel": m.panel.name, "meets_on": m.meets_on, "length_minutes": m.length_minutes, "status": m.get_status_display(),
         "your_reflection": m.own[0].text if m.own else ""}
        for m in meetings
    ]


def _own_actions(user):
    actions = PanelAction.objects.filter(owner=user).select_related("decision__meeting").order_by("due_on", "pk")
    return [{"action": a.description, "from_meeting_on": a.decision.meeting.meets_on, "due_on": a.due_on,
             "status": a.get_status_display(), "closed_at": a.closed_at} for a in actions]


def _access_log(user):
    request_ids = PanelRequest.objects.filter(worker=user).values("pk")
    entries = AccessLogEntry.objects.filter(Q(object_kind="panelrequest", object_id__in=request_ids) | Q(user=user)).order_by("at", "pk")
    return access_log.export_rows(entries)


def export(user):
    return {
        "title": "Risk enablement panels",
        "parts": [
            {"key": "panel_requests", "title": "Your requests to risk enablement panels",
             "description": "Each request you raised, with the panel's decisions and reviews.", "items": _requests(user)},
            {"key": "panel_meetings", "title": "Panel meetings you were at",
             "description": "As an attending member or as the worker presenting a request, with your reflection.",
             "items": _meetings(user)},
            {"key": "panel_actions", "title": "Panel actions you own", "items": _own_actions(user)},
            {"key": "panel_access_log", "title": "Access log",
             "description": "Each time someone opened a request you raised, and each panel record you opened.",
             "items": _access_log(user)},
        ],
    }
