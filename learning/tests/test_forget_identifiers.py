"""Finding 7: what a worker edits out after the identifier warning is removed from earlier versions."""

import pytest
from django.urls import reverse
from django.utils import timezone

from learning import services
from learning.models import FrameworkStatement, RecordEntry, ReflectiveTemplate
from learning.tests.factories import load_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def written_then_edited(people, client_for):
    """A worker completes a log naming Mary Jones with her NHS number, keeps it, then edits both out."""
    load_content()
    worker = client_for(people["worker"])
    gibbs = ReflectiveTemplate.objects.get(slug="gibbs-reflective-cycle")
    log = services.create_log(people["worker"], gibbs)
    data = {
        "title": "Visit to Mary Jones", "occurred_on": timezone.localdate().isoformat(), "hours": "1",
        "activity_type": "direct_work", "person_reference": "M.J.", "statements": [FrameworkStatement.objects.first().pk],
        "answer_description": "Visited Mary Jones, NHS 943 476 5919, about her move.",
        "answer_feelings": "Nervous.", "answer_evaluation": "Fine.", "answer_analysis": "Planned.",
        "answer_conclusion": "Plan.", "answer_action_plan": "Advocate.", "action": "complete",
    }
    r = worker.post(reverse("learning:log-edit", args=[log.pk]), data)
    assert r.status_code == 200 and "Mary Jones" in r.content.decode()  # warned beside the field
    data["action"] = "complete-keep"
    assert worker.post(reverse("learning:log-edit", args=[log.pk]), data).status_code == 302
    data.update(title="Visit to M.J.", answer_description="Visited M.J. about her move.", action="save")
    assert worker.post(reverse("learning:log-edit", args=[log.pk]), data).status_code == 302
    log.refresh_from_db()
    return worker, log


def test_the_log_page_offers_to_remove_what_earlier_versions_still_hold(written_then_edited):
    worker, log = written_then_edited
    page = worker.get(reverse("learning:log-detail", args=[log.pk])).content.decode()
    assert "Remove these from earlier versions" in page
    assert "Mary J…" in page and "NHS number ending …5919" in page
    assert "Mary Jones" not in page and "943 476 5919" not in page  # masked, even to the owner
    assert "Remove these from earlier versions" in worker.get(reverse("learning:log-edit", args=[log.pk])).content.decode()


def test_forgetting_removes_the_text_from_the_revisions_page_and_every_version(written_then_edited, people):
    worker, log = written_then_edited
    assert "Mary Jones" in worker.get(reverse("learning:log-revisions", args=[log.pk])).content.decode()
    r = worker.post(reverse("learning:log-forget", args=[log.pk]))
    assert r.status_code == 302
    listing = worker.get(reverse("learning:log-revisions", args=[log.pk])).content.decode()
    assert "Mary Jones" not in listing and "[removed]" in listing
    for revision in log.revisions.all():
        page = worker.get(reverse("learning:log-revision", args=[log.pk, revision.pk])).content.decode()
        assert "Mary Jones" not in page and "943 476 5919" not in page
        assert "Mary Jones" not in str(revision.content) and "5919" not in str(revision.content)
    entry = RecordEntry.objects.get(owner=people["worker"])
    assert "Mary Jones" not in entry.title + entry.summary + str(entry.cpd_details)
    # Nothing is left to offer, and the current text is untouched.
    assert "Remove these from earlier versions" not in worker.get(reverse("learning:log-detail", args=[log.pk])).content.decode()
    log.refresh_from_db()
    assert log.answers["description"] == "Visited M.J. about her move."


def test_only_the_owner_can_forget(written_then_edited, people, client_for):
    _, log = written_then_edited
    for name in ["supervisor", "other_worker", "practice_lead"]:
        assert client_for(people[name]).post(reverse("learning:log-forget", args=[log.pk])).status_code in (403, 404)
    assert services.lingering_identifiers(log)  # still there: nobody else could remove it
