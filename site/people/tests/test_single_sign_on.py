"""Single sign-on is configured by settings alone: the login page offers it once it is set."""

import pytest
from django.test import override_settings

ENTRA = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "entra",
                "name": "Worcestershire council account",
                "client_id": "client-id",
                "secret": "client-secret",
                "settings": {"server_url": "https://login.microsoftonline.com/tenant/v2.0"},
            }
        ]
    }
}


@pytest.mark.django_db
def test_no_provider_no_button(client):
    assert "council account" not in client.get("/accounts/login/").content.decode().lower().split("no account yet")[0]


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=ENTRA)
def test_configured_provider_appears_on_the_login_page(client):
    page = client.get("/accounts/login/").content.decode()
    assert "Sign in with Worcestershire council account" in page
    assert 'action="/accounts/oidc/entra/login/' in page
