"""Risk enablement panel pages. Thin: who may do what is in permissions.py, what happens in services.py.

Anyone the rules leave out is refused with 403 (not 404): a panel's existence is not a secret, its
content is. Each view of content is written to the panel access log with the reason it was allowed.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core import autosave
from core.addenda import AddendumForm
from core.inputs import id_from
from people import roles
from people.models import User

from . import permissions, services
from .forms import (
    AttendanceForm,
    DecisionForm,
    MeetingForm,
    ReflectionForm,
    RequestForm,
    ReviewForm,
    StartRequestForm,
)
from .models import (
    ActionStatus,
    Decision,
    Panel,
    PanelAction,
    PanelMeeting,
    PanelRequest,
    RequestStatus,
    Review,
    TermsOfReference,
)

NOT_YOURS = "Only the worker who raised it, their supervisors and the panel's members can read this request."
MEMBERS_ONLY = "Only the panel's members can read this meeting's record."
LOCKED = "This record is signed off and locked, so it can no longer be changed. Members can add an addendum."


def _requests():
    return PanelRequest.objects.select_related("panel", "worker", "supervisor_agreed_by", "meeting")


def _readable_request(request, pk, view_name):
    """The request if the user may read it, with the read written to the access log; else 403."""
    request_ = get_object_or_404(_requests(), pk=pk)
    reason = permissions.read_reason(request.user, request_)
    if not reason:
        raise PermissionDenied(NOT_YOURS)
    services.log_access(request.user, request_, view_name, reason)
    return request_


def _member_meeting(request, pk, view_name, allowed=None, refusal=LOCKED):
    """The meeting for a member of its panel (logged), if `allowed(user, meeting)`; else 403."""
    meeting = get_object_or_404(PanelMeeting.objects.select_related("panel", "panel__chair", "signed_off_by"), pk=pk)
    if not permissions.can_read_meeting(request.user, meeting):
        raise PermissionDenied(MEMBERS_ONLY)
    if allowed is not None and not allowed(request.user, meeting):
        raise PermissionDenied(refusal)
    services.log_access(request.user, meeting, view_name, "panel member")
    return meeting


# ---- Home and panels ---------------------------------------------------------------------------


def index(request):
    user = request.user
    my_panels = permissions.panels_of(user).select_related("team", "chair")
    supervisees = roles.current_supervisees(user)
    overseen = []
    if roles.is_practice_lead(user):
        overseen = [p for p in Panel.objects.select_related("team").exclude(pk__in=my_panels.values("pk")) if permissions.oversees(user, p)]
    return render(request, "panels/index.html", {
        "my_panels": my_panels,
        "my_requests": _requests().filter(worker=user).exclude(status=RequestStatus.WITHDRAWN),
        "supervisee_requests": _requests().filter(worker__in=supervisees).exclude(status=RequestStatus.WITHDRAWN),
        "overseen": overseen,
        "open_actions": services.open_actions_for(user),
    })


def panel_detail(request, pk):
    panel = get_object_or_404(Panel.objects.select_related("team", "chair"), pk=pk)
    user = request.user
    if not permissions.can_view_panel(user, panel):
        raise PermissionDenied("Only the panel's members, and practice leads for counts and dates, can open this panel.")
    member = permissions.is_member(user, panel)
    context = {
        "panel": panel,
        "terms": TermsOfReference.objects.filter(panel=panel).first(),
        "today": timezone.localdate(),
        "is_member": member,
        "is_chair": permissions.is_chair(user, panel),
        "members": panel.members.order_by("first_name", "last_name"),
        "external_members": panel.external_members.all(),
        "can_schedule": permissions.can_schedule(user, panel),
    }
    if member:
        services.log_access(user, panel, "panel-detail", "panel member")
        context.update({
            "meetings": panel.meetings.all()[:50],
            "waiting": services.waiting_requests(panel),
            "reviews_due": services.reviews_due([panel.pk]),
        })
    else:
        context["numbers"] = services.panel_numbers(panel)
    return render(request, "panels/panel_detail.html", context)


# ---- Requests ----------------------------------------------------------------------------------


def request_create(request):
    if not permissions.can_raise_request(request.user):
        raise PermissionDenied
    initial = {}
    panel_id = id_from(request.GET.get("panel"))
    if panel_id:
        initial["panel"] = panel_id
    form = StartRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        request_ = services.start_request(panel=form.cleaned_data["panel"], worker=request.user,
                                          case_reference=form.cleaned_data["case_reference"])
        messages.success(request, "Request started. It saves itself as you type; your supervisor will be asked to agree before it goes to the panel.")
        return redirect("panels:request-edit", pk=request_.pk)
    return render(request, "panels/request_create.html", {"form": form}, status=400 if form.errors else 200)


def request_detail(request, pk):
    request_ = _readable_request(request, pk, "request-detail")
    user = request.user
    decisions = request_.decisions.select_related("meeting", "recorded_by").prefetch_related(
        "shared_by", Prefetch("actions", queryset=PanelAction.objects.select_related("owner")),
    )
    decision_rows = []
    for decision in decisions:
        decision_rows.append({
            "decision": decision,
            "review": Review.objects.filter(decision=decision).first(),
            "can_review": permissions.can_record_review(user, decision),
            "actions": [{"action": a, "can_update": permissions.can_update_action(user, a)} for a in decision.actions.all()],
        })
    return render(request, "panels/request_detail.html", {
        "req": request_,
        "answers": [(PanelRequest._meta.get_field(n).verbose_name, getattr(request_, n)) for n in services.REQUEST_TEXT_FIELDS],
        "decisions": decision_rows,
        "can_edit": permissions.can_edit_request(user, request_),
        "can_agree": permissions.can_agree(user, request_),
        "can_submit": permissions.can_submit(user, request_),
        "can_withdraw": permissions.can_withdraw(user, request_),
        "missing": services.missing_answers(request_) if permissions.can_edit_request(user, request_) else [],
        "action_statuses": ActionStatus.choices,
    })


def _editable_request(request, pk, view_name):
    request_ = _readable_request(request, pk, view_name)
    if not permissions.can_edit_request(request.user, request_):
        raise PermissionDenied("Only the worker who raised it can change a request, and only while it is a draft.")
    return request_


def request_edit(request, pk):
    request_ = _editable_request(request, pk, "request-edit")
    form = RequestForm(request.POST or None, instance=request_)
    if request.method == "POST" and form.is_valid() and form.warnings_accepted():
        services.save_request(request_, request.user, **form.cleaned_data)
        messages.success(request, "Draft saved.")
        return redirect(request_)
    return render(request, "panels/request_edit.html", {"req": request_, "form": form}, status=400 if form.errors else 200)


@require_POST
def request_autosave(request, pk):
    """Save the draft typed so far, all or nothing: saved is true only when every field sent was stored."""
    request_ = get_object_or_404(_requests(), pk=pk)
    if not permissions.can_edit_request(request.user, request_):
        return JsonResponse({"saved": False, "errors": {}, "not_saved": [
            {"field": "", "label": "The request", "messages": ["it can no longer be changed here."]}]}, status=403)
    form = RequestForm(request.POST, instance=PanelRequest.objects.get(pk=request_.pk))
    if not form.is_valid():
        return autosave.not_saved(form)
    sent = {name: value for name, value in form.cleaned_data.items() if name in request.POST}
    services.save_request(request_, request.user, **sent)
    services.log_access(request.user, request_, "request-autosave", "requesting worker")
    return JsonResponse({"saved": True, "saved_at": timezone.localtime(request_.updated_at).strftime("%H:%M:%S"), "errors": {}})


@require_POST
def request_step(request, pk, step):
    steps = {
        "agree": (services.agree_request, "You have agreed to this request going to the panel."),
        "submit": (services.submit_request, "Request sent to the panel. The chair will put it on a meeting's agenda."),
        "withdraw": (services.withdraw_request, "Request withdrawn."),
    }
    if step not in steps:
        raise PermissionDenied("There is no such step for a request.")
    request_ = _readable_request(request, pk, f"request-{step}")
    action, message = steps[step]
    try:
        action(request_, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, message)
    return redirect(request_)


# ---- Meetings ----------------------------------------------------------------------------------


def meeting_create(request, pk):
    panel = get_object_or_404(Panel, pk=pk)
    if not permissions.can_schedule(request.user, panel):
        raise PermissionDenied("Only the panel's chair can set up its meetings.")
    form = MeetingForm(request.POST or None, initial={"meets_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        meeting = services.schedule_meeting(panel=panel, chair=request.user, **form.cleaned_data)
        messages.success(request, "Meeting set up. Put the requests waiting for the panel on its agenda.")
        return redirect(meeting)
    return render(request, "panels/meeting_form.html", {"panel": panel, "form": form}, status=400 if form.errors else 200)


def meeting_detail(request, pk):
    meeting = get_object_or_404(PanelMeeting.objects.select_related("panel", "signed_off_by"), pk=pk)
    user = request.user
    if not permissions.can_read_meeting(user, meeting):
        if permissions.was_there(user, meeting):
            # A presenting worker: the date, their own requests and their reflection, not the others'.
            return render(request, "panels/meeting_presenter.html", {
                "meeting": meeting,
                "own_requests": PanelRequest.objects.filter(decisions__meeting=meeting, worker=user).distinct(),
                "reflection": meeting.reflections.filter(author=user).first(),
            })
        raise PermissionDenied(MEMBERS_ONLY)
    services.log_access(user, meeting, "meeting-detail", "panel member")
    decisions = {
        d.request_id: d for d in meeting.decisions.prefetch_related(
            "shared_by", Prefetch("actions", queryset=PanelAction.objects.select_related("owner")))
    }
    agenda = [{"req": r, "decision": decisions.get(r.pk)} for r in services.agenda(meeting)]
    can_manage = permissions.can_manage_meeting(user, meeting)
    return render(request, "panels/meeting_detail.html", {
        "meeting": meeting,
        "agenda": agenda,
        "attendees": meeting.attendees.order_by("first_name", "last_name"),
        "waiting": services.waiting_requests(meeting.panel) if can_manage else [],
        "carried": services.carried_forward_actions(meeting),
        "addenda": meeting.addenda.select_related("author"),
        "can_manage": can_manage,
        "can_addendum": permissions.can_add_addendum(user, meeting),
        "addendum_form": AddendumForm(),
        "can_reflect": permissions.can_reflect(user, meeting),
        "action_statuses": ActionStatus.choices,
        "is_chair": permissions.is_chair(user, meeting.panel),
    })


@require_POST
def meeting_agenda(request, pk):
    meeting = _member_meeting(request, pk, "meeting-agenda", permissions.can_manage_meeting,
                              refusal="Only the chair can change the agenda of an open meeting.")
    request_ = PanelRequest.objects.filter(pk=id_from(request.POST.get("request")), panel=meeting.panel).first()
    if request_ is None:
        messages.error(request, "Choose a request waiting for this panel.")
        return redirect(meeting)
    try:
        if request.POST.get("remove"):
            services.remove_from_agenda(meeting, request.user, request_)
            messages.success(request, f"{request_.case_reference} taken off the agenda.")
        else:
            services.add_to_agenda(meeting, request.user, request_)
            messages.success(request, f"{request_.case_reference} is on the agenda.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(meeting)


def _panel_people(panel):
    ids = permissions._member_ids(panel)
    return User.objects.filter(pk__in=ids).order_by("first_name", "last_name")


def meeting_attendance(request, pk):
    meeting = _member_meeting(request, pk, "meeting-attendance", permissions.can_manage_meeting,
                              refusal="Only the chair can record who attended an open meeting.")
    guests_text = "\n".join(f"{g['role']}, {g['organisation']}" for g in meeting.guests)
    form = AttendanceForm(request.POST or None, members=_panel_people(meeting.panel),
                          initial={"attendees": list(meeting.attendees.values_list("pk", flat=True)), "guests": guests_text})
    if request.method == "POST" and form.is_valid() and form.warnings_accepted():
        services.record_attendance(meeting, request.user, attendees=form.cleaned_data["attendees"],
                                   guests=form.cleaned_data["guests"])
        messages.success(request, "Attendance saved. Each member who attended has the meeting on their development record.")
        return redirect(meeting)
    return render(request, "panels/meeting_attendance.html", {"meeting": meeting, "form": form},
                  status=400 if form.errors else 200)


def decision_record(request, pk, request_pk):
    meeting = _member_meeting(request, pk, "decision-record", permissions.can_manage_meeting,
                              refusal="Only the chair can record decisions, while the meeting is open.")
    request_ = get_object_or_404(_requests(), pk=request_pk, meeting=meeting)
    members = _panel_people(meeting.panel)
    owners = User.objects.filter(pk__in=set(members.values_list("pk", flat=True)) | {request_.worker_id})
    form = DecisionForm(request.POST or None, members=members, owners=owners,
                        initial={"shared_by": list(meeting.attendees.values_list("pk", flat=True))})
    if request.method == "POST" and form.is_valid() and form.warnings_accepted():
        data = form.cleaned_data
        services.record_decision(
            meeting, request.user, request_, outcome=data["outcome"], rationale=data["rationale"],
            conditions=data["conditions"], shared_by=data["shared_by"], review_on=data["review_on"], actions=form.actions(),
        )
        messages.success(request, f"Decision recorded for {request_.case_reference}.")
        return redirect(meeting)
    return render(request, "panels/decision_form.html", {
        "meeting": meeting, "req": request_, "form": form,
        "answers": [(PanelRequest._meta.get_field(n).verbose_name, getattr(request_, n)) for n in services.REQUEST_TEXT_FIELDS],
    }, status=400 if form.errors else 200)


@require_POST
def meeting_sign_off(request, pk):
    meeting = _member_meeting(request, pk, "meeting-sign-off", permissions.can_sign_off,
                              refusal="Only the chair can sign off an open meeting record.")
    try:
        services.sign_off(meeting, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Signed off. The record is now locked; corrections are added as dated addenda.")
    return redirect(meeting)


@require_POST
def addendum_add(request, pk):
    meeting = _member_meeting(request, pk, "addendum-add", permissions.can_add_addendum,
                              refusal="Addenda are added once the chair has signed the record off.")
    form = AddendumForm(request.POST)
    if form.is_valid() and form.warnings_accepted():
        services.add_addendum(meeting, request.user, form.cleaned_data["text"])
        messages.success(request, "Addendum added.")
        return redirect(reverse("panels:meeting-detail", args=[pk]) + "#addenda")
    return render(request, "panels/addendum_form.html", {"meeting": meeting, "form": form},
                  status=400 if form.errors else 200)


def meeting_reflection(request, pk):
    meeting = get_object_or_404(PanelMeeting.objects.select_related("panel"), pk=pk)
    if not permissions.can_reflect(request.user, meeting):
        raise PermissionDenied("Only people who were at the meeting can add a reflection.")
    reflection = meeting.reflections.filter(author=request.user).first()
    form = ReflectionForm(request.POST or None, initial={"text": reflection.text if reflection else ""})
    if request.method == "POST" and form.is_valid() and form.warnings_accepted():
        services.save_reflection(meeting, request.user, form.cleaned_data["text"])
        messages.success(request, "Reflection saved. This meeting now counts as peer reflection on your development record.")
        return redirect("learning:record")
    return render(request, "panels/reflection_form.html", {"meeting": meeting, "form": form, "reflection": reflection},
                  status=400 if form.errors else 200)


@require_POST
def action_status(request, pk):
    action = get_object_or_404(PanelAction.objects.select_related("decision__meeting__panel", "decision__request"), pk=pk)
    if not permissions.can_update_action(request.user, action):
        raise PermissionDenied("Only the action's owner or the panel's chair can change it.")
    back = action.decision.request
    in_meeting = None
    if request.POST.get("from_meeting"):
        in_meeting = PanelMeeting.objects.filter(pk=id_from(request.POST["from_meeting"]), panel=action.decision.meeting.panel).first()
        if in_meeting is None or not permissions.can_read_meeting(request.user, in_meeting):
            messages.error(request, "The action was not changed: the meeting you came from could not be found.")
            return redirect(back)
    status = request.POST.get("status")
    if status not in ActionStatus.values:
        messages.error(request, "Choose a status for the action.")
    else:
        services.set_action_status(action, request.user, status, in_meeting=in_meeting)
        messages.success(request, f"Action marked as {ActionStatus(status).label.lower()}.")
    return redirect(in_meeting or back)


def review_record(request, pk):
    decision = get_object_or_404(Decision.objects.select_related("request__worker", "request__panel", "meeting__panel"), pk=pk)
    reason = permissions.read_reason(request.user, decision.request)
    if not reason:
        raise PermissionDenied(NOT_YOURS)
    if not permissions.can_record_review(request.user, decision):
        raise PermissionDenied("The review is recorded once, by the requesting worker or the chair, for an agreed request.")
    services.log_access(request.user, decision.request, "review-record", reason)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and form.warnings_accepted():
        services.record_review(decision, request.user, **form.cleaned_data)
        messages.success(request, "Review recorded.")
        return redirect(decision.request)
    return render(request, "panels/review_form.html", {"decision": decision, "req": decision.request, "form": form},
                  status=400 if form.errors else 200)
