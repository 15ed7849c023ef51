"""`manage.py restore DIR`: a backup into an empty database, checked against its manifest."""

from django.core.management.base import BaseCommand, CommandError

from core import backups


class Command(BaseCommand):
    help = "Restore a backup folder into this (empty) database and MEDIA_ROOT, then check every table against the manifest."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a folder written by `manage.py backup`")

    def handle(self, source, **options):
        try:
            differing = backups.restore(source)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        if differing:
            raise CommandError(f"Restored, but these tables differ from the manifest: {', '.join(differing)}")
        self.stdout.write("Restored; every table's row count and content hash match the manifest.")
        self.stdout.write("Next: rebuild the search index with `manage.py directory_index --rebuild`.")
