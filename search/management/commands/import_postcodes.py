from django.core.management.base import BaseCommand, CommandError

from search.postcodes import import_postcodes


class Command(BaseCommand):
    help = (
        "Load postcodes from a CSV in the shape of the ONS Postcode Directory (columns pcds, lat, "
        "long; oslaua and oscty used when present; other columns ignored). Streams the file in "
        "batches, so the full directory of 2.7 million rows loads in flat memory."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, path, batch_size=5000, **options):
        progress = self.stderr.write if options["verbosity"] > 1 else None
        try:
            report = import_postcodes(path, batch_size=batch_size, progress=progress)
        except FileNotFoundError as exc:
            raise CommandError(f"No such file: {path}") from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(report.summary()))
        if report.invalid_examples:
            self.stdout.write("Unreadable postcodes, for example: " + ", ".join(report.invalid_examples))
