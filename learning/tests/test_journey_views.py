import pytest
from django.urls import reverse
from django.utils import timezone

from learning import services
from learning.models import FrameworkStatement, RecordEntry, ReflectiveLog, ReflectiveTemplate
from learning.tests.factories import load_content


@pytest.fixture
def content(db):
    load_content()


def refused(response):
    """403/404, or (administrators without two-factor set up) sent to set it up first."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response.url.startswith("/accounts/")


def gibbs_post(statement, action="complete", **extra):
    data = {
        "title": "Visit to discuss a move", "occurred_on": timezone.localdate().isoformat(), "hours": "1.5",
        "activity_type": "direct_work", "person_reference": "J.S.", "statements": [statement.pk],
        "answer_description": "Visited J.S. to talk about a move.", "answer_feelings": "Nervous at first.",
        "answer_evaluation": "It went well.", "answer_analysis": "Because we planned it.",
        "answer_conclusion": "Plan more.", "answer_action_plan": "Book an advocate.", "action": action,
    }
    data.update(extra)
    return data


def test_write_share_and_read(people, client_for, content):
    worker = client_for(people["worker"])
    gibbs = ReflectiveTemplate.objects.get(slug="gibbs-reflective-cycle")
    response = worker.post(reverse("learning:log-create"), {"template": gibbs.pk})
    assert response.url == reverse("learning:log-start", args=[gibbs.slug])
    assert worker.get(response.url).status_code == 200
    assert not ReflectiveLog.objects.exists()  # choosing a model and leaving stores nothing
    statement = FrameworkStatement.objects.first()
    before = worker.get(reverse("learning:record")).context["readiness"]
    response = worker.post(reverse("learning:log-start", args=[gibbs.slug]), gibbs_post(statement))
    assert response.status_code == 302, response.context["form"].errors
    log = ReflectiveLog.objects.get()
    assert log.is_complete and list(log.statements.all()) == [statement]
    entry = RecordEntry.objects.get(owner=people["worker"])
    assert entry.counts_as_cpd and not entry.includes_peer_reflection
    page = worker.get(reverse("learning:record"))
    assert "Visit to discuss a move" in page.content.decode()
    assert page.context["readiness"]["cpd_count"] == before["cpd_count"] + 1
    # Private until shared.
    sup = client_for(people["supervisor"])
    assert sup.get(reverse("learning:log-detail", args=[log.pk])).status_code == 404
    worker.post(reverse("learning:log-share", args=[log.pk]), {"audience": "all_supervisors"})
    assert sup.get(reverse("learning:log-detail", args=[log.pk])).status_code == 200
    for name in ["other_worker", "other_supervisor", "ended_supervisor", "practice_lead", "administrator"]:
        assert refused(client_for(people[name]).get(reverse("learning:log-detail", args=[log.pk]))), name
    # Withdraw.
    worker.post(reverse("learning:log-share", args=[log.pk]), {"audience": "private"})
    assert sup.get(reverse("learning:log-detail", args=[log.pk])).status_code == 404
    # PDF export.
    pdf = worker.get(reverse("learning:record-export", args=["pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_identifier_warning_then_keep(people, client_for, content):
    worker = client_for(people["worker"])
    gibbs = ReflectiveTemplate.objects.get(slug="gibbs-reflective-cycle")
    log = services.create_log(people["worker"], gibbs)
    statement = FrameworkStatement.objects.first()
    data = gibbs_post(statement, answer_description="Called 07700 900123 about NHS 943 476 5919.")
    response = worker.post(reverse("learning:log-edit", args=[log.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "943 476 5919" in html and "07700 900123" in html and 'href="#id_answer_description"' in html
    log.refresh_from_db()
    assert not log.is_complete
    data["action"] = "complete-keep"
    assert worker.post(reverse("learning:log-edit", args=[log.pk]), data).status_code == 302
    log.refresh_from_db()
    assert log.is_complete and "07700" in log.answers["description"]
