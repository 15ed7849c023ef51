"""Delete records kept past their retention period (Settings > Retention). Run daily from cron."""

from django.core.management.base import BaseCommand

from core.models import RetentionSettings
from core.retention import apply_retention


class Command(BaseCommand):
    help = "Apply the retention periods set in Settings > Retention; --dry-run only reports."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        settings = RetentionSettings.load()
        report = apply_retention(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"Retention {'dry run (nothing deleted)' if dry_run else 'run'}:")
        periods = [
            ("Untouched drafts", settings.draft_log_months, "months"),
            ("Signed-off supervision", settings.supervision_years, "years"),
            ("Access-log entries", settings.access_log_years, "years"),
            ("Leavers' accounts", settings.leaver_months, "months"),
        ]
        for label, value, unit in periods:
            self.stdout.write(f"  {label}: {'kept (no period set)' if value is None else f'{value} {unit}'}")
        for app, counts in report.counts.items():
            for what, count in counts.items():
                self.stdout.write(f"  {verb} {app} – {what}: {count}")
        self.stdout.write(self.style.SUCCESS(f"{verb} {report.total} record(s) in all."))
