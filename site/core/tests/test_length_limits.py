"""Every text box has a length limit, refused with a GOV.UK message beside the field, and what was
typed stays in the form."""

import json

import pytest
from django import forms
from django.urls import reverse

from core.forms import LINE_LIMIT, TEXT_LIMIT, GovUKForm
from learning.models import ReflectiveLog
from learning.tests.factories import make_log
from search import models as directory
from search.tests.factories import ServiceFactory


class ExampleForm(GovUKForm):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(widget=forms.Textarea, label="Summary (optional)", required=False)
    place = forms.CharField(required=False)


def test_text_fields_without_a_limit_get_one():
    form = ExampleForm()
    assert form.fields["summary"].max_length == TEXT_LIMIT and form.fields["place"].max_length == LINE_LIMIT
    assert form.fields["title"].max_length == 200


def test_too_long_text_gets_a_govuk_message():
    form = ExampleForm({"title": "t" * 201, "summary": "s" * (TEXT_LIMIT + 1), "place": "p" * (LINE_LIMIT + 1)})
    assert not form.is_valid()
    assert form.errors["title"] == ["Title must be 200 characters or fewer"]
    assert form.errors["summary"] == ["Summary must be 20,000 characters or fewer"]
    assert form.errors["place"] == ["Place must be 500 characters or fewer"]


def test_a_long_enough_text_is_fine():
    assert ExampleForm({"title": "t" * 200, "summary": "s" * TEXT_LIMIT, "place": "p"}).is_valid()


@pytest.mark.django_db
def test_a_too_long_team_note_is_refused_and_the_text_kept(people, client_for):
    service = ServiceFactory()
    text = "Ask for the duty worker. " * 100  # 2,500 characters
    response = client_for(people["worker"]).post(reverse("search:note-add", args=[service.pk]), {"text": text})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Your note must be 2,000 characters or fewer" in page
    assert 'class="govuk-error-summary' in page
    assert text.strip() in page  # nothing typed is lost
    assert not directory.ServiceNote.objects.exists()


@pytest.mark.django_db
def test_a_too_long_answer_is_refused_by_the_page_and_by_autosave(people, client_for):
    log = make_log(people["worker"], complete=False)
    key = next(p["key"] for p in log.prompts if p["answer_type"] == "long_text")
    worker = client_for(people["worker"])
    huge = "x" * (TEXT_LIMIT + 1)
    response = worker.post(reverse("learning:log-autosave", args=[log.pk]), {f"answer_{key}": huge, "title": "Draft"})
    assert "must be 20,000 characters or fewer" in json.dumps(response.json())
    assert ReflectiveLog.objects.get(pk=log.pk).answers.get(key) != huge


@pytest.mark.django_db
def test_model_limits_reach_supervision_forms():
    from supervision.forms import CaseDiscussionForm

    data = {"case-case_reference": "CLD-2041", "case-presenting_situation": "s" * 10_001, "case-decision": "d",
            "case-rationale": "r"}
    form = CaseDiscussionForm(data)
    assert not form.is_valid()
    assert form.errors == {"presenting_situation": ["Presenting situation must be 10,000 characters or fewer"]}
