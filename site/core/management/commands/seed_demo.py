"""Demo data for a first look: a team, its people, pages, and each app's own demo content.

Idempotent: running it again changes nothing. Each app may add its own demo content with a
module `<app>/demo.py` defining `seed(log)`, called after the people exist.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.app_hooks import app_modules
from core.demo import DEMO_PASSWORD, seed_people, seed_site


class Command(BaseCommand):
    help = "Create (or top up) the demo team, logins, pages and each app's demo content."

    def handle(self, *args, **options):
        with transaction.atomic():
            seed_site()
            logins = seed_people()
        for config, module in app_modules("demo"):
            if config.name != "core":
                module.seed(self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD})"))
        for role, email, name in logins:
            self.stdout.write(f"  {role:<15} {email:<40} {name}")
