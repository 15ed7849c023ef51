"""The API against the standard's own OpenAPI file, with schemathesis.

The file (a copy of ORUK 3.0's schema/openapi.json) needs mending before any tool can load it;
the copy made here changes only what it must, and says why:
- its response schemas are remote https addresses no test machine can reach: they are replaced
  by the local copies of the same files;
- start_time and end_time are declared with "type": "time", which is not a JSON Schema type:
  they become strings of format time;
- it documents only 200 responses and names no server: the API serves the file extended with its
  400 (bad parameter) and 404 (unknown id) answers and its own address (`oruk.served_openapi`), and
  that extended file is what is checked here, so the errors' JSON shape is checked too;
- it gives /service_at_locations/{id} the *service* schema (the path's own summary says it
  returns a service at location): that response is pointed at compiled/service_at_location.json.
Schemathesis then checks every response: no 500s, JSON content, bodies valid against the
schemas, and invalid input (a page that is not a number...) refused with a 4xx. It does not
insist that every string the file allows is accepted: the file types day, postcode and
proximity as free text, and this API answers 400 to a day like "Funday" or an unknown postcode.

The quick run (a few examples per operation) is in the default suite; the thorough one is slow.
"""

import json
import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from search.oruk import REMOTE_BASE, openapi_document, schema_path, served_openapi

pytestmark = pytest.mark.django_db(transaction=False)


def _inline(node, base=""):
    """Replace references to ORUK's files with the local files' contents, recursively."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            target = ref if ref.startswith("http") else base.rsplit("/", 1)[0] + "/" + ref
            contents = json.loads(schema_path(target).read_text(encoding="utf-8"))
            return _inline(contents, target)
        return {k: _inline(v, base) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, base) for v in node]
    return node


def mended_openapi():
    spec = served_openapi("/api/oruk")
    sal = spec["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    sal["schema"]["$ref"] = REMOTE_BASE + "compiled/service_at_location.json"
    spec = _inline(spec, REMOTE_BASE + "openapi.json")
    for name in ("start_time", "end_time"):
        spec["components"]["parameters"][name]["schema"] = {"type": "string", "format": "time"}
    return spec


schema = schemathesis.openapi.from_dict(mended_openapi())
schema.app = get_wsgi_application()

QUICK = int(os.environ.get("ORUK_CONTRACT_EXAMPLES", "4"))


@pytest.fixture
def seeded(db, keep_test_connection):
    """A little directory so that lists and filters have something to return."""
    from .factories import (
        PostcodeFactory,
        ServiceFactory,
        TaxonomyTermFactory,
        add_location,
        add_term,
    )

    PostcodeFactory()
    term = TaxonomyTermFactory(name="Short breaks")
    for n in range(3):
        service = ServiceFactory(minimum_age=n * 10, maximum_age=n * 10 + 20)
        add_term(service, term)
        add_location(service)


@schema.parametrize()
@settings(max_examples=QUICK, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_conforms_to_the_openapi_file(case, seeded):
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_the_openapi_file_thoroughly(case, seeded):
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


def test_the_mended_file_still_says_what_the_standard_says():
    """Only the mendings above: every path, operation and parameter is the standard's."""
    original, mended = openapi_document(), mended_openapi()
    assert list(original["paths"]) == list(mended["paths"])
    for path, item in original["paths"].items():
        assert item["get"]["operationId"] == mended["paths"][path]["get"]["operationId"]
        assert item["get"].get("parameters") == mended["paths"][path]["get"].get("parameters")
    for name, parameter in original["components"]["parameters"].items():
        served = dict(mended["components"]["parameters"][name])
        # Declared by this API: an empty query parameter means the same as leaving it out.
        assert served.pop("allowEmptyValue", None) is (True if parameter["in"] == "query" else None)
        if name not in ("start_time", "end_time"):
            assert served == parameter
