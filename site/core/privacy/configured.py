"""The names this site flags everywhere: settings.IDENTIFIER_NAMES_FILE plus the admin list."""

from django.conf import settings
from django.db import DatabaseError

from core.process_cache import ProcessCache

from .identifiers import find_identifiers, read_names

_admin_names = None  # a ProcessCache, made on first use: the models load after this module


def _names_from_admin():
    """The practice leads' list, kept per process: every log page and autosave checks its text.
    Another process sees an added name within a minute; this one at once."""
    global _admin_names
    if _admin_names is None:
        from core.models import IdentifierName

        _admin_names = ProcessCache(
            lambda: list(IdentifierName.objects.values_list("name", flat=True)), seconds=60, models=[IdentifierName]
        )
    return _admin_names.get()


def configured_names():
    """Names from IDENTIFIER_NAMES_FILE and from the practice leads' list in the Wagtail admin."""
    names = []
    path = getattr(settings, "IDENTIFIER_NAMES_FILE", "")
    if path:
        try:
            names += read_names(path)
        except OSError:
            pass  # a missing file must never stop anyone saving; the check just knows fewer names
    try:
        names += _names_from_admin()
    except DatabaseError:
        pass  # no database yet (the command run on its own): the file's names still apply
    return names


def check_text(text, names=None):
    """find_identifiers with the configured names: what every form and service should call."""
    return find_identifiers(text or "", configured_names() if names is None else names)
