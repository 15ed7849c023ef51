"""The import, record by record: each checked, then written in its own transaction, or reported."""

import logging
from datetime import UTC, datetime

from django.db import DatabaseError, transaction
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..changes import notify_services_changed
from .reading import InvalidJSON, read_records
from .report import ImportReport, RecordRejected, Rejection
from .validating import prepare_service
from .writing import WriteCache, snapshot, write_service

log = logging.getLogger(__name__)


def _without_last_modified(snapshot):
    return {k: v for k, v in snapshot.items() if k != "last_modified"} if snapshot else snapshot


def import_record(index, record, report, dry_run=False, user=None, cache=None):
    """Check and write one record in its own transaction, counting the outcome in report."""
    cache = cache or WriteCache()
    try:
        service = _import_record(index, record, report, dry_run, user, cache)
    except BaseException:
        cache.discard()
        raise
    if dry_run or (report.rejected and report.rejected[-1].index == index):
        cache.discard()
    else:
        cache.commit()
    return service


def _import_record(index, record, report, dry_run, user, cache):
    if isinstance(record, InvalidJSON):
        report.rejected.append(Rejection(index, None, None, [("/", record.message)]))
        return None
    record_id = str(record.get("id")) if isinstance(record, dict) and record.get("id") is not None else None
    name = str(record.get("name"))[:120] if isinstance(record, dict) and record.get("name") else None
    prepared, reasons, warnings = prepare_service(record)
    if reasons:
        report.rejected.append(Rejection(index, record_id, name, reasons))
        return None
    try:
        # Wagtail's reference index would be rebuilt on every save of the record's parts; it is
        # updated once below instead, for the service (the only part with references to show).
        with transaction.atomic(), disable_reference_index_auto_update():
            before = snapshot(prepared["id"])
            service = write_service(prepared, cache)
            after = snapshot(prepared["id"])
            compare = _without_last_modified if prepared["last_modified"] is None else (lambda s: s)
            if before is not None and compare(before) == compare(after):
                transaction.set_rollback(True)
                report.unchanged += 1
                return None
            # Only a real change moves last_modified on (unless the file says when it changed).
            service.last_modified = prepared["last_modified"] or datetime.now(UTC)
            service._keep_last_modified = True
            service.save(update_fields=["last_modified"])
            if before is None:
                report.created += 1
                report.created_ids.append(service.pk)
            else:
                report.updated += 1
                report.updated_ids.append(service.pk)
            report.warnings += [(index, record_id, w) for w in warnings]
            if dry_run:
                transaction.set_rollback(True)
            else:
                service.save_revision(user=user, clean=False)
                ReferenceIndex.create_or_update_for_object(service)
                notify_services_changed({service.pk})
            return service
    except RecordRejected as exc:
        report.rejected.append(Rejection(index, record_id, name, exc.reasons))
    except DatabaseError as exc:
        log.warning("Import of record %s (%s) failed in the database: %s", index, record_id, exc)
        report.rejected.append(Rejection(index, record_id, name, [("/", f"the database refused it: {exc}")]))
    return None


def import_records(records, dry_run=False, user=None, progress=None):
    """Import an iterable of (index, record) pairs. Returns an ImportReport."""
    report = ImportReport(dry_run=dry_run)
    cache = WriteCache()
    for index, record in records:
        import_record(index, record, report, dry_run=dry_run, user=user, cache=cache)
        if progress and report.total % 100 == 0:
            progress(report.summary())
    return report


def import_file(path, dry_run=False, user=None, progress=None):
    """Import a JSON, JSON list or JSON Lines file of ORUK services."""
    return import_records(read_records(path), dry_run=dry_run, user=user, progress=progress)
