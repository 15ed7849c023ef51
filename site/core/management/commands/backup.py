"""`manage.py backup DIR`: the database (pg_dump custom format), uploaded files and a manifest."""

from django.core.management.base import BaseCommand, CommandError

from core import backups


class Command(BaseCommand):
    help = "Back up the database, the uploaded files and a manifest of row counts and hashes into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("destination", help="a folder that does not exist yet")

    def handle(self, destination, **options):
        try:
            manifest = backups.backup(destination)
        except (backups.BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from error
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(f"Backed up {len(manifest['tables'])} tables ({rows} rows) and the uploaded files to {destination}")
