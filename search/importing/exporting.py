"""Exporting every service (or some) as fully nested ORUK JSON."""

import json
from pathlib import Path

from .. import models as m
from ..oruk import prefetch_services, service_to_oruk


def export_services(queryset=None, batch_size=200):
    """Yield every service (or those in queryset) as fully nested ORUK JSON, in batches."""
    queryset = queryset if queryset is not None else m.Service.objects.all()
    ids = list(queryset.order_by("name", "pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        services = {s.pk: s for s in prefetch_services(m.Service.objects.filter(pk__in=chunk))}
        for pk in chunk:
            yield service_to_oruk(services[pk])


def export_file(path, lines=None, queryset=None):
    """Write services to path: a JSON list, or JSON Lines when lines is true (or path ends .jsonl)."""
    path = Path(path)
    lines = path.suffix in (".jsonl", ".ndjson") if lines is None else lines
    count = 0
    with path.open("w", encoding="utf-8") as out:
        if lines:
            for record in export_services(queryset):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        else:
            out.write("[")
            for record in export_services(queryset):
                out.write(("\n" if count == 0 else ",\n") + json.dumps(record, ensure_ascii=False, indent=2))
                count += 1
            out.write("\n]\n")
    return count
