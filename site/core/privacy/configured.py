"""The names this site flags everywhere: settings.IDENTIFIER_NAMES_FILE plus the admin list."""

from django.conf import settings
from django.db import DatabaseError

from .identifiers import find_identifiers, read_names


def configured_names():
    """Names from IDENTIFIER_NAMES_FILE and from the practice leads' list in the Wagtail admin."""
    names = []
    path = getattr(settings, "IDENTIFIER_NAMES_FILE", "")
    if path:
        try:
            names += read_names(path)
        except OSError:
            pass  # a missing file must never stop anyone saving; the check just knows fewer names
    from core.models import IdentifierName  # models load after this module (core.forms imports it)

    try:
        names += list(IdentifierName.objects.values_list("name", flat=True))
    except DatabaseError:
        pass  # no database yet (the command run on its own): the file's names still apply
    return names


def check_text(text, names=None):
    """find_identifiers with the configured names: what every form and service should call."""
    return find_identifiers(text or "", configured_names() if names is None else names)
