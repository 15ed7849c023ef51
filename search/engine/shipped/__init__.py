"""Vocabulary that ships with the product: a UK health and social care glossary, and everyday words.

Data migrations call `sync` with the migration's historical models. A later release extends the
JSON files and adds a migration that calls `sync` again: new entries are added, shipped entries
nobody has touched are updated, and whatever a practice lead added or edited is left alone.
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
GLOSSARY_FILE = HERE / "glossary.json"
EVERYDAY_FILE = HERE / "everyday.json"


def _lines(value) -> str:
    if isinstance(value, str):
        return value.strip()
    return "\n".join(v.strip() for v in value if v.strip())


def sync(model, items, key: str, fields: tuple[str, ...]) -> dict:
    """Bring shipped rows of `model` up to `items` (dicts keyed by `key`). Returns counts."""
    counts = {"added": 0, "updated": 0, "kept_local": 0}
    existing = {getattr(row, key).strip().lower(): row for row in model.objects.all()}
    for item in items:
        words = {f: _lines(item.get(f, "")) for f in fields}
        extra = {"notes": item["notes"][:255]} if "notes" in item and hasattr(model, "notes") else {}
        row = existing.get(item[key].strip().lower())
        if row is None:
            model.objects.create(**{key: item[key].strip()}, **words, **extra, source="shipped", shipped_words=words)
            counts["added"] += 1
            continue
        untouched = row.source == "shipped" and all(getattr(row, f) == (row.shipped_words or {}).get(f) for f in fields)
        if not untouched:
            counts["kept_local"] += 1
            continue
        if any(getattr(row, f) != words[f] for f in fields):
            for f, value in words.items():
                setattr(row, f, value)
            row.shipped_words = words
            row.save()
            counts["updated"] += 1
    return counts


def sync_glossary(apps, schema_editor=None):
    """Data migration step: the shipped glossary."""
    model = apps.get_model("search_engine", "GlossaryTerm")
    items = json.loads(GLOSSARY_FILE.read_text(encoding="utf-8"))
    return sync(model, items, "term", ("expansions",))


def sync_everyday(apps, schema_editor=None):
    """Data migration step: the shipped everyday words."""
    model = apps.get_model("search_engine", "EverydayPhrase")
    items = json.loads(EVERYDAY_FILE.read_text(encoding="utf-8"))
    return sync(model, items, "need", ("phrases", "service_terms"))
