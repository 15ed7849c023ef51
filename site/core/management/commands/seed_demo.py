"""Demo data for a first look: a team, its people, pages, and each app's own demo content.

Idempotent: running it again changes nothing. Each app may add its own demo content with a
module `<app>/demo.py` defining `seed(log)`, called after the people exist.
"""

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo import DEMO_PASSWORD, seed_people, seed_site


class Command(BaseCommand):
    help = "Create (or top up) the demo team, logins, pages and each app's demo content."

    def handle(self, *args, **options):
        with transaction.atomic():
            seed_site()
            logins = seed_people()
        for config in apps.get_app_configs():
            if config.name == "core":
                continue
            try:
                module = importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            module.seed(self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD})"))
        for role, email, name in logins:
            self.stdout.write(f"  {role:<15} {email:<40} {name}")
