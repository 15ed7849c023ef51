"""Security pages in a real browser: two-factor set-up and sign-in, and password reset, all accessible."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from people.models import Role
from people.tests.factories import TEST_PASSWORD, make_person
from people.tests.mfa import current_totp_code

pytestmark = pytest.mark.e2e


def test_supervisor_sets_up_two_factor_then_needs_it_to_sign_in(page, axe, sign_in):
    make_person(Role.SUPERVISOR, email="sue@example.org")
    sign_in(page, "sue@example.org")
    page.goto("/accounts/2fa/")
    axe(page)
    page.get_by_role("link", name="Activate").first.click()
    if "reauthenticate" in page.url:
        axe(page)
        page.get_by_label("Password").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Confirm").click()
    axe(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(current_totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_text(re.compile("recovery codes", re.I)).first).to_be_visible()
    axe(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "sue@example.org")
    assert "/accounts/2fa/authenticate/" in page.url
    axe(page)
    page.get_by_label("Code").fill(current_totp_code(secret))
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="My practice", level=1)).to_be_visible()


def test_forgotten_password(page, axe, live_server):
    make_person(Role.WORKER, email="sam@example.org")
    page.goto("/accounts/login/")
    page.get_by_role("link", name=re.compile("Forgot", re.I)).click()
    axe(page)
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_role("button", name=re.compile("Reset", re.I)).click()
    axe(page)
    link = re.search(r"https?://[^/]+(/accounts/password/reset/key/\S+)", mail.outbox[-1].body).group(1)
    page.goto(link)
    axe(page)
    page.get_by_label("New Password", exact=True).fill("another-long-passphrase")
    page.get_by_label("New Password (again)").fill("another-long-passphrase")
    page.get_by_role("button", name=re.compile("Change Password", re.I)).click()
    expect(page).to_have_url(re.compile("/accounts/password/reset/key/done/"))
    axe(page)
