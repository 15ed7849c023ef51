"""Frameworks and self-assessment views."""

from django import forms
from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from core.forms import GovUKForm, style_form

from . import permissions, services
from .forms import CommentForm
from .models import CONFIDENCE_SCALE, Framework, FrameworkStatement, SelfAssessment


def framework_list(request):
    frameworks = Framework.objects.filter(is_active=True)
    return render(request, "learning/framework_list.html", {"frameworks": frameworks})


def _statements(framework):
    return list(
        FrameworkStatement.objects.filter(domain__framework=framework)
        .select_related("domain")
        .order_by("domain__sort_order", "sort_order", "id")
    )


def framework_detail(request, slug):
    framework = get_object_or_404(Framework, slug=slug, is_active=True)
    return render(request, "learning/framework_detail.html", {"framework": framework, "statements": _statements(framework)})


class AssessmentForm(GovUKForm):
    identifier_fields = ["note"]

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(level["value"]), f"{level['value']} – {level['label']}") for level in CONFIDENCE_SCALE]
        for s in statements:
            self.fields[f"s{s.pk}"] = forms.ChoiceField(
                label=f"{s.code}. {s.title}", help_text=s.summary, choices=choices,
                widget=forms.RadioSelect, required=False,
            )
        self.fields["note"] = forms.CharField(
            label="A note for yourself or your supervisor", required=False,
            widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
        )
        style_form(self)

    def clean(self):
        data = super().clean()
        if not any(v for k, v in data.items() if k.startswith("s")):
            raise forms.ValidationError("Rate your confidence against at least one statement")
        return data


def assessment_create(request, slug):
    framework = get_object_or_404(Framework, slug=slug, is_active=True)
    statements = _statements(framework)
    previous = SelfAssessment.objects.filter(owner=request.user, framework=framework).first()
    initial = {}
    if previous:
        initial = {f"s{r.statement_id}": str(r.value) for r in previous.ratings.all()}
    form = AssessmentForm(request.POST or None, statements=statements, initial=initial)
    if request.method == "POST" and form.is_valid() and form.warnings_accepted():
        assessment = services.record_assessment(
            request.user, framework, note=form.cleaned_data.get("note", ""),
            ratings={s: form.cleaned_data.get(f"s{s.pk}") for s in statements},
        )
        messages.success(request, "Self-assessment saved. Earlier ones are kept so you can see how you have changed.")
        return redirect("learning:assessment-detail", pk=assessment.pk)
    return render(request, "learning/assessment_form.html", {
        "framework": framework, "form": form, "scale": CONFIDENCE_SCALE, "previous": previous,
    })


def assessment_list(request):
    assessments = (
        SelfAssessment.objects.filter(owner=request.user).select_related("framework")
        .annotate(n_comments=Count("comments"))
    )
    return render(request, "learning/assessment_list.html", {"assessments": assessments})


def assessment_detail(request, pk):
    assessment = get_object_or_404(SelfAssessment.objects.select_related("framework", "owner"), pk=pk)
    is_owner = assessment.owner_id == request.user.pk
    can_comment = permissions.can_comment_on_assessment(request.user, assessment)
    if not (is_owner or can_comment):
        raise Http404
    comment_form = CommentForm(request.POST or None)
    if request.method == "POST":
        if not can_comment:
            raise Http404
        if comment_form.is_valid() and comment_form.warnings_accepted():
            services.comment_on_assessment(
                assessment, user=request.user, text=comment_form.cleaned_data["comment"]
            )
            messages.success(request, "Comment added.")
            return redirect("learning:assessment-detail", pk=assessment.pk)
    earlier = (
        SelfAssessment.objects.filter(owner=assessment.owner, framework=assessment.framework, assessed_on__lte=assessment.assessed_on)
        .exclude(pk=assessment.pk).order_by("-assessed_on", "-id").first()
    )
    earlier_values = {r.statement_id: r.value for r in earlier.ratings.all()} if earlier else {}
    labels = {level["value"]: level["label"] for level in CONFIDENCE_SCALE}
    rows = []
    ratings = {r.statement_id: r.value for r in assessment.ratings.all()}
    for s in _statements(assessment.framework):
        now, before = ratings.get(s.pk), earlier_values.get(s.pk)
        change = (now - before) if (now and before) else None
        rows.append({"statement": s, "value": now, "label": labels.get(now, "Not rated"),
                     "before": before, "change": change})
    return render(request, "learning/assessment_detail.html", {
        "assessment": assessment, "rows": rows, "earlier": earlier, "is_owner": is_owner,
        "can_comment": can_comment, "comment_form": comment_form, "comments": assessment.comments.all(),
    })
