"""Run the identifier check over a file of texts, one per line (PATH "-" reads standard input),
with --evaluate measure it against a labelled set shipped in core/privacy/evaluation/ (labelled.jsonl by
default, or held_apart.jsonl), or with --benchmark time it on a 1,000-word text."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from core.privacy import configured_names, find_identifiers, read_names
from core.privacy.evaluation import LABELLED_SET, benchmark, evaluate


class Command(BaseCommand):
    help = (
        "Check each line of PATH for things that identify a person; print one JSON object per line. "
        "--evaluate prints precision and recall per kind on the labelled set instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help='A UTF-8 text file, one text per line, or "-" for standard input.')
        parser.add_argument("--names", help="A file of names, one a line, used instead of the configured list.")
        parser.add_argument(
            "--evaluate", nargs="?", const=str(LABELLED_SET), metavar="JSONL",
            help="Measure precision and recall per kind on a labelled set (default: the shipped one).",
        )
        parser.add_argument(
            "--benchmark", action="store_true",
            help="Print the CPU milliseconds the check takes on one 1,000-word text (best of 7 rounds).",
        )

    def handle(self, *args, **options):
        if options.get("evaluate"):
            return self.evaluate(options["evaluate"])
        if options.get("benchmark"):
            result = benchmark()
            self.stdout.write(f"{result['ms_per_text']:.2f} ms CPU per {result['words']:,}-word text")
            self.stdout.write(json.dumps(result))
            return None
        if not options.get("path"):
            raise CommandError('Give a PATH to check (or "-" for standard input), or --evaluate.')
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

    def evaluate(self, path):
        try:
            result = evaluate(path)
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read the labelled set {path}: {exc}") from exc
        self.stdout.write(f"{result['lines']} labelled lines")
        self.stdout.write(f"{'kind':<15}{'labelled':>9}{'found':>7}{'precision':>11}{'recall':>8}")
        for kind, row in result["kinds"].items():
            self.stdout.write(
                f"{kind:<15}{row['labelled']:>9}{row['found']:>7}{row['precision']:>11.3f}{row['recall']:>8.3f}"
            )
        self.stdout.write(json.dumps(result, sort_keys=True))
