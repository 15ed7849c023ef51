"""A new user's first visit: each role signs in through the real login form and sees their dashboard."""

import pytest
from playwright.sync_api import expect

from people.models import Role, SecuritySettings
from people.tests.factories import make_person

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("role", [Role.WORKER, Role.SUPERVISOR, Role.PRACTICE_LEAD, Role.ADMINISTRATOR])
def test_each_role_signs_in_and_sees_my_practice(page, axe, sign_in, role):
    security = SecuritySettings.load()
    security.require_mfa_for_administrators = False
    security.save()
    email = f"{role}@example.org"
    make_person(role, email=email)

    page.goto("/")
    assert "/accounts/login/" in page.url  # everything needs a login
    sign_in(page, email)
    expect(page.get_by_role("heading", name="My practice", level=1)).to_be_visible()
    assert page.get_by_text(email).first.is_visible()
    axe(page)
    for link in page.locator(".pc-header__account .pc-header__link").all():  # the name and "Sign out"
        box = link.bounding_box()  # WCAG 2.5.8: targets at least 24 by 24 px
        assert box["width"] >= 24 and box["height"] >= 24, (link.inner_text(), box)
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():  # at phone width the service navigation folds into a menu
        menu.click()
    admin_link = page.get_by_role("link", name="Admin", exact=True)
    assert admin_link.count() == (1 if role in (Role.PRACTICE_LEAD, Role.ADMINISTRATOR) else 0)

    page.get_by_role("link", name="Guidance", exact=True).first.click()
    expect(page.get_by_role("heading", name="Guidance", level=1)).to_be_visible()
    axe(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    axe(page)
    page.goto("/")
    assert "/accounts/login/" in page.url


def test_wrong_password_is_explained_in_an_error_summary(page, axe):
    make_person(Role.WORKER, email="sam@example.org")
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign In").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.get_by_label("Email").input_value() == "sam@example.org"
    axe(page)
