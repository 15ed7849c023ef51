"""Run the identifier check over a file of texts, one per line (PATH "-" reads standard input)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from learning.identifier_names import configured_names
from learning.identifiers import find_identifiers, read_names


class Command(BaseCommand):
    help = "Check each line of PATH for things that identify a person; print one JSON object per line."

    def add_arguments(self, parser):
        parser.add_argument("path", help='A UTF-8 text file, one text per line, or "-" for standard input.')
        parser.add_argument("--names", help="A file of names, one a line, used instead of the configured list.")

    def handle(self, *args, **options):
        try:
            names = read_names(options["names"]) if options.get("names") else configured_names()
        except OSError as exc:
            raise CommandError(f"Cannot read the names file: {exc}") from exc
        path = options["path"]
        try:
            stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            for number, line in enumerate(stream, start=1):
                text = line.rstrip("\r\n")
                findings = [f.as_dict() for f in find_identifiers(text, names)]
                self.stdout.write(json.dumps({"line": number, "findings": findings}, ensure_ascii=False))
        finally:
            if stream is not sys.stdin:
                stream.close()
