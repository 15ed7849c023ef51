"""Response headers every page gets: a Content-Security-Policy, no caching of private pages,
and a Permissions-Policy. (Referrer-Policy, X-Content-Type-Options and X-Frame-Options come from
Django's SecurityMiddleware and clickjacking middleware.) And Wagtail's site, kept per process."""

import copy

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from .process_cache import ProcessCache

# No page of ours uses these browser features; a script injected despite everything cannot either.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=()"
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the relaxations Wagtail's admin needs applied under its prefix only.

    The admin's own templates still carry inline scripts and styles; our pages carry none, so the
    strict CONTENT_SECURITY_POLICY holds everywhere else.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.CSP_ADMIN_PREFIX):
            parts.replace = {**settings.CSP_ADMIN_REPLACE, **(parts.replace or {})}
        return parts


class PrivateByDefaultMiddleware:
    """Cache-Control: no-store on every response unless its view declared it `public`.

    Nearly everything here is personal (reflections, supervision notes, exports, calendar files):
    neither a shared proxy nor the browser's disk cache should keep a copy. A view that is safe to
    cache (the public directory API) says so with Cache-Control: public. Static files are served
    by WhiteNoise before this runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "public" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def _sites():
    return {}  # (hostname, port) -> the Site Wagtail would find, filled as hosts are seen


_known_sites = ProcessCache(_sites, seconds=30, models=[Site])
_KNOWN_SITES_LIMIT = 100
_UNKNOWN = object()


class WagtailSiteMiddleware:
    """Wagtail finds the site of every page it serves with a query (hostname, port, the default
    site); the answer is kept per process (core.process_cache) and each request gets its own copy,
    since pages are routed from the site's root page object."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
        sites = _known_sites.get()
        site = sites.get((hostname, port), _UNKNOWN)
        if site is _UNKNOWN:
            site = Site._find_for_request(request)
            if len(sites) < _KNOWN_SITES_LIMIT:  # with a wildcard in ALLOWED_HOSTS, the client names the host
                sites[(hostname, port)] = site
        if site is not None:
            request._wagtail_site = copy.copy(site)
            request._wagtail_site.root_page = copy.copy(site.root_page)
        return self.get_response(request)
