"""Supervision and peer learning pages. Thin: rules live in permissions.py, actions in services.py."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.addenda import AddendumForm
from core.inputs import id_from
from core.reminders import absolute_url
from people import roles
from people.models import User

from . import exports, permissions, services
from .forms import (
    ActionForm,
    AgendaItemForm,
    AgreementForm,
    CaseDiscussionForm,
    NotesForm,
    PeerGroupForm,
    PeerSessionForm,
    ReflectionForm,
    RescheduleForm,
    ScheduleSessionForm,
    SignForm,
    TeamNumbersForm,
)
from .ics import session_calendar
from .models import (
    ActionStatus,
    PeerGroup,
    PeerSession,
    SessionParticipant,
    SessionStatus,
    SupervisionAction,
    SupervisionAgreement,
    SupervisionSession,
)


def _sessions():
    return SupervisionSession.objects.select_related("supervisor", "template").prefetch_related(
        Prefetch("participants", queryset=SessionParticipant.objects.select_related("user"))
    )


def _get_session(pk):
    return get_object_or_404(_sessions(), pk=pk)


LOCKED = "This record is signed off and locked, so it can no longer be changed. You can add an addendum to it."


def _readable_session(request, pk):
    """The session and why the user may read its content; 403 for former supervisors, else 404."""
    session = _get_session(pk)
    reason = permissions.view_reason(request.user, session)
    if not reason:
        if permissions.can_see_session_exists(request.user, session):
            raise PermissionDenied("Your supervision relationship has ended, so you can no longer read this record.")
        raise Http404
    return session, reason


def _viewable_session(request, pk, view_name):
    """The session if the user may read its content, logging the view."""
    session, reason = _readable_session(request, pk)
    services.log_access(request.user, session, view_name, reason)
    return session


def _edit_refusal(session):
    """Why the people in a session cannot change its record now, in their words."""
    if session.is_locked:
        return LOCKED
    if session.status == SessionStatus.AWAITING_SIGN_OFF:
        return "This record is waiting for sign-off. The supervisor can reopen it for changes."
    if session.status == SessionStatus.CANCELLED:
        return "This session was cancelled, so its record cannot be changed."
    return "You cannot change this record."


# ---- Home --------------------------------------------------------------------------------------


def index(request):
    user = request.user
    today = timezone.localdate()
    # The lists show when, who and the status: a session's notes and template are neither read nor decoded.
    listed = _sessions().defer("notes", "template_snapshot")
    my_sessions = listed.filter(participants__user=user).exclude(status=SessionStatus.CANCELLED).distinct()
    upcoming = [s for s in my_sessions if s.status in (SessionStatus.SCHEDULED, SessionStatus.IN_PROGRESS, SessionStatus.AWAITING_SIGN_OFF)]
    led = listed.filter(supervisor=user).exclude(status=SessionStatus.CANCELLED)
    current_ids = set(roles.current_supervisees(user).values_list("pk", flat=True))
    led_rows = []
    for s in led[:100]:
        viewable = bool(current_ids & {p.user_id for p in s.participants.all()})
        led_rows.append({"session": s, "viewable": viewable})
    agreements = SupervisionAgreement.objects.filter(
        ended_on__isnull=True
    ).filter(supervisee=user).select_related("supervisor") | SupervisionAgreement.objects.filter(
        ended_on__isnull=True, supervisor=user
    ).select_related("supervisee")
    context = {
        "upcoming": upcoming,
        "past": [s for s in my_sessions if s not in upcoming][:50],
        "led_rows": led_rows,
        "agreements": agreements.select_related("supervisor", "supervisee").distinct(),
        "open_actions": services.open_actions_for(user),
        "can_schedule": permissions.can_schedule(user),
        "due": services.agreements_with_due_status(user, today) if current_ids else [],
        "is_lead": roles.is_practice_lead(user),
        "is_auditor": permissions.is_auditor(user),
    }
    return render(request, "supervision/index.html", context)


# ---- Agreements --------------------------------------------------------------------------------


def agreement_create(request):
    if not permissions.can_schedule(request.user):
        raise PermissionDenied("Only supervisors can propose a supervision agreement.")
    form = AgreementForm(request.POST or None, supervisor=request.user, initial=_initial_supervisee(request))
    if request.method == "POST" and form.is_valid() and form.warnings_accepted():
        agreement = form.save(commit=False)
        agreement.supervisor = request.user
        services.save_agreement(agreement, changed_by=request.user)
        messages.success(request, "Agreement saved. Accept it below; your supervisee will be asked to accept it too.")
        return redirect(agreement)
    return render(request, "supervision/agreement_form.html", {"form": form, "creating": True})


def _initial_supervisee(request):
    pk = id_from(request.GET.get("supervisee"))
    return {"supervisee": pk} if pk else {}


def agreement_detail(request, pk):
    agreement = get_object_or_404(SupervisionAgreement.objects.select_related("supervisor", "supervisee"), pk=pk)
    if not permissions.can_view_agreement(request.user, agreement):
        raise Http404
    return render(request, "supervision/agreement_detail.html", {
        "agreement": agreement,
        "terms_visible": permissions.can_read_agreement_terms(request.user, agreement),
        "can_accept": permissions.can_accept_agreement(request.user, agreement),
        "can_edit": permissions.can_edit_agreement(request.user, agreement),
    })


def agreement_edit(request, pk):
    agreement = get_object_or_404(SupervisionAgreement, pk=pk)
    if not permissions.can_view_agreement(request.user, agreement):
        raise Http404
    if not permissions.can_edit_agreement(request.user, agreement):
        raise PermissionDenied("Only the current supervisor can change this agreement.")
    form = AgreementForm(request.POST or None, instance=agreement, supervisor=request.user)
    if request.method == "POST" and form.is_valid() and form.warnings_accepted():
        services.save_agreement(form.save(commit=False), changed_by=request.user)
        messages.success(request, "Agreement updated. If the terms changed, both of you need to accept it again.")
        return redirect(agreement)
    return render(request, "supervision/agreement_form.html", {"form": form, "agreement": agreement})


@require_POST
def agreement_accept(request, pk):
    agreement = get_object_or_404(SupervisionAgreement, pk=pk)
    if not permissions.can_view_agreement(request.user, agreement):
        raise Http404
    services.accept_agreement(agreement, request.user)
    messages.success(request, "You have accepted the agreement.")
    return redirect(agreement)


# ---- Sessions ----------------------------------------------------------------------------------


def session_create(request):
    if not permissions.can_schedule(request.user):
        raise PermissionDenied("Only supervisors can schedule supervision.")
    supervisee = id_from(request.GET.get("supervisee"))
    initial = {"supervisees": [supervisee]} if supervisee else {}
    form = ScheduleSessionForm(request.POST or None, supervisor=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        session = services.schedule_session(
            supervisor=request.user, supervisees=data["supervisees"], starts_at=data["starts_at"],
            length_minutes=data["length_minutes"], template=data["template"], place=data["place"],
        )
        messages.success(request, "Session scheduled. Everyone has been sent a calendar invitation.")
        return redirect(session)
    return render(request, "supervision/session_form.html", {"form": form})


def _detail_context(request, session, **overrides):
    user = request.user
    sections = [
        {**section, "answers": [(p, session.notes.get(p["key"], "")) for p in section["prompts"]]}
        for section in session.template_snapshot.get("sections", [])
    ]
    can_edit = permissions.can_edit_record(user, session)
    can_add_agenda = permissions.can_add_agenda_item(user, session)
    can_sign = permissions.can_sign(user, session)
    can_addendum = permissions.can_add_addendum(user, session)
    signing_as_supervisee = permissions.is_supervisee(user, session)
    context = {
        "session": session,
        "sections": sections,
        "agenda_items": session.agenda_items.select_related("added_by"),
        "carried": services.carried_forward_actions(session),
        "case_discussions": session.case_discussions.select_related("added_by"),
        "actions": session.actions.select_related("owner"),
        "addenda": session.addenda.select_related("author"),
        "participants": session.participants.all(),
        "can_add_agenda": can_add_agenda,
        "can_edit": can_edit,
        "can_manage": permissions.can_manage_session(user, session),
        "can_sign": can_sign,
        "can_addendum": can_addendum,
        "is_participant": permissions.is_participant(user, session),
        "is_auditor_view": not permissions.is_participant(user, session),
        # Only the forms this person is shown are built (each costs a form's setup and drawing).
        "agenda_form": AgendaItemForm() if can_add_agenda else None,
        "case_form": CaseDiscussionForm() if can_edit else None,
        "action_form": ActionForm(session=session) if can_edit else None,
        "sign_form": SignForm() if can_sign and signing_as_supervisee else None,
        "addendum_form": AddendumForm() if can_addendum else None,
        "signing_as_supervisee": signing_as_supervisee,
    }
    context.update(overrides)
    return context


def session_detail(request, pk):
    session = _viewable_session(request, pk, "session-detail")
    return render(request, "supervision/session_detail.html", _detail_context(request, session))


def _rerender(request, session, **forms):
    """The session page again with a form's errors, keeping what the person typed."""
    status = 400 if any(form.errors for form in forms.values()) else 200  # a warning is not an error
    return render(request, "supervision/session_detail.html", _detail_context(request, session, **forms), status=status)


def _participant_session(request, pk, view_name, allowed=None, refusal=_edit_refusal):
    """The session for one of the people in it, if `allowed(user, session)`; only then is the view
    logged. A refusal is not written to the access log as a view: nothing was read."""
    session, reason = _readable_session(request, pk)
    if not permissions.is_participant(request.user, session):
        raise PermissionDenied("Only the people in this session can change it.")
    if allowed is not None and not allowed(request.user, session):
        raise PermissionDenied(refusal(session))
    services.log_access(request.user, session, view_name, reason)
    return session


@require_POST
def agenda_add(request, pk):
    session = _participant_session(
        request, pk, "agenda-add", permissions.can_add_agenda_item,
        refusal=lambda s: LOCKED if s.is_locked else "The agenda is closed for this session.",
    )
    form = AgendaItemForm(request.POST)
    if not (form.is_valid() and form.warnings_accepted()):
        return _rerender(request, session, agenda_form=form)
    services.add_agenda_item(session, request.user, form.cleaned_data["text"])
    messages.success(request, "Added to the agenda.")
    return redirect(reverse("supervision:session-detail", args=[pk]) + "#agenda")


def session_notes(request, pk):
    session = _participant_session(request, pk, "session-notes", permissions.can_edit_record)
    form = NotesForm(request.POST or None, snapshot=session.template_snapshot, initial=session.notes)
    if request.method == "POST" and form.is_valid() and form.warnings_accepted():
        notes = {k: v for k, v in form.cleaned_data.items()}
        services.save_notes(session, request.user, notes)
        messages.success(request, "Notes saved.")
        return redirect(reverse("supervision:session-detail", args=[pk]) + "#notes")
    status = 400 if form.errors else 200
    return render(request, "supervision/session_notes.html", {"session": session, "form": form}, status=status)


@require_POST
def case_add(request, pk):
    session = _participant_session(request, pk, "case-add", permissions.can_edit_record)
    form = CaseDiscussionForm(request.POST)
    if not (form.is_valid() and form.warnings_accepted()):
        return _rerender(request, session, case_form=form)
    services.add_case_discussion(session, request.user, **form.cleaned_data)
    messages.success(request, "Case discussion added.")
    return redirect(reverse("supervision:session-detail", args=[pk]) + "#cases")


@require_POST
def action_add(request, pk):
    session = _participant_session(request, pk, "action-add", permissions.can_edit_record)
    form = ActionForm(request.POST, session=session)
    if not (form.is_valid() and form.warnings_accepted()):
        return _rerender(request, session, action_form=form)
    services.add_action(session, request.user, **form.cleaned_data)
    messages.success(request, "Action added.")
    return redirect(reverse("supervision:session-detail", args=[pk]) + "#actions")


@require_POST
def action_status(request, pk):
    action = get_object_or_404(SupervisionAction.objects.select_related("session"), pk=pk)
    session = action.session
    if not permissions.can_view_session(request.user, session):
        raise Http404
    # Where to return, checked before anything is saved: a change is made whole or not at all.
    back, in_session = session, None
    if request.POST.get("from_session"):
        back = SupervisionSession.objects.filter(pk=id_from(request.POST["from_session"])).first()
        if back is None or not permissions.can_view_session(request.user, back):
            messages.error(request, "The action was not changed: the session you came from could not be found.")
            return redirect(reverse("supervision:session-detail", args=[session.pk]) + "#agenda")
        in_session = back
    status = request.POST.get("status")
    if status not in ActionStatus.values:
        messages.error(request, "Choose a status for the action.")
    else:
        services.set_action_status(action, request.user, status, in_session=in_session)
        messages.success(request, f"Action marked as {ActionStatus(status).label.lower()}.")
    return redirect(reverse("supervision:session-detail", args=[back.pk]) + "#agenda")


@require_POST
def session_transition(request, pk, step):
    steps = {
        "start": (services.start_session, "Session started. Write notes as you go."),
        "send-for-sign-off": (services.send_for_sign_off, "Sent for sign-off. Everyone in the session can now sign."),
        "reopen": (services.reopen, "Reopened for changes. Signatures given so far have been cleared."),
        "cancel": (services.cancel_session, "Session cancelled. Everyone has been sent a cancellation."),
    }
    if step not in steps:
        raise Http404
    session = _participant_session(
        request, pk, f"session-{step}", permissions.can_manage_session,
        refusal=lambda s: LOCKED if s.is_locked else "Only the supervisor can start, send for sign-off, reopen or cancel a session.",
    )
    action, message = steps[step]
    action(session, request.user)
    messages.success(request, message)
    return redirect(session)


@require_POST
def session_sign(request, pk):
    session = _participant_session(
        request, pk, "session-sign", permissions.can_sign,
        refusal=lambda s: "This record is already signed off and locked." if s.is_locked else "You cannot sign this record now.",
    )
    form = SignForm(request.POST)
    if not (form.is_valid() and form.warnings_accepted()):
        return _rerender(request, session, sign_form=form)
    disagreement = form.cleaned_data["disagreement"] if permissions.is_supervisee(request.user, session) else ""
    services.sign(session, request.user, disagreement)
    session.refresh_from_db()
    if session.is_locked:
        messages.success(request, "Signed. Everyone has signed, so the record is now locked.")
    else:
        messages.success(request, "Signed. The record locks when everyone has signed.")
    return redirect(session)


@require_POST
def addendum_add(request, pk):
    session = _participant_session(
        request, pk, "addendum-add", permissions.can_add_addendum,
        refusal=lambda s: "Addenda are added once everyone has signed the record.",
    )
    form = AddendumForm(request.POST)
    if not (form.is_valid() and form.warnings_accepted()):
        return _rerender(request, session, addendum_form=form)
    services.add_addendum(session, request.user, form.cleaned_data["text"])
    messages.success(request, "Addendum added.")
    return redirect(reverse("supervision:session-detail", args=[pk]) + "#addenda")


def session_reschedule(request, pk):
    session = _participant_session(
        request, pk, "session-reschedule",
        lambda user, s: permissions.can_manage_session(user, s) and s.status == SessionStatus.SCHEDULED,
        refusal=lambda s: LOCKED if s.is_locked else "Only the supervisor can move a session that has not started.",
    )
    local = timezone.localtime(session.starts_at)
    form = RescheduleForm(request.POST or None, initial={
        "date": local.date(), "time": local.time(), "length_minutes": session.length_minutes, "place": session.place,
    })
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        starts = timezone.make_aware(datetime.datetime.combine(data["date"], data["time"]))
        services.reschedule_session(session, starts_at=starts, length_minutes=data["length_minutes"], place=data["place"])
        messages.success(request, "Session moved. Everyone has been sent an updated invitation.")
        return redirect(session)
    return render(request, "supervision/session_reschedule.html", {"session": session, "form": form})


def session_ics(request, pk):
    session = _get_session(pk)
    if not permissions.can_see_session_exists(request.user, session):
        raise Http404
    details = permissions.can_see_session_details(request.user, session)
    body = session_calendar(session, url=absolute_url(session.get_absolute_url()), details=details)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="supervision-{session.pk}.ics"'
    return response


# ---- Peer learning -----------------------------------------------------------------------------


def peer_group_list(request):
    user = request.user
    groups = PeerGroup.objects.select_related("facilitator", "team").order_by("name")
    mine = groups.filter(members=user) | groups.filter(facilitator=user)
    led_team_ids = list(roles.led_teams(user).values_list("pk", flat=True)) if roles.is_practice_lead(user) else []
    overseen = groups.filter(team_id__in=led_team_ids).exclude(pk__in=mine.values("pk"))
    return render(request, "supervision/peer_group_list.html", {
        "mine": mine.distinct(), "overseen": overseen, "can_create": permissions.can_create_group(user),
    })


def _group_people(user, group=None):
    teams = roles.teams_of(user)
    ids = set()
    for team in teams:
        ids |= set(roles.team_members(team).values_list("pk", flat=True))
    if group is not None:
        ids |= set(group.members.values_list("pk", flat=True))
    return User.objects.filter(pk__in=ids)


def peer_group_create(request):
    if not permissions.can_create_group(request.user):
        raise PermissionDenied("Supervisors and practice leads can set up peer groups.")
    form = PeerGroupForm(request.POST or None, people=_group_people(request.user), initial={"facilitator": request.user.pk})
    if request.method == "POST" and form.is_valid():
        group = services.create_peer_group(request.user, **form.cleaned_data)
        messages.success(request, f"Peer group '{group.name}' set up.")
        return redirect(group)
    return render(request, "supervision/peer_group_form.html", {"form": form})


def peer_group_edit(request, pk):
    group = get_object_or_404(PeerGroup, pk=pk)
    if not permissions.can_view_group(request.user, group):
        raise Http404
    if not permissions.can_edit_group(request.user, group):
        raise PermissionDenied("Only the facilitator or a practice lead can change this group.")
    form = PeerGroupForm(request.POST or None, instance=group, people=_group_people(request.user, group))
    if not permissions.can_change_group_members(request.user, group):
        # The form saves only the fields it shows: members and facilitator stay as they are.
        del form.fields["facilitator"], form.fields["members"]
    if request.method == "POST" and form.is_valid():
        # The form holds only the fields this person may change (see above).
        services.update_peer_group(group, request.user, **form.cleaned_data)
        messages.success(request, "Group updated.")
        return redirect(group)
    return render(request, "supervision/peer_group_form.html", {"form": form, "group": group})


def peer_group_detail(request, pk):
    group = get_object_or_404(PeerGroup.objects.select_related("facilitator", "team"), pk=pk)
    if not permissions.can_view_group(request.user, group):
        raise Http404
    member = permissions.is_group_member(request.user, group)
    from django.db.models import Count

    sessions = group.sessions.annotate(n_attendees=Count("attendees", distinct=True)).select_related("facilitator")
    return render(request, "supervision/peer_group_detail.html", {
        "group": group,
        "members": group.members.all(),
        "sessions": sessions,
        "is_member": member,
        "can_record": permissions.can_record_peer_session(request.user, group),
        "can_edit": permissions.can_edit_group(request.user, group),
    })


def peer_session_create(request, pk):
    group = get_object_or_404(PeerGroup, pk=pk)
    if not permissions.can_view_group(request.user, group):
        raise Http404
    if not permissions.can_record_peer_session(request.user, group):
        raise PermissionDenied
    form = PeerSessionForm(request.POST or None, group=group, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid() and form.warnings_accepted():
        data = dict(form.cleaned_data)
        attendees = data.pop("attendees")
        guests = data.pop("guests")
        peer_session = services.record_peer_session(group=group, recorded_by=request.user, attendees=attendees, guests=guests, **data)
        messages.success(request, "Session recorded. It is on the development record of " + (
            "the member who attended." if len(attendees) == 1 else f"the {len(attendees)} members who attended."))
        if permissions.can_view_peer_session(request.user, peer_session):
            return redirect(peer_session)
        return redirect(group)
    status = 400 if form.errors else 200
    return render(request, "supervision/peer_session_form.html", {"group": group, "form": form}, status=status)


def peer_session_detail(request, pk):
    peer_session = get_object_or_404(PeerSession.objects.select_related("group", "facilitator", "recorded_by"), pk=pk)
    if not permissions.can_view_peer_session(request.user, peer_session):
        if permissions.can_view_group(request.user, peer_session.group):
            raise PermissionDenied("Only the group's members can read what was discussed.")
        raise Http404
    services.log_access(request.user, peer_session, "peer-session-detail", "member")
    reflection = peer_session.reflections.filter(author=request.user).first()
    form = None
    if permissions.can_reflect(request.user, peer_session):
        form = ReflectionForm(request.POST or None, initial={"text": reflection.text if reflection else ""})
        if request.method == "POST" and form.is_valid() and form.warnings_accepted():
            services.save_peer_reflection(peer_session, request.user, form.cleaned_data["text"])
            messages.success(request, "Reflection saved. This session now counts as peer reflection on your development record.")
            return redirect(peer_session)
    elif request.method == "POST":
        raise PermissionDenied("Only people who attended can add a reflection.")
    return render(request, "supervision/peer_session_detail.html", {
        "peer_session": peer_session,
        "attendees": peer_session.attendees.all(),
        "reflection": reflection,
        "form": form,
    }, status=400 if form is not None and form.errors else 200)


# ---- Team numbers ------------------------------------------------------------------------------


def _team_numbers_form(request):
    if not permissions.can_view_team_numbers(request.user):
        raise PermissionDenied("Team numbers are for practice leads.")
    teams = roles.led_teams(request.user)
    today = timezone.localdate()
    data = request.GET if "team" in request.GET else None
    form = TeamNumbersForm(data, teams=teams, initial={
        "team": teams.first(), "start": today - datetime.timedelta(days=90), "end": today,
    })
    if form.is_bound and form.is_valid():
        return form, services.team_numbers(form.cleaned_data["team"], form.cleaned_data["start"], form.cleaned_data["end"])
    if form.is_bound:
        return form, None
    team = teams.first()
    if team is None:
        return form, None
    return form, services.team_numbers(team, today - datetime.timedelta(days=90), today)


def team_numbers(request):
    form, numbers = _team_numbers_form(request)
    return render(request, "supervision/team_numbers.html", {
        "form": form, "numbers": numbers, "chart": chart_rows(numbers) if numbers else None,
        "query": request.GET.urlencode(),
    }, status=400 if form.errors else 200)


def chart_rows(numbers):
    """Bars as percentages of the largest value, with the numbers written beside them."""
    rows = [
        {"label": f"Supervision held: {r['type'].lower()}", "value": r["held"]} for r in numbers["supervision"]
    ]
    rows.append({"label": "Supervision due: one-to-one", "value": numbers["supervision"][0]["due"]})
    rows += [{"label": f"Peer sessions: {r['format'].lower()}", "value": r["sessions"]} for r in numbers["peer"]]
    top = max([r["value"] for r in rows] + [1])
    for r in rows:
        r["percent"] = round(100 * r["value"] / top)
    return rows


def team_numbers_csv(request):
    form, numbers = _team_numbers_form(request)
    if numbers is None:
        raise Http404
    return exports.team_numbers_csv(numbers)


