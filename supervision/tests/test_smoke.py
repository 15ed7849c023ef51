import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from supervision.models import SessionStatus, SupervisionSession

from .factories import template

pytestmark = pytest.mark.django_db


def test_schedule_notes_sign_off_flow(people, client_for, mailoutbox, django_capture_on_commit_callbacks):
    sup, worker = people["supervisor"], people["worker"]
    tpl = template()
    c = client_for(sup)
    day = timezone.localdate() + datetime.timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(reverse("supervision:session-create"), {
            "supervisees": [worker.pk], "template": tpl.pk, "date": day.isoformat(), "time": "14:00",
            "length_minutes": 90, "place": "Room 2",
        })
    assert r.status_code == 302, r.content.decode()[:3000]
    session = SupervisionSession.objects.get()
    assert len(mailoutbox) == 1
    w = client_for(worker)
    r = w.post(reverse("supervision:agenda-add", args=[session.pk]), {"agenda-text": "Caseload worries"})
    assert r.status_code == 302
    r = c.get(reverse("supervision:session-detail", args=[session.pk]))
    assert r.status_code == 200
    assert "Caseload worries" in r.content.decode()
    key = session.template_snapshot["sections"][1]["prompts"][0]["key"]
    r = c.post(reverse("supervision:session-notes", args=[session.pk]), {key: "Feeling stretched"})
    assert r.status_code == 302, r.content.decode()[:3000]
    r = c.post(reverse("supervision:action-add", args=[session.pk]), {"action-description": "Book training", "action-owner": worker.pk, "action-due_on": ""})
    assert r.status_code == 302, r.content.decode()[:5000]
    c.post(reverse("supervision:session-transition", args=[session.pk, "send-for-sign-off"]))
    c.post(reverse("supervision:session-sign", args=[session.pk]), {})
    w.post(reverse("supervision:session-sign", args=[session.pk]), {"sign-disagreement": "Not quite"})
    session.refresh_from_db()
    assert session.status == SessionStatus.SIGNED_OFF
    assert session.is_locked
    r = w.get(reverse("supervision:session-detail", args=[session.pk]))
    assert "Not quite" in r.content.decode()
    for name in ["supervision:index", "supervision:peer-group-list"]:
        assert c.get(reverse(name)).status_code == 200
    assert client_for(people["practice_lead"]).get(reverse("supervision:team-numbers")).status_code == 200
