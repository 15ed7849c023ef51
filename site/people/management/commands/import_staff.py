from django.core.management.base import BaseCommand, CommandError

from people.services import STAFF_CSV_COLUMNS, import_staff_csv


class Command(BaseCommand):
    help = (
        "Import staff from a CSV with columns: "
        + ", ".join(STAFF_CSV_COLUMNS)
        + ". Good rows are imported; each bad row is reported with its line number and reason, and the "
        "command exits 1. A file with unknown columns or not in UTF-8 is refused whole."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="Check the file without saving.")

    def handle(self, path, dry_run=False, **options):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        report = import_staff_csv(data, dry_run=dry_run)
        for line_no, email, reason in report.errors:
            self.stderr.write(f"line {line_no}{f' ({email})' if email else ''}: {reason}")
        verb = "would be checked" if dry_run else "imported"
        self.stdout.write(
            f"Staff {verb}: {report.created} new, {report.updated} updated, "
            f"{report.relationships} supervision relationships, {len(report.errors)} rows rejected."
        )
        if report.errors:
            raise SystemExit(1)
