"""Importing and exporting fully nested ORUK services.

    report = import_file(path, dry_run=False)      # or import_records(iterable_of_dicts)
    export_file(path)                              # every service, the same format

A file is a JSON list of services, one JSON object, or JSON Lines (one service per line).
Each service is checked against the ORUK 3.0 service schema, then against what the database can
hold (real dates, ages, coordinates), then written in its own transaction: a bad record is
reported and skipped, never half-written. Records are matched by ORUK id, so importing the same
file twice changes nothing: a record counts as unchanged when the service's ORUK JSON would be
the same after writing it, and then nothing is written at all.

Shared parts (organisations, locations, taxonomy terms) are matched by id too; the last record
in a file that mentions one decides its contents. Attributes on anything but the service itself
(locations, addresses, contacts, organisations) are not kept.

One module a step: `reading` (files to records), `validating` (schema and database checks, into
prepared values), `writing` (prepared values into the database), `importer` (the loop, a
transaction a record), `report`, `exporting`.
"""

from .exporting import export_file, export_services
from .importer import import_file, import_record, import_records
from .reading import read_records
from .report import ImportReport, RecordRejected, Rejection
from .validating import prepare_service
from .writing import write_service

__all__ = [
    "ImportReport", "RecordRejected", "Rejection", "export_file", "export_services", "import_file", "import_record",
    "import_records", "prepare_service", "read_records", "write_service",
]
