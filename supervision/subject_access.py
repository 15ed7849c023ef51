"""Subject access: the supervision a person was in (found by name by core.subject_access).

Only sessions the person was in: their content as the session's own rule allows (a supervisor
whose relationship has ended sees date and status only, as on the site). Audit access is not
ownership, so an auditor's download does not include other people's sessions.
"""

from django.db.models import Prefetch, Q

from core import access_log
from people import roles

from . import permissions
from .models import (
    AccessLogEntry,
    PeerReflection,
    PeerSession,
    SupervisionAction,
    SupervisionAgreement,
    SupervisionSession,
)


def _agreements(user):
    agreements = SupervisionAgreement.objects.filter(Q(supervisor=user) | Q(supervisee=user)).select_related(
        "supervisor", "supervisee"
    ).order_by("starts_on", "pk")
    # permissions.can_read_agreement_terms, with current supervisees read once.
    current_supervisees = set(roles.current_supervisees(user).values_list("pk", flat=True))
    items = []
    for a in agreements:
        if not permissions.can_view_agreement(user, a):
            continue
        item = {
            "supervisor": str(a.supervisor),
            "supervisee": str(a.supervisee),
            "version": a.version,
            "starts_on": a.starts_on,
            "review_on": a.review_on,
            "ended_on": a.ended_on,
            "supervisor_accepted_at": a.supervisor_accepted_at,
            "supervisee_accepted_at": a.supervisee_accepted_at,
        }
        if a.supervisee_id == user.pk or a.supervisee_id in current_supervisees:
            item.update({
                "frequency": a.frequency_text,
                "length_minutes": a.length_minutes,
                "place": a.place,
                "how_notes_are_kept": a.notes_arrangements,
                "cover_arrangements": a.cover_arrangements,
            })
        else:
            item["terms"] = "Not included: you no longer supervise this person."
        items.append(item)
    return items


def _session_content(session):
    notes = []
    for section in (session.template_snapshot or {}).get("sections", []):
        for prompt in section.get("prompts", []):
            answer = (session.notes or {}).get(prompt["key"], "")
            if answer:
                notes.append({"section": section.get("heading", ""), "prompt": prompt.get("heading", ""), "note": answer})
    return {
        "agenda": [{"item": i.text, "added_by": str(i.added_by)} for i in session.agenda_items.all()],
        "notes": notes,
        "case_discussions": [
            {
                "case_reference": c.case_reference,
                "presenting_situation": c.presenting_situation,
                "analysis": c.analysis,
                "options": c.options,
                "decision": c.decision,
                "rationale": c.rationale,
                "added_by": str(c.added_by),
            }
            for c in session.case_discussions.all()
        ],
        "actions": [
            {"action": a.description, "owner": str(a.owner), "due_on": a.due_on, "status": a.get_status_display()}
            for a in session.actions.all()
        ],
        "signatures": [
            {"supervisee": str(p.user), "signed_at": p.signed_at, "disagreement": p.disagreement}
            for p in session.participants.all()
        ],
        "supervisor_signed_at": session.supervisor_signed_at,
        "addenda": [{"by": str(a.author), "at": a.created_at, "text": a.text} for a in session.addenda.all()],
    }


def _sessions(user):
    sessions = (
        SupervisionSession.objects.filter(Q(supervisor=user) | Q(participants__user=user))
        .distinct()
        .select_related("supervisor")
        .prefetch_related(
            "participants__user",
            "agenda_items__added_by",
            "case_discussions__added_by",
            "actions__owner",
            "addenda__author",
        )
        .order_by("starts_at", "pk")
    )
    # permissions.is_current_session_supervisor's rule, with the person's current supervisees read
    # once rather than once a session: a supervisor may have run hundreds.
    current_supervisees = set(roles.current_supervisees(user).values_list("pk", flat=True))
    items = []
    for session in sessions:
        supervisee_ids = {p.user_id for p in session.participants.all()}
        in_the_room = user.pk in supervisee_ids or (
            session.supervisor_id == user.pk and bool(current_supervisees & supervisee_ids)
        )
        item = {
            "id": session.pk,
            "starts_at": session.starts_at,
            "length_minutes": session.length_minutes,
            "mode": session.get_mode_display(),
            "status": session.get_status_display(),
            "supervisor": str(session.supervisor),
            "supervisees": [str(p.user) for p in session.participants.all()],
        }
        # The people in the room read the record; an ended supervisor sees that it happened.
        if in_the_room:
            item["place"] = session.place
            item.update(_session_content(session))
        else:
            item["content"] = "Not included: the record now belongs to the supervisees and their current supervisor."
        items.append(item)
    return items


def _own_actions(user):
    actions = SupervisionAction.objects.filter(owner=user).select_related("session").order_by("due_on", "pk")
    return [
        {
            "action": a.description,
            "from_session_on": a.session.starts_at,
            "due_on": a.due_on,
            "status": a.get_status_display(),
            "closed_at": a.closed_at,
        }
        for a in actions
    ]


def _peer_sessions(user):
    own_reflections = Prefetch("reflections", queryset=PeerReflection.objects.filter(author=user), to_attr="own")
    sessions = (
        PeerSession.objects.filter(Q(attendees=user) | Q(facilitator=user))
        .distinct()
        .select_related("group", "facilitator")
        .prefetch_related("attendees", own_reflections)
        .order_by("held_on", "pk")
    )
    return [
        {
            "group": s.group.name,
            "held_on": s.held_on,
            "length_minutes": s.length_minutes,
            "format": s.get_format_display(),
            "facilitator": str(s.facilitator) if s.facilitator else "",
            "attendees": [str(p) for p in s.attendees.all()],
            "guests": s.guests,
            "themes": s.themes,
            "case_references": s.case_references,
            "learning_points": s.learning_points,
            "actions": s.actions,
            "your_reflection": s.own[0].text if s.own else "",
        }
        for s in sessions
    ]


def _access_log(user):
    """Who opened records the person is in, and what the person opened."""
    session_ids = SupervisionSession.objects.filter(Q(supervisor=user) | Q(participants__user=user)).values("pk")
    peer_ids = PeerSession.objects.filter(Q(attendees=user) | Q(facilitator=user)).values("pk")
    agreement_ids = SupervisionAgreement.objects.filter(Q(supervisor=user) | Q(supervisee=user)).values("pk")
    entries = AccessLogEntry.objects.filter(
        Q(object_kind="supervisionsession", object_id__in=session_ids)
        | Q(object_kind="peersession", object_id__in=peer_ids)
        | Q(object_kind="supervisionagreement", object_id__in=agreement_ids)
        | Q(user=user)
    ).order_by("at", "pk")
    return access_log.export_rows(entries)


def export(user):
    return {
        "title": "Supervision and peer learning",
        "parts": [
            {"key": "agreements", "title": "Supervision agreements", "items": _agreements(user)},
            {
                "key": "sessions",
                "title": "Supervision sessions",
                "description": "Sessions you supervised or were supervised in.",
                "items": _sessions(user),
            },
            {"key": "actions", "title": "Actions you own", "items": _own_actions(user)},
            {
                "key": "peer_sessions",
                "title": "Peer learning sessions",
                "description": "Sessions you attended or facilitated, with your own reflection.",
                "items": _peer_sessions(user),
            },
            {
                "key": "access_log",
                "title": "Access log",
                "description": "Each time someone opened a supervision record you are in, and each record you opened.",
                "items": _access_log(user),
            },
        ],
    }
