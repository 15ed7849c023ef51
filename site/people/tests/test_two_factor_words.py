"""Setting up two-factor authentication says why it asks for the password again, shows one success
banner, ends on the recovery codes with a way on, and never makes Cancel the main button."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from people.models import Role
from people.tests.factories import make_person

from .test_accounts import enrol_totp, login

pytestmark = pytest.mark.django_db


def test_setting_up_two_factor_explains_itself_and_ends_with_a_way_on(client, site_pages):
    make_person(Role.ADMINISTRATOR, email="ada@example.org")
    signed_in = login(client, "ada@example.org")
    assert not [m for m in get_messages(signed_in.wsgi_request)]  # no "Successfully signed in" banner

    asked = client.get(reverse("account_reauthenticate") + "?next=" + reverse("mfa_activate_totp"))
    body = asked.content.decode()
    assert "Confirm it is you" in body and "two-factor authentication" in body
    assert "Please reauthenticate" not in body

    enrol_totp(client)
    codes = client.get(reverse("mfa_view_recovery_codes"))
    # allauth's own "Authenticator app activated." is added on commit; the codes made with it
    # add no second banner.
    assert "recovery codes has been generated" not in codes.content.decode()
    assert ">Continue</a>" in codes.content.decode()


def test_cancel_is_a_secondary_button():
    from django.template import Context, Template
    from django.template.base import Origin

    html = Template(
        '{% load allauth %}{% element button type="submit" tags="link,mfa,cancel" %}Cancel{% endelement %}',
        origin=Origin("mfa/authenticate.html", template_name="mfa/authenticate.html"),
    ).render(Context({}))
    assert "govuk-button--secondary" in html
