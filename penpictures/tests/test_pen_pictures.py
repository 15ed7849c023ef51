"""My pen picture: versions, the current one, the photo check, print and PDF; the conversation guide;
and that nobody but the worker reaches any of it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from penpictures import services
from penpictures.models import ConversationPrompt, PenPictureLayout, PenPictureVersion

from .factories import photo_bytes, texts

pytestmark = pytest.mark.django_db


def pdf_text(response):
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_every_save_is_a_version_and_the_worker_chooses_the_current_one(people):
    worker = people["worker"]
    first = services.save_version(worker, texts=texts())
    second = services.save_version(worker, texts=texts(what_i_enjoy="Football."))
    assert [v.number for v in services.versions_of(worker)] == [2, 1]
    assert services.current_version(worker) == second
    services.make_current(worker, first)
    assert services.current_version(worker) == first
    with pytest.raises(PermissionError):
        services.make_current(people["other_worker"], first)


def test_the_photo_carries_over_until_removed_and_is_re_encoded(people):
    worker = people["worker"]
    photo = services.checked_photo(SimpleUploadedFile("me.png", photo_bytes(kind="PNG"), "image/png"))
    assert photo.startswith(b"\xff\xd8")  # a fresh JPEG: no location or camera data carried over
    services.save_version(worker, texts=texts(), photo=photo, photo_description="Me smiling")
    kept = services.save_version(worker, texts=texts(what_i_do="Still here"))
    assert bytes(kept.photo) == photo and kept.photo_description == "Me smiling"
    assert services.save_version(worker, texts=texts(), remove_photo=True).photo is None


def test_a_worker_writes_their_pen_picture_and_sees_it(people, client_for):
    c = client_for(people["worker"])
    response = c.post(reverse("penpictures:edit"), {
        **texts(), "photo": SimpleUploadedFile("me.jpg", photo_bytes(), "image/jpeg"), "photo_description": "Me at work",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    page = c.get(reverse("penpictures:mine")).content.decode()
    assert "I am Wendy, your named social worker." in page and "Version 1" in page
    version = PenPictureVersion.objects.get()
    assert c.get(reverse("penpictures:photo", args=[version.pk]))["Content-Type"] == "image/jpeg"


def test_a_file_that_is_not_a_photo_is_refused_beside_the_field_and_the_text_kept(people, client_for):
    c = client_for(people["worker"])
    response = c.post(reverse("penpictures:edit"), {
        **texts(who_i_am="Kept words"), "photo": SimpleUploadedFile("me.jpg", b"<script>not an image</script>", "image/jpeg"),
    })
    page = response.content.decode()
    assert response.status_code == 200
    assert "The photo must be a JPG or PNG" in page and "Kept words" in page
    assert not PenPictureVersion.objects.exists()


def test_missing_parts_are_named_gov_uk_style(people, client_for):
    page = client_for(people["worker"]).post(reverse("penpictures:edit"), {}).content.decode()
    assert "Enter who you are" in page and "Enter how people can reach you" in page


def test_a_name_in_the_text_is_warned_about_but_the_work_phone_is_not(people, client_for):
    c = client_for(people["worker"])
    data = texts(what_i_do="I supported NHS number 943 476 5919 last year.")
    page = c.post(reverse("penpictures:edit"), data).content.decode()
    assert "NHS number" in page and not PenPictureVersion.objects.exists()
    # The same again, having seen the warning: saved (a warning never blocks).
    import re

    seen = re.search(r'name="identifiers_seen" value="([^"]+)"', page)
    assert seen
    assert c.post(reverse("penpictures:edit"), {**data, "identifiers_seen": seen.group(1)}).status_code == 302
    # A phone number in "How to reach me" is the point of it: no warning.
    page = c.post(reverse("penpictures:edit"), texts()).status_code
    assert page == 302


def test_print_and_pdf_of_the_current_or_a_chosen_version_standard_or_large(people, client_for):
    worker = people["worker"]
    first = services.save_version(worker, texts=texts(what_i_enjoy="Baking bread."), photo=photo_bytes())
    services.save_version(worker, texts=texts(what_i_enjoy="Football on Saturdays."))
    c = client_for(worker)
    assert "Football on Saturdays." in c.get(reverse("penpictures:print")).content.decode()
    large = c.get(reverse("penpictures:print") + f"?version={first.pk}&large=1").content.decode()
    assert "Baking bread." in large and "pc-pen--large" in large
    response = c.get(reverse("penpictures:pdf"))
    assert "Football on Saturdays." in pdf_text(response)
    assert 'filename="my-pen-picture.pdf"' in response["Content-Disposition"]
    response = c.get(reverse("penpictures:pdf") + f"?version={first.pk}&large=1")
    assert "Baking bread." in pdf_text(response)
    assert 'filename="my-pen-picture-large-print.pdf"' in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title == "About me (large print)" and str(reader.trailer["/Root"]["/Lang"]) == "en-GB"


def test_the_layout_practice_leads_edit_is_what_prints(people, client_for):
    layout = PenPictureLayout.load()
    layout.title, layout.who_i_am_heading = "Hello from your social worker", "About me in a few words"
    layout.save()
    services.save_version(people["worker"], texts=texts())
    page = client_for(people["worker"]).get(reverse("penpictures:print")).content.decode()
    assert "Hello from your social worker" in page and "About me in a few words" in page


def test_nobody_else_reaches_a_worker_pen_picture(people, client_for):
    version = services.save_version(people["worker"], texts=texts(who_i_am="PRIVATE-WORDS"), photo=photo_bytes())
    # (Administrators are covered by the access matrix, signed in with two-factor authentication.)
    for role in ("other_worker", "supervisor", "practice_lead", "ended_supervisor"):
        c = client_for(people[role])
        for url in (reverse("penpictures:version", args=[version.pk]), reverse("penpictures:photo", args=[version.pk]),
                    reverse("penpictures:print") + f"?version={version.pk}", reverse("penpictures:pdf") + f"?version={version.pk}"):
            response = c.get(url)
            assert response.status_code == 404, (role, url, response.status_code)
            assert b"PRIVATE-WORDS" not in response.content
        assert c.post(reverse("penpictures:make-current", args=[version.pk])).status_code == 404
        assert b"PRIVATE-WORDS" not in c.get(reverse("penpictures:mine")).content
    assert client_for(None).get(reverse("penpictures:mine")).status_code == 302


def test_the_conversation_guide_prints_blank_or_large_and_links_to_the_reflective_template(people, client_for):
    c = client_for(people["worker"])
    page = c.get(reverse("penpictures:guide") + "?large=1").content.decode()
    for prompt in ConversationPrompt.objects.all():
        assert prompt.heading in page
    assert [p.heading for p in ConversationPrompt.objects.all()] == [
        "My life story", "What matters to me", "What a good day looks like", "How I like to communicate", "My ambitions"]
    assert reverse("learning:log-start", args=["pen-picture-conversation"]) in page
    response = c.get(reverse("penpictures:guide-pdf") + "?large=1")
    assert "What a good day looks like" in pdf_text(response)
    assert "large-print" in response["Content-Disposition"]


def test_the_pen_picture_conversation_template_asks_for_a_case_reference_only():
    from learning.models import ReflectiveTemplate

    template = ReflectiveTemplate.objects.get(slug="pen-picture-conversation")
    keys = [block.value["key"] for block in template.prompts]
    assert keys[0] == "case_reference" and "name" not in " ".join(keys)


def test_my_data_retention_and_dashboard(people, client_for, site_pages):
    import datetime

    from django.utils import timezone

    from core.retention import RetentionPolicy
    from penpictures import retention, subject_access

    worker = people["worker"]
    services.save_version(worker, texts=texts(who_i_am="Mine to download"))
    exported = subject_access.export(worker)
    assert exported["parts"][0]["items"][0]["who_i_am"] == "Mine to download"
    assert subject_access.export(people["other_worker"])["parts"][0]["items"] == []
    home = client_for(worker).get("/").content.decode()
    assert "My pen picture" in home and reverse("penpictures:pdf") in home
    policy = RetentionPolicy(now=timezone.now(), leavers_left_before=datetime.date.today(), leaver_ids=frozenset({worker.pk}))
    assert retention.expire(policy, dry_run=True) == {"Leavers' pen pictures": 1, "Versions of leavers' pen pictures": 1}
    retention.expire(policy, dry_run=False)
    assert services.current_version(worker) is None
