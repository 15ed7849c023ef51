"""Validate directory.json against the Open Referral UK 3.0 service schema.

    .venv/bin/python scripts/directory_demo/validate.py [--schema-dir DIR] [directory.json]

The ORUK schema files refer to each other by relative names ("attribute.json"),
and the OpenAPI file by https://raw.githubusercontent.com/openreferral/uk-profile/
main/schema/... URLs. Nothing is fetched from the network: every reference is
resolved to the local file with the same name.

The schema directory is taken from --schema-dir, else $ORUK_SCHEMA_DIR, else the
first "shared/standards/oruk-3.0/schema" or "oruk-3.0/schema" folder found (then the app's
search/oruk_schema)
walking up from this file.

Beyond the schema, this also checks the formats jsonschema skips without extra
packages (date-time, date, time, uri), unique ids, and that extension objects
(phones, location schedules, taxonomy_detail) match their ORUK schemas.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
REMOTE_BASE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"


def find_schema_dir(explicit: str | None = None) -> Path:
    candidates = []
    if explicit:
        candidates.append(Path(explicit))
    if os.environ.get("ORUK_SCHEMA_DIR"):
        candidates.append(Path(os.environ["ORUK_SCHEMA_DIR"]))
    for parent in [HERE, *HERE.parents]:
        candidates += [parent / "shared" / "standards" / "oruk-3.0" / "schema", parent / "oruk-3.0" / "schema"]
    candidates.append(REPO / "search" / "oruk_schema")  # the app's own copy of the standard's files
    for c in candidates:
        if (c / "service.json").is_file():
            return c
    raise SystemExit("ORUK 3.0 schema folder not found: pass --schema-dir or set ORUK_SCHEMA_DIR")


def make_validator(schema_dir: Path, name: str = "service.json") -> Draft202012Validator:
    def retrieve(uri: str) -> Resource:
        # Map any reference (relative name or remote URL) to the local file with that name.
        filename = urlparse(uri).path.rsplit("/", 1)[-1]
        sub = "compiled/" if "/schema/compiled/" in uri else ""
        path = schema_dir / sub / filename
        return Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012)

    registry = Registry(retrieve=retrieve)
    schema = json.loads((schema_dir / name).read_text(encoding="utf-8"))
    # Give the root a base URI so relative $refs resolve to REMOTE_BASE + name, which retrieve() maps back to disk.
    schema = {"$id": REMOTE_BASE + name, **schema}
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TIME_RE = re.compile(r"^\d{2}:\d{2}(:\d{2})?$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def _check_uuids(node, where: str, errors: list[str]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            if (k == "id" or k.endswith("_id")) and isinstance(v, str) and not UUID_RE.match(v):
                errors.append(f"{where}: {k} is not a UUID: {v}")
            _check_uuids(v, where, errors)
    elif isinstance(node, list):
        for v in node:
            _check_uuids(v, where, errors)


def extra_checks(services: list[dict], schema_dir: Path) -> list[str]:
    errors: list[str] = []
    phone_v = make_validator(schema_dir, "phone.json")
    sched_v = make_validator(schema_dir, "schedule.json")
    tax_v = make_validator(schema_dir, "taxonomy.json")
    seen_services: set[str] = set()
    for s in services:
        where = f"{s.get('name')} ({s.get('id')})"
        if s["id"] in seen_services:
            errors.append(f"{where}: duplicate service id")
        seen_services.add(s["id"])
        if not DATETIME_RE.match(s.get("last_modified", "")):
            errors.append(f"{where}: last_modified is not an ISO date-time")
        if not DATE_RE.match(s.get("assured_date", "")):
            errors.append(f"{where}: assured_date is not YYYY-MM-DD")
        for u in (s.get("url"), s["organization"].get("website")):
            if u and not urlparse(u).scheme.startswith("http"):
                errors.append(f"{where}: bad url {u}")
        scheds = list(s.get("schedules", []))
        for sal in s.get("service_at_locations", []):
            scheds += sal.get("schedules", [])
            loc = sal["location"]
            if loc.get("location_type") == "physical":
                if not (49.8 < loc["latitude"] < 60.9 and -8.7 < loc["longitude"] < 1.8):
                    errors.append(f"{where}: location {loc['name']} is outside the UK")
        for sc in scheds:
            errors += [f"{where}: schedule: {e.message}" for e in sched_v.iter_errors(sc)]
            for key in ("opens_at", "closes_at"):
                if key in sc and not TIME_RE.match(sc[key]):
                    errors.append(f"{where}: schedule {key} {sc[key]!r}")
            for key in ("valid_from", "valid_to", "dtstart"):
                if key in sc and not DATE_RE.match(sc[key]):
                    errors.append(f"{where}: schedule {key} {sc[key]!r}")
        for ph in s.get("phones", []):
            errors += [f"{where}: phone: {e.message}" for e in phone_v.iter_errors(ph)]
        for a in s.get("attributes", []):
            td = a.get("taxonomy_term", {}).get("taxonomy_detail")
            if td:
                errors += [f"{where}: taxonomy_detail: {e.message}" for e in tax_v.iter_errors(td)]
        for co in s.get("cost_options", []):
            for key in ("valid_from", "valid_to"):
                if key in co and not DATE_RE.match(co[key]):
                    errors.append(f"{where}: cost option {key} {co[key]!r}")
        _check_uuids(s, where, errors)
    return errors


def validate(services: list[dict], schema_dir: Path | None = None, verbose: bool = True) -> int:
    schema_dir = schema_dir or find_schema_dir()
    validator = make_validator(schema_dir)
    errors = []
    for s in services:
        for e in validator.iter_errors(s):
            errors.append(f"{s.get('name')} ({s.get('id')}): {'/'.join(map(str, e.absolute_path))}: {e.message}")
    errors += extra_checks(services, schema_dir)
    for e in errors[:50]:
        print("ERROR", e, file=sys.stderr)
    if errors:
        raise SystemExit(f"{len(errors)} validation error(s) in {len(services)} services")
    if verbose:
        print(f"{len(services)} services valid against ORUK 3.0 schema/service.json")
    return len(services)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(REPO / "search" / "demo_data" / "directory.json"))
    parser.add_argument("--schema-dir")
    args = parser.parse_args(argv)
    services = json.loads(Path(args.path).read_text(encoding="utf-8"))
    validate(services, find_schema_dir(args.schema_dir))


if __name__ == "__main__":
    main()
