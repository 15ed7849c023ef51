"""Learning's other free text (manual record entries, self-assessment notes) is checked, and the
person supported follows the site's one "initials or a case reference, never a name" rule."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from learning import services
from learning.models import (
    Framework,
    RecordEntry,
    ReflectiveTemplate,
    SelfAssessment,
)
from learning.tests.factories import load_content

pytestmark = pytest.mark.django_db


def seen(response):
    name, value = re.search(r'name="([\w-]*identifiers_seen)" value="(\w+)"', response.content.decode()).groups()
    return {name: value}


def test_a_manual_record_entry_warns_beside_the_summary_then_saves(people, client_for):
    load_content()
    c = client_for(people["worker"])
    data = {"kind": "course", "title": "Carers course", "occurred_on": timezone.localdate().isoformat(),
            "hours": "3", "summary": "Role play as Mrs Begum, DOB 03/04/1950, was powerful."}
    r = c.post(reverse("learning:record-add"), data)
    html = r.content.decode()
    assert r.status_code == 200 and 'id="summary-warning"' in html and 'href="#id_summary"' in html
    assert not RecordEntry.objects.filter(owner=people["worker"]).exists()
    assert c.post(reverse("learning:record-add"), {**data, **seen(r)}).status_code == 302
    assert RecordEntry.objects.filter(owner=people["worker"], title="Carers course").exists()


def test_a_self_assessment_note_is_checked(people, client_for):
    load_content()
    framework = Framework.objects.filter(is_active=True).first()
    c = client_for(people["worker"])
    page = c.get(reverse("learning:assessment-create", args=[framework.slug]))
    rating = next(name for name in page.context["form"].fields if name.startswith("s"))
    data = {rating: "3", "note": "After supervision with Karen Smith I feel more confident."}
    r = c.post(reverse("learning:assessment-create", args=[framework.slug]), data)
    assert r.status_code == 200 and 'id="note-warning"' in r.content.decode()
    assert not SelfAssessment.objects.exists()
    assert c.post(reverse("learning:assessment-create", args=[framework.slug]), {**data, **seen(r)}).status_code == 302


@pytest.mark.parametrize(("value", "ok"), [("J.S.", True), ("CR-2024-0193", True), ("Case 12", True),
                                           ("John Smith", False), ("smith", False), ("07700 900123", False)])
def test_person_supported_is_initials_or_a_case_reference(value, ok, people, client_for):
    load_content()
    c = client_for(people["worker"])
    log = services.create_log(people["worker"], ReflectiveTemplate.objects.get(slug="gibbs-reflective-cycle"))
    r = c.post(reverse("learning:log-edit", args=[log.pk]), {"title": "Visit", "person_reference": value, "action": "save"})
    log.refresh_from_db()
    assert (log.person_reference == value) is ok
    if not ok:
        html = r.content.decode()
        assert r.status_code == 200 and ("Enter initials" in html or "looks like a name" in html)
