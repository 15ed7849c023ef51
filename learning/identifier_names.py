"""The configured list of names for the identifier check: settings.IDENTIFIER_NAMES_FILE plus the
names practice leads keep in the Wagtail admin."""

from django.conf import settings

from .identifiers import find_identifiers, read_names


def configured_names():
    names = []
    path = getattr(settings, "IDENTIFIER_NAMES_FILE", "")
    if path:
        try:
            names += read_names(path)
        except OSError:
            pass  # a missing file must never stop anyone saving; the check just knows fewer names
    from django.db import DatabaseError

    from .models import IdentifierName

    try:
        names += list(IdentifierName.objects.values_list("name", flat=True))
    except DatabaseError:
        pass  # no database yet (the command run on its own): the file's names still apply
    return names


def check_text(text, names=None):
    return find_identifiers(text, configured_names() if names is None else names)
