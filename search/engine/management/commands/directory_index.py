"""Build or catch up the directory's search index."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.engine import es, indexing
from search.engine.models import PendingIndexUpdate


class Command(BaseCommand):
    help = (
        "--rebuild: rebuild the database search entries and a new Elasticsearch index, then swap the "
        "alias to it. --catch-up: apply updates that waited while Elasticsearch was down. "
        "With neither, report the state of the index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Build everything afresh (no downtime for searches).")
        parser.add_argument("--catch-up", action="store_true", help="Apply waiting updates now.")

    def handle(self, *args, **options):
        if options["rebuild"]:
            try:
                indexing.rebuild(log=self.stdout.write)
            except es.UNAVAILABLE as error:
                raise CommandError(f"Elasticsearch is not reachable at {settings.ELASTICSEARCH_URL}: {es.describe(error)}") from error
        if options["catch_up"]:
            result = indexing.catch_up()
            self.stdout.write(f"Applied {result['applied']} updates; {result['waiting']} still waiting")
            if result.get("error"):
                raise CommandError(f"Elasticsearch is still unavailable: {result['error']}")
        if not options["rebuild"] and not options["catch_up"]:
            self.report()

    def report(self):
        waiting = PendingIndexUpdate.objects.count()
        if not es.configured():
            self.stdout.write("Search runs on the database (ELASTICSEARCH_URL is not set).")
        else:
            try:
                targets = es.alias_targets()
                count = es.client().count(index=es.alias_name())["count"] if targets else 0
            except es.UNAVAILABLE as error:
                self.stdout.write(f"Elasticsearch is not reachable: {es.describe(error)}")
            else:
                if targets:
                    self.stdout.write(f"Alias {es.alias_name()} -> {', '.join(targets)} ({count} services)")
                else:
                    self.stdout.write("No index yet: run `manage.py directory_index --rebuild`")
        self.stdout.write(f"{waiting} updates waiting")
