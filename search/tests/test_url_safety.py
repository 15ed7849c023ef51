"""Directory web addresses: only http(s) gets in (import, admin), and none other is ever linked to
or republished (pages, print handout, ORUK API), even if one is already stored."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.safe_urls import is_safe_url
from search import models as m
from search.importing import import_records

from .factories import OrganizationFactory, ServiceFactory
from .test_admin import edit_data, groups  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

UNSAFE = ["javascript:alert(document.cookie)", "JavaScript:alert(1)", "java\tscript:alert(1)",
          "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", " javascript:alert(1)"]


@pytest.mark.parametrize("address", UNSAFE + ["//evil.example/", "ftp://files.example/", "https:///nohost"])
def test_only_http_and_https_addresses_are_links(address):
    assert not is_safe_url(address)


def test_ordinary_addresses_are_links():
    assert is_safe_url("https://www.example.org/services?id=1") and is_safe_url("http://example.org")


def test_import_leaves_out_an_unsafe_address_and_keeps_the_rest_of_the_record(example_service):
    example_service["url"] = "javascript:alert(document.cookie)"
    example_service["organization"]["website"] = "data:text/html,<script>alert(1)</script>"
    example_service["schedules"][0]["schedule_link"] = "vbscript:msgbox(1)"
    report = import_records([(1, example_service)])
    assert (report.created, report.rejected) == (1, [])
    service = m.Service.objects.get(pk=example_service["id"])
    assert service.url == "" and service.organization.website == ""
    assert service.schedules.get().schedule_link == ""
    reported = "\n".join(report.lines())
    assert "/url: 'javascript:alert(document.cookie)' is not an http or https address, so it was left out" in reported
    assert "website" in reported and "schedule_link" in reported


def test_import_keeps_an_ordinary_address(example_service):
    example_service["url"] = "https://counselling.example.org/"
    import_records([(1, example_service)])
    assert m.Service.objects.get(pk=example_service["id"]).url == "https://counselling.example.org/"


@pytest.mark.parametrize("field", ["website", "logo", "uri"])
def test_the_models_refuse_unsafe_addresses(field):
    organization = OrganizationFactory(**{field: "javascript:alert(1)"})
    with pytest.raises(ValidationError) as error:
        organization.full_clean()
    assert field in error.value.message_dict


def test_the_admin_refuses_an_unsafe_service_address(client_for, groups):  # noqa: F811
    service = ServiceFactory(url="https://old.example.org/")
    response = client_for(groups["practice_lead"]).post(
        f"/admin/directory/services/edit/{service.pk}/", edit_data(service, url="javascript:alert(1)")
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter a valid URL" in body or "Enter a web address starting with http:// or https://" in body
    service.refresh_from_db()
    assert service.url == "https://old.example.org/"


def stored_unsafe_service():
    """Addresses written before the checks existed, or straight into the database."""
    service = ServiceFactory(name="Stored before the checks")
    m.Service.objects.filter(pk=service.pk).update(url="javascript:alert(1)")
    m.Organization.objects.filter(pk=service.organization_id).update(website="data:text/html,x", logo="vbscript:x")
    return m.Service.objects.get(pk=service.pk)


def test_a_stored_unsafe_address_is_never_a_link(people, client_for):
    service = stored_unsafe_service()
    body = client_for(people["worker"]).get(reverse("search:service-detail", args=[service.pk])).content.decode()
    assert "Stored before the checks" in body
    assert "javascript:" not in body and "data:text/html" not in body


def test_a_stored_unsafe_address_is_never_republished(client, settings):
    settings.ORUK_API_PUBLIC = True
    service = stored_unsafe_service()
    response = client.get(f"/api/oruk/services/{service.pk}")
    assert response.status_code == 200
    data = response.json()
    assert data.get("url") in ("", None)
    assert data["organization"].get("website") in ("", None) and data["organization"].get("logo") in ("", None)
    assert "javascript:" not in client.get("/api/oruk/services").content.decode()


def test_script_in_a_description_is_shown_as_text(people, client_for):
    service = ServiceFactory(name="Carers <b>cafe</b>", description='<script>alert("x")</script> Carers meet weekly.')
    worker = client_for(people["worker"])
    detail = worker.get(reverse("search:service-detail", args=[service.pk])).content.decode()
    results = worker.get(reverse("search:search"), {"q": "carers"}).content.decode()
    for body in (detail, results):
        assert '<script>alert("x")' not in body and "<b>cafe</b>" not in body
    assert "&lt;script&gt;" in detail
