"""Signing in and staying safe: login, logout, reset, two-factor authentication, rate limiting."""

import os
import re
import time
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from people.models import Role, SecuritySettings
from people.tests.factories import TEST_PASSWORD, make_person
from people.tests.mfa import current_totp_code

LOGIN = "/accounts/login/"


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    cache.clear()
    yield
    cache.clear()


def login(client, email, password=TEST_PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


@pytest.mark.django_db
def test_login_with_email_lands_on_dashboard(client, site_pages):
    worker = make_person(Role.WORKER, email="sam@example.org")
    response = login(client, "SAM@example.org")
    assert response.status_code == 302
    home = client.get(response["Location"])
    assert home.status_code == 200
    assert "My practice" in home.content.decode()
    assert int(client.session["_auth_user_id"]) == worker.pk


@pytest.mark.django_db
def test_wrong_password_shows_error_and_keeps_email(client):
    make_person(Role.WORKER, email="sam@example.org")
    response = login(client, "sam@example.org", "not-the-password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert 'value="sam@example.org"' in page
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_logout_ends_the_session(client, site_pages):
    make_person(Role.WORKER, email="sam@example.org")
    login(client, "sam@example.org")
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert client.get("/").status_code == 302  # back to login


@pytest.mark.django_db
def test_password_reset_by_email_link(client):
    make_person(Role.WORKER, email="sam@example.org")
    response = client.post(reverse("account_reset_password"), {"email": "sam@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/password/reset/key/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"},
    )
    assert response.status_code == 302
    assert login(client, "sam@example.org", "a-brand-new-passphrase").status_code == 302


@pytest.mark.django_db
def test_password_reset_does_not_reveal_unknown_addresses(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert not any("reset" in m.subject.lower() and "nobody" in m.to[0] for m in mail.outbox if "key" in m.body)


@pytest.mark.django_db
def test_failed_logins_are_rate_limited(client):
    make_person(Role.WORKER, email="sam@example.org")
    for _ in range(5):
        login(client, "sam@example.org", "wrong-password")
    # Even the right password is refused once the limit is reached.
    response = login(client, "sam@example.org")
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert "Too many" in response.content.decode() or response.status_code == 429


@pytest.mark.django_db
def test_failed_logins_in_one_office_do_not_lock_out_the_next_person(client):
    # Everyone behind a council's NAT signs in from one address.
    for n in range(12):
        make_person(Role.WORKER, email=f"colleague{n}@example.org")
        response = login(client, f"colleague{n}@example.org", "mistyped-password")
        assert response.status_code == 200 and "Too many" not in response.content.decode()
    make_person(Role.WORKER, email="thirteenth@example.org")
    assert login(client, "thirteenth@example.org").status_code == 302


@pytest.mark.django_db
def test_six_failures_lock_that_account_only(client):
    make_person(Role.WORKER, email="sam@example.org")
    make_person(Role.WORKER, email="alex@example.org")
    for _ in range(6):
        login(client, "sam@example.org", "wrong-password")
    response = login(client, "sam@example.org")
    assert "_auth_user_id" not in client.session
    assert response.status_code == 429 or "Too many" in response.content.decode()
    assert login(client, "alex@example.org").status_code == 302


def test_login_limits_live_in_a_cache_every_process_shares():
    from django.core.cache.backends.locmem import LocMemCache

    assert not isinstance(cache, LocMemCache)
    if not os.environ.get("CACHE_URL"):
        # The database cache, at one statement a write (core/cache.py): shared by every process.
        assert settings.CACHES["default"]["BACKEND"] == "core.cache.DatabaseCache"


def enrol_totp(client):
    # allauth asks for the password again before a security change.
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_totp_code(secret)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return secret


@pytest.mark.django_db
def test_mfa_enrolment_then_challenge_at_login(client, site_pages):
    user = make_person(Role.SUPERVISOR, email="sue@example.org")
    login(client, "sue@example.org")
    secret = enrol_totp(client)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    codes_page = client.get(reverse("mfa_view_recovery_codes"))
    assert codes_page.status_code == 200
    client.post(reverse("account_logout"))

    response = login(client, "sue@example.org")
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # not signed in until the second step
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "_auth_user_id" not in client.session and wrong.status_code == 200
    client.post(reverse("mfa_authenticate"), {"code": current_totp_code(secret)})
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.django_db
def test_a_code_that_turned_over_while_typing_still_signs_in_but_an_old_one_does_not(client, site_pages):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    user = make_person(Role.SUPERVISOR, email="sue@example.org")
    login(client, "sue@example.org")
    secret = enrol_totp(client)
    client.post(reverse("account_logout"))

    def code(steps_ago):
        return format_hotp_value(hotp_value(secret, int(time.time()) // 30 - steps_ago))

    login(client, "sue@example.org")
    client.post(reverse("mfa_authenticate"), {"code": code(3)})
    assert "_auth_user_id" not in client.session  # a minute and a half old: refused
    client.post(reverse("mfa_authenticate"), {"code": code(1)})
    assert int(client.session["_auth_user_id"]) == user.pk  # the phone's previous code, typed as it changed


@pytest.mark.django_db
def test_recovery_code_signs_in_when_the_phone_is_lost(client, site_pages):
    user = make_person(Role.SUPERVISOR, email="sue@example.org")
    login(client, "sue@example.org")
    enrol_totp(client)
    recovery = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    code = recovery.wrap().get_unused_codes()[0]
    client.post(reverse("account_logout"))
    login(client, "sue@example.org")
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.django_db
def test_administrator_can_make_mfa_mandatory_for_supervisors(client, site_pages):
    security = SecuritySettings.load()
    security.require_mfa_for_supervisors = True
    security.save()
    make_person(Role.SUPERVISOR, email="sue@example.org")
    make_person(Role.WORKER, email="sam@example.org")

    login(client, "sue@example.org")
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    enrol_totp(client)
    assert client.get("/").status_code == 200

    client.post(reverse("account_logout"))
    login(client, "sam@example.org")
    assert client.get("/").status_code == 200  # workers are not required to


@pytest.mark.django_db
def test_sessions_expire_after_configured_inactivity(client, site_pages):
    make_person(Role.WORKER, email="sam@example.org")
    login(client, "sam@example.org")
    client.get("/")
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert client.session.get_expiry_age() == settings.SESSION_IDLE_MINUTES * 60
    # Simulate the idle period passing: the stored session is gone, and so is access.
    client.session.flush()
    client.cookies.pop(settings.SESSION_COOKIE_NAME, None)
    assert client.get("/").status_code == 302


@pytest.mark.django_db
def test_self_signup_is_closed_by_default(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.org", "password1": "long-enough-pass-1", "password2": "long-enough-pass-1"},
    )
    from people.models import User

    assert not User.objects.filter(email="new@example.org").exists()
    assert response.status_code == 200


@pytest.mark.django_db(transaction=True)
def test_logout_ends_the_session_while_an_import_holds_the_write_lock(client, site_pages):
    import sqlite3

    from django.db import connection
    from django.test import Client

    if connection.vendor != "sqlite":
        pytest.skip("the write lock is SQLite's")
    make_person(Role.WORKER, email="sam@example.org")
    login(client, "sam@example.org")
    stolen_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    # Another connection (an import) holds the write lock while Sam signs out.
    name = connection.settings_dict["NAME"]
    importer = sqlite3.connect(name, uri=name.startswith("file:"), timeout=0)
    importer.execute("BEGIN IMMEDIATE")
    try:
        response = client.post(reverse("account_logout"))
        still_signed_in = client.get("/")
    finally:
        importer.rollback()
        importer.close()
    assert response.status_code == 302
    assert still_signed_in.status_code == 302 and "login" in still_signed_in["Location"]
    # A copy of the old cookie is refused too, and the row goes once the lock is released.
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = stolen_cookie
    assert replay.get("/").status_code == 302
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=stolen_cookie).exists()


@pytest.mark.django_db
def test_page_views_renew_the_session_at_most_once_a_minute(client, site_pages):
    """Renewing the idle timeout is a write on every page view: within SESSION_RENEW_SECONDS of the
    last renewal the session row is left alone, after it the expiry moves on again."""
    from django.contrib.sessions.models import Session
    from django.db import connection

    make_person(Role.WORKER, email="sam@example.org")
    login(client, "sam@example.org")
    client.get("/")
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    renewed = Session.objects.get(session_key=key).expire_date

    writes = []

    def record_writes(execute, sql, params, many, context):
        if sql.startswith("UPDATE") and "django_session" in sql:
            writes.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record_writes):
        assert client.get("/").status_code == 200
    assert writes == []
    assert Session.objects.get(session_key=key).expire_date == renewed

    Session.objects.filter(session_key=key).update(expire_date=renewed - timedelta(seconds=settings.SESSION_RENEW_SECONDS + 1))
    assert client.get("/").status_code == 200
    assert Session.objects.get(session_key=key).expire_date > renewed - timedelta(seconds=1)


@pytest.mark.django_db
def test_a_sign_in_waiting_over_a_second_for_the_rate_limit_lock_is_let_in(client, site_pages, monkeypatch):
    """Nine people of one office signing in at once on a busy server queue for the per-address
    limit's lock in the shared cache; allauth refused (429) whoever waited over a second for it."""
    import time as clock

    from allauth.core.internal import ratelimit

    make_person(Role.WORKER, email="sam@example.org")
    real_add, slow = ratelimit.cache.add, {"left": 1}

    def busy_add(key, *args, **kwargs):
        if key.endswith(":lock") and slow["left"]:
            slow["left"] -= 1
            clock.sleep(1.2)  # another sign-in holds the lock this long
            return False
        return real_add(key, *args, **kwargs)

    monkeypatch.setattr(ratelimit.cache, "add", busy_add)
    response = login(client, "sam@example.org")
    assert response.status_code == 302
    assert slow["left"] == 0
