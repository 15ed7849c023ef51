"""Measure search quality: nDCG@10, recall@10 and MRR per kind of query, on each backend."""

import json

from django.core.management.base import BaseCommand, CommandError

from search.engine import es, evaluation


class Command(BaseCommand):
    help = (
        "Measure the directory search on graded queries: nDCG@10, recall@10 and MRR per kind of query and "
        "backend. --dataset norfolk is the held-apart set (never tuned on); demo is the tuning set."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dataset", default="norfolk", help="norfolk (held apart), demo, or a path to a queries JSON file.")
        parser.add_argument("--load", action="store_true", help="First import the dataset's postcodes and directory here and rebuild the index (use a scratch database).")
        parser.add_argument("--backend", choices=["both", *evaluation.BACKENDS], default="both")
        parser.add_argument("--worst", type=int, default=0, help="Also list the N weakest queries of each kind.")
        parser.add_argument("--json", action="store_true", help="End with one JSON line of the figures.")

    def handle(self, *args, **options):
        name = options["dataset"]
        path = evaluation.DATASETS[name]["queries"] if name in evaluation.DATASETS else name
        if options["load"]:
            if name not in evaluation.DATASETS:
                raise CommandError("--load needs a named dataset (norfolk or demo)")
            evaluation.load_dataset(name, log=self.stdout.write)
        try:
            cases = evaluation.load_cases(path)
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {path}") from error
        backends = list(evaluation.BACKENDS) if options["backend"] == "both" else [options["backend"]]
        if "elasticsearch" in backends and not es.configured():
            self.stdout.write("ELASTICSEARCH_URL is not set: measuring the database only.")
            backends.remove("elasticsearch")
        from django.db import connection

        figures = {}
        self.stdout.write(f"{len(cases)} queries from {path} ({connection.vendor})")
        for backend in backends:
            measured = evaluation.measure(cases, backend)
            rows = evaluation.summarise(measured, worst=options["worst"])
            self.stdout.write(f"\n{backend}")
            fell_back = sum(m.fell_back for m in measured)
            if fell_back:
                self.stdout.write(f"  {fell_back} queries answered by the database (Elasticsearch timed out twice): not a fair figure")
            self.stdout.write(f"  {'kind':<14}{'queries':>8}{'nDCG@10':>9}{'recall@10':>11}{'MRR':>7}{'median ms':>11}")
            for row in rows:
                self.stdout.write(f"  {row.kind:<14}{row.queries:>8}{row.ndcg:>9.3f}{row.recall:>11.3f}{row.mrr:>7.3f}{row.median_ms:>11.0f}")
                figures.setdefault(backend, {})[row.kind] = {
                    "queries": row.queries, "ndcg10": round(row.ndcg, 3), "recall10": round(row.recall, 3),
                    "mrr": round(row.mrr, 3), "median_ms": round(row.median_ms, 1),
                }
            for row in rows:
                for m in row.worst:
                    self.stdout.write(f"    weak {row.kind}: {m.ndcg:.2f} {m.case.search!r}")
        if options["json"]:
            self.stdout.write(json.dumps({"dataset": name, "database": connection.vendor, **figures}))
