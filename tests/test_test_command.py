"""The README's test command runs every app's tests: pytest without arguments collects only the
folders in pyproject's `testpaths`, so an app left out there is silently never tested."""

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_every_apps_tests_are_collected_by_the_test_command():
    options = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    collected = [REPO / path for path in options["testpaths"]]
    app_tests = [p for p in [*REPO.glob("*/tests"), *REPO.glob("site/*/tests"), *REPO.glob("*/*/tests")]
                 if ".venv" not in p.parts and "node_modules" not in p.parts]

    missed = [str(p.relative_to(REPO)) for p in app_tests if not any(p.is_relative_to(root) for root in collected)]

    assert app_tests and missed == []
