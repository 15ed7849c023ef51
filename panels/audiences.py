"""Panels' part of the development record's audiences contract (see learning/record.py).

An entry copied from a panel meeting (the person's own reflection) is read by the people who were
there and the panel's members, not by another supervisor of the worker.
"""

from . import permissions
from .services import RECORD_SOURCE


def _ids(keys):
    return [int(key) for key in keys if str(key).isascii() and str(key).isdigit()]


def readable_meetings(viewer, keys):
    return {str(pk) for pk in permissions.meetings_of(viewer, _ids(keys)).values_list("pk", flat=True)}


CONTENT_AUDIENCES = {RECORD_SOURCE: readable_meetings}
