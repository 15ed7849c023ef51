"""Which web addresses we link to: http(s) only (plus mailto: and tel: for contact fields).

Data from outside (an imported directory file, an admin edit) can carry `javascript:`, `data:`
or `vbscript:` addresses, which run script when clicked. The directory checks addresses on
import and in the admin (validators below), and never shows or republishes one already stored
(safe_url, and the `web_url` template filter in core.templatetags.safe_urls).
"""

import re
from urllib.parse import urlsplit

from django.core.validators import URLValidator

WEB_SCHEMES = ("http", "https")
CONTACT_SCHEMES = (*WEB_SCHEMES, "mailto", "tel")

# Browsers ignore tabs and newlines anywhere in an address and leading spaces or control
# characters, so "java\tscript:" is still javascript:. Judge the address as a browser reads it.
_IGNORED = re.compile(r"[\x00-\x1f\x7f]")


def is_safe_url(value, schemes=WEB_SCHEMES):
    """True when `value` is an absolute address with one of `schemes` (http and https need a host)."""
    if not value:
        return False
    text = str(value)
    if _IGNORED.sub("", text) != text.strip():
        return False  # hidden characters inside the address: never a real link
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        return False
    if scheme in WEB_SCHEMES and not parts.netloc:
        return False
    return True


def safe_url(value, schemes=WEB_SCHEMES):
    """`value` if it is safe to link to, otherwise an empty string."""
    return str(value).strip() if is_safe_url(value, schemes) else ""


web_url_validator = URLValidator(
    schemes=list(WEB_SCHEMES), message="Enter a web address starting with http:// or https://"
)
