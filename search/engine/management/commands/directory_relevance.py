"""Run the relevance queries on each backend and print each outcome and the pass rate."""

from django.core.management.base import BaseCommand

from search.engine import es, relevance


class Command(BaseCommand):
    help = "Run the directory's relevance queries (search/demo_data/relevance.json) on both backends."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(relevance.RELEVANCE_FILE), help="Relevance judgements (JSON).")
        parser.add_argument("--backend", choices=["both", "elasticsearch", "database"], default="both")
        parser.add_argument("--verbose", action="store_true", help="Also list the services found for failed queries.")

    def handle(self, *args, **options):
        cases = relevance.load_cases(options["file"])
        backends = ["elasticsearch", "database"] if options["backend"] == "both" else [options["backend"]]
        if "elasticsearch" in backends and not es.configured():
            self.stdout.write("ELASTICSEARCH_URL is not set: skipping Elasticsearch.")
            backends.remove("elasticsearch")
        from search.models import Service

        names = dict(Service.objects.values_list("pk", "name"))
        summary = []
        for backend in backends:
            outcomes = relevance.run(cases, backend)
            self.stdout.write(f"\n{backend}")
            for outcome in outcomes:
                mark = "pass" if outcome.passed else "FAIL"
                where = f"#{outcome.found_at}" if outcome.found_at else "--"
                self.stdout.write(f"  {mark} {where:>3}  {outcome.query}")
                if options["verbose"] and not outcome.passed:
                    for sid in outcome.top:
                        self.stdout.write(f"             {names.get(__import__('uuid').UUID(sid), sid)}")
            rate = relevance.pass_rate(outcomes)
            summary.append((backend, sum(o.passed for o in outcomes), len(outcomes), rate))
        self.stdout.write("")
        for backend, passed, total, rate in summary:
            self.stdout.write(f"{backend}: {passed}/{total} queries passed ({rate:.0%})")
