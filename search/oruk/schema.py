"""The standard's schemas (a local copy in search/oruk_schema: nothing is fetched) and the
OpenAPI file the API serves."""

import json
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "oruk_schema"
REMOTE_BASE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
ORUK_VERSION = "3.0"
PROFILE_URL = "https://openreferral.org/uk/"


def schema_path(uri: str) -> Path:
    """The local file for a schema reference: a relative name or a remote ORUK address."""
    path = urlparse(uri).path
    sub = "compiled/" if "/compiled/" in path or path.startswith("compiled/") else ""
    return SCHEMA_DIR / sub / path.rsplit("/", 1)[-1]


def _retrieve(uri: str) -> Resource:
    local = schema_path(uri)
    if not local.is_file():
        raise LookupError(f"No local copy of ORUK schema {uri}")
    return Resource.from_contents(json.loads(local.read_text(encoding="utf-8")), default_specification=DRAFT202012)


@cache
def registry() -> Registry:
    """Every local schema under its remote address, crawled once (validation is then lookup only)."""
    resources = []
    for local in sorted(SCHEMA_DIR.glob("*.json")) + sorted(SCHEMA_DIR.glob("compiled/*.json")):
        if local.name == "openapi.json":
            continue
        relative = local.relative_to(SCHEMA_DIR).as_posix()
        contents = json.loads(local.read_text(encoding="utf-8"))
        resources.append((REMOTE_BASE + relative, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry(retrieve=_retrieve).with_resources(resources).crawl()


@cache
def load_schema(name: str) -> dict:
    """A schema by name ("service.json", "compiled/service_list.json"), with its remote base URI."""
    schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
    # A base URI lets relative references ("schedule.json") resolve; _retrieve maps them to disk.
    return {"$id": REMOTE_BASE + name, **schema}


@cache
def validator(name: str = "service.json") -> Draft202012Validator:
    return Draft202012Validator(load_schema(name), registry=registry(), format_checker=FormatChecker())


def schema_errors(record, name: str = "service.json") -> list[tuple[str, str]]:
    """[(json path, message)] for every way the record breaks the schema, in document order."""
    errors = sorted(validator(name).iter_errors(record), key=lambda e: [str(p) for p in e.absolute_path])
    return [("/" + "/".join(str(p) for p in e.absolute_path), e.message) for e in errors]


def openapi_document() -> dict:
    """The standard's own OpenAPI file, as published."""
    return json.loads((SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))


API_ERROR_SCHEMA = {
    "type": "object",
    "required": ["error", "status"],
    "properties": {
        "error": {"type": "string", "description": "What was wrong, in words a developer can act on."},
        "status": {"type": "integer", "description": "The HTTP status, repeated."},
        "parameter": {"type": "string", "description": "The query parameter at fault, when there is one."},
    },
}

BAD_PARAMETER = (
    "A parameter's value is wrong (a page that is not a whole number, an unknown day, a time that is not"
    " HH:MM, an unknown postcode, a proximity without a postcode). An empty parameter is never wrong: it"
    " means the same as leaving it out."
)


def served_openapi(server_url: str) -> dict:
    """The standard's file, extended (never altered) with this server and its error answers.

    The standard documents only 200 responses. Clients also need to know that a wrong value gets a
    400 and an unknown id a 404, both as a small JSON object, and that an empty query parameter is
    accepted as absent (`allowEmptyValue`).
    """
    spec = openapi_document()
    spec["servers"] = [{"url": server_url, "description": "This directory"}]
    spec.setdefault("components", {}).setdefault("schemas", {})["Error"] = API_ERROR_SCHEMA
    for parameter in spec["components"].get("parameters", {}).values():
        if parameter.get("in") == "query":
            parameter["allowEmptyValue"] = True  # empty means left out
    error = {"$ref": "#/components/schemas/Error"}
    for path, item in spec["paths"].items():
        responses = item["get"]["responses"]
        responses["400"] = {"description": BAD_PARAMETER, "content": {"application/json": {"schema": error}}}
        if "{id}" in path:
            responses["404"] = {
                "description": "No record has that id (or it is not published).",
                "content": {"application/json": {"schema": error}},
            }
    return spec
