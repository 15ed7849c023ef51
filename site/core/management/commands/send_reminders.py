"""Send every reminder email that is due (core.reminders): each goes once, to people who want it.

The schedule (manage.py run_schedule) runs this through the task worker every hour; it can also be
run by hand or from cron. Running it twice, or on two machines at once, sends nothing twice.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from core import reminders


class Command(BaseCommand):
    help = "Send the reminder emails that are due (sessions tomorrow, sign-offs, actions, deadlines). Safe to repeat."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would be sent without sending.")
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="Act as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, dry_run, date, **options):
        sent = reminders.send_due(date or timezone.localdate(), dry_run=dry_run)
        if dry_run:
            for reminder in sent:
                self.stdout.write(f"Would send to {reminder.recipient.email}: {reminder.subject}")
            return
        self.stdout.write(self.style.SUCCESS(f"Sent {len(sent)} reminders."))
