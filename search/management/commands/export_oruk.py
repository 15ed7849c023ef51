from django.core.management.base import BaseCommand

from search.importing import export_file


class Command(BaseCommand):
    help = (
        "Export every directory service as fully nested Open Referral UK 3.0 JSON, the format "
        "import_oruk reads: a JSON list, or JSON Lines when PATH ends in .jsonl or --lines is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--lines", action="store_true", help="Write JSON Lines (one service per line).")

    def handle(self, path, lines=False, **options):
        count = export_file(path, lines=lines or None)
        self.stdout.write(self.style.SUCCESS(f"Exported {count} services to {path}."))
