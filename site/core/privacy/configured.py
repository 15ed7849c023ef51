"""The names this site flags everywhere: settings.IDENTIFIER_NAMES_FILE plus the admin list."""

import datetime
import hashlib
import os
import threading
from collections import OrderedDict

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


_file_names = {}  # path -> ((modified, size), names): read again only when the file changes


def _names_from_file(path):
    stat = os.stat(path)
    version = (stat.st_mtime_ns, stat.st_size)
    kept = _file_names.get(path)
    if kept is None or kept[0] != version:
        kept = _file_names[path] = (version, tuple(read_names(path)))
    return kept[1]


def configured_names():
    """Names from IDENTIFIER_NAMES_FILE and from the practice leads' list in the Wagtail admin."""
    names = []
    path = getattr(settings, "IDENTIFIER_NAMES_FILE", "")
    if path:
        try:
            names += _names_from_file(path)
        except OSError:
            pass  # a missing file must never stop anyone saving; the check just knows fewer names
    try:
        names += _names_from_admin()
    except DatabaseError:
        pass  # no database yet (the command run on its own): the file's names still apply
    return names


# What the check found in texts this process has checked, by the text's SHA-256: a log page checks
# every earlier version of the log each time it is shown, and those texts rarely change. Only the
# digest is kept, never the text; what was found is given back only to a caller holding the same text.
CHECKED_TEXTS = 2048
_checked = OrderedDict()
_checked_lock = threading.Lock()


def check_text(text, names=None):
    """find_identifiers with the configured names: what every form and service should call."""
    text = text or ""
    names = tuple(configured_names() if names is None else names)
    key = (hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), names, datetime.date.today().year)
    with _checked_lock:
        found = _checked.get(key)
        if found is not None:
            _checked.move_to_end(key)
    if found is None:
        found = tuple(find_identifiers(text, names))  # findings are frozen: safe to share between threads
        with _checked_lock:
            _checked[key] = found
            while len(_checked) > CHECKED_TEXTS:
                _checked.popitem(last=False)
    return list(found)

