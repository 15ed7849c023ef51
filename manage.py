#!/usr/bin/env python
"""Django's command-line utility for Practice Commons."""

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent
# The project package lives in site/ (a folder, not a package: Python's standard library owns
# the module name "site"), so site/ goes on the import path beside the repository root.
sys.path.insert(0, str(REPO_ROOT / "site"))
sys.path.insert(1, str(REPO_ROOT))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "practice_commons.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
