"""Demo content for the search engine: the glossary, then a fresh index of the demo directory."""

import json
from pathlib import Path

from django.db import transaction

GLOSSARY_FILE = Path(__file__).resolve().parent.parent / "demo_data" / "glossary.json"


def load_glossary(path=GLOSSARY_FILE):
    """Create or update glossary terms from a JSON list of {"term", "expansions"}. Returns (created, updated)."""
    from .models import GlossaryTerm

    created = updated = 0
    with transaction.atomic():
        for item in json.loads(Path(path).read_text(encoding="utf-8")):
            expansions = "\n".join(e.strip() for e in item.get("expansions", []) if e.strip())
            term, was_created = GlossaryTerm.objects.get_or_create(term=item["term"].strip(), defaults={"expansions": expansions})
            if was_created:
                created += 1
            elif term.source == "local" and term.expansions != expansions:  # shipped terms are the product's
                term.expansions = expansions
                term.save(update_fields=["expansions", "updated_at"])
                updated += 1
    return created, updated


def seed(log):
    from . import es, indexing

    if GLOSSARY_FILE.exists():
        created, updated = load_glossary()
        log(f"Search glossary: {created} terms added, {updated} updated")
    try:
        indexing.rebuild(log=log)
    except es.UNAVAILABLE as error:
        log(f"Elasticsearch is configured but not reachable ({es.describe(error)}); the database search entries are ready, "
            "and `manage.py directory_index --rebuild` builds the index once it is up")
