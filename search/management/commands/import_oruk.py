from django.core.management.base import BaseCommand, CommandError

from search.importing import import_file


class Command(BaseCommand):
    help = (
        "Import Open Referral UK 3.0 services (fully nested, as a JSON list, one object or JSON Lines). "
        "Each service is validated against the ORUK schemas and upserted by its id in its own "
        "transaction; rejected records are listed at the end and the command exits 1 when there are any."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="Check and count, but write nothing.")

    def handle(self, path, dry_run=False, **options):
        try:
            report = import_file(path, dry_run=dry_run, progress=self._progress if options["verbosity"] > 1 else None)
        except FileNotFoundError as exc:
            raise CommandError(f"No such file: {path}") from exc
        except (ValueError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path} is not a JSON or JSON Lines file: {exc}") from exc
        for line in report.lines():
            self.stdout.write(line)
        if report.rejected:
            # The good records stay imported; a non-zero exit tells a scheduler or script to look.
            raise CommandError(f"{len(report.rejected)} records were rejected (listed above); the others were imported.")
        else:
            self.stdout.write(self.style.SUCCESS("No records were rejected."))

    def _progress(self, text):
        self.stderr.write(text)
