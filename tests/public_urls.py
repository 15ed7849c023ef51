"""The public allow-list: URL names an anonymous visitor may open without signing in.

Everything else redirects to the login page (LoginRequiredMiddleware). Adding a name here is a
decision: say why beside it, and in the README.
"""

PUBLIC_URL_NAMES = {
    # Signing in and getting back in
    "account_login": "the login page itself",
    "account_reset_password": "asking for a password reset link",
    "account_reset_password_done": "the 'check your email' page after asking",
    "account_reset_password_from_key": "the link in the reset email",
    "account_reset_password_from_key_done": "confirmation after setting a new password",
    "account_confirm_email": "the link in the email verification message",
    "account_email_verification_sent": "the 'check your email' page after signing up",
    "account_inactive": "tells a deactivated person why they cannot sign in",
    "account_signup": "shows 'sign-up is closed' unless ACCOUNT_ALLOW_SIGNUP is on",
    "account_login_code_confirm": "part of the login flow",
    "mfa_authenticate": "the second step of signing in with two-factor authentication",
    "account_logout": "signing out works whether or not the session has already expired",
    # Single sign-on round trip
    "openid_connect_login": "starts single sign-on with the council's identity provider",
    "openid_connect_callback": "where the identity provider sends people back",
    "socialaccount_login_cancelled": "part of the single sign-on flow",
    "socialaccount_login_error": "part of the single sign-on flow",
    "socialaccount_signup": "part of the single sign-on flow",
    # Operations
    "health": "load balancers check the site answers",
    # Wagtail admin login redirects to ours
    "wagtailadmin_login": "the admin's own login page, which sends people to ours",
    "wagtailadmin_password_reset": "the admin's password reset, equivalent to ours",
    "wagtailcore_login": "Wagtail's sign-in form for restricted pages: a login form and nothing else",
}
