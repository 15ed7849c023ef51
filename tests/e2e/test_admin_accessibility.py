"""The Wagtail admin as a practice lead uses it, at desktop and 320 px, checked with axe.

One page of each kind: the dashboard; the listing, add and edit views of every admin screen the
lead may use for the directory, learning, supervision, panels and pen pictures (found from Wagtail's
registry, so a new screen is checked without touching this file); a page's editor; snippets, images
and documents. The admin's fixes live in core/static/core/admin/ (see core/wagtail_hooks.py).
"""

import re

import pytest
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

# Slow (about three minutes for both widths): .ci/run runs it as its own step, beside the suite.
pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# App labels: the directory ("directory", "search_engine"), learning, supervision, panels, pen
# pictures, and the site's names to flag ("core").
LEAD_APPS = {"directory", "search_engine", "learning", "supervision", "panels", "penpictures", "core"}


def lead_screens(lead):
    """(label, url) of each listing, add and edit view of the lead's admin screens, one per kind."""
    from django.apps import apps
    from wagtail.admin.viewsets import viewsets

    urls = []
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if isinstance(model, str):
            model = apps.get_model(model)
        if model is None or model._meta.app_label not in LEAD_APPS:
            continue
        policy = getattr(viewset, "permission_policy", None)
        if not hasattr(policy, "user_has_permission"):
            continue
        first = model.objects.order_by("pk").first()
        for views, action, args in [
            (("index", "list"), "view", ()),  # a model's listing is "index", a snippet's "list"
            (("add",), "add", ()),
            (("edit",), "change", (first.pk,) if first else None),
        ]:
            if args is None or not policy.user_has_permission(lead, action):
                continue
            for view in views:
                try:
                    urls.append((f"{model._meta.verbose_name} {view}", reverse(viewset.get_url_name(view), args=args)))
                    break
                except NoReverseMatch:
                    continue  # a read-only screen has no add or edit view
    return urls


@pytest.fixture
def admin_content(db):
    """The demo team, each app's demo content (the directory's is a large import: one of each
    record instead), an image and a document."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Collection

    from core.app_hooks import app_modules
    from core.demo import seed_people
    from people.models import SecuritySettings
    from search.tests.factories import ServiceFactory, TaxonomyTermFactory, add_location, add_term

    seed_people()
    for config, module in app_modules("demo"):
        if config.name not in {"core", "search"}:
            module.seed(lambda *a: None)
    service = ServiceFactory()
    add_location(service)
    add_term(service, TaxonomyTermFactory())
    security = SecuritySettings.load()
    security.require_mfa_for_practice_leads = False
    security.save()
    if Collection.get_first_root_node() is None:  # flushed by the browser tests before this one
        Collection.add_root(name="Root")
    Image.objects.create(title="Supervision room", file=get_test_image_file())
    Document.objects.create(title="Supervision policy", file=ContentFile(b"Policy", name="policy.txt"))


def test_admin_pages_a_practice_lead_uses_are_accessible(page, axe, sign_in, admin_content):
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    from core.demo import DEMO_PASSWORD
    from core.models import GuidancePage
    from people.models import User

    lead = User.objects.get(email="lead@example.org")
    guidance = GuidancePage.objects.first()
    screens = [
        ("dashboard", "/admin/"),
        *lead_screens(lead),
        ("page edit", f"/admin/pages/{guidance.pk}/edit/"),
        ("page add", f"/admin/pages/add/core/guidancepage/{guidance.get_parent().pk}/"),
        ("snippets", "/admin/snippets/"),
        ("images", "/admin/images/"),
        ("image edit", f"/admin/images/{Image.objects.get().pk}/"),
        ("images add", "/admin/images/multiple/add/"),
        ("documents", "/admin/documents/"),
        ("document edit", f"/admin/documents/edit/{Document.objects.get().pk}/"),
        ("documents add", "/admin/documents/multiple/add/"),
    ]
    assert len(screens) > 45, f"the lead's directory, learning, supervision and panels screens were not all found: {screens}"

    sign_in(page, "lead@example.org", DEMO_PASSWORD)
    for label, url in screens:
        response = page.goto(url)
        assert response.status == 200, f"{label}: {url} answered {response.status}"
        # Rich text editors are drawn after load; each must be named by its field's label.
        for editor in page.locator(".public-DraftEditor-content").all():
            expect(editor).to_have_attribute("aria-labelledby", re.compile(r".+"))
        page.wait_for_load_state("networkidle")  # messages and panels drawn after load settle first
        axe(page)
