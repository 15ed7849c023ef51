"""Who may read the content learning copies onto the development record, per source.

Found by name by learning.record.visible_content; each resolver answers from learning/permissions.py,
so the record shows a log's text exactly to the people who may open the log.
"""

from . import permissions
from .models import RecordEntry
from .services import ASSESSMENT_SOURCE, LOG_SOURCE, MANUAL_SOURCE


def _ids(keys):
    return [int(key) for key in keys if str(key).isdigit()]


def readable_logs(viewer, keys):
    return {str(pk) for pk in permissions.logs_shared_with(viewer).filter(pk__in=_ids(keys)).values_list("pk", flat=True)}


def readable_assessments(viewer, keys):
    assessments = permissions.others_assessments_visible_to(viewer).filter(pk__in=_ids(keys))
    return {str(pk) for pk in assessments.values_list("pk", flat=True)}


def readable_manual_entries(viewer, keys):
    entries = RecordEntry.objects.filter(
        source=MANUAL_SOURCE, source_key__in=list(keys), owner__in=permissions.others_record_text_visible_to(viewer)
    )
    return set(entries.values_list("source_key", flat=True))


CONTENT_AUDIENCES = {
    LOG_SOURCE: readable_logs,
    ASSESSMENT_SOURCE: readable_assessments,
    MANUAL_SOURCE: readable_manual_entries,
}
