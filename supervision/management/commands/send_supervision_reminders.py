"""Email reminders: records waiting for someone's signature, and actions coming due.

Run once a day, for example from cron at 07:30:
    30 7 * * *  cd /srv/practice-commons && .venv/bin/python manage.py send_supervision_reminders
"""

import datetime

from django.core.mail import send_mass_mail
from django.core.management.base import BaseCommand
from django.utils import timezone

from supervision import permissions
from supervision.ics import absolute_url
from supervision.models import (
    ActionStatus,
    SessionParticipant,
    SessionStatus,
    SupervisionAction,
    SupervisionSession,
)


class Command(BaseCommand):
    help = "Send reminders of supervision records to sign and of actions due soon. Run daily."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="Remind of actions due within this many days (default 3).")
        parser.add_argument("--dry-run", action="store_true", help="Say what would be sent without sending.")

    def handle(self, *args, days, dry_run, **options):
        today = timezone.localdate()
        messages = []
        # Sign-offs pending: supervisees who have not signed, and supervisors who have not.
        for participant in SessionParticipant.objects.filter(
            session__status=SessionStatus.AWAITING_SIGN_OFF, signed_at__isnull=True
        ).select_related("user", "session"):
            messages.append(self._sign_message(participant.user, participant.session))
        for session in SupervisionSession.objects.filter(
            status=SessionStatus.AWAITING_SIGN_OFF, supervisor_signed_at__isnull=True
        ).select_related("supervisor"):
            messages.append(self._sign_message(session.supervisor, session))
        # Actions due within the window (or overdue), once a day at most.
        actions = list(
            SupervisionAction.objects.filter(status=ActionStatus.OPEN, due_on__lte=today + datetime.timedelta(days=days))
            .exclude(last_reminded_on=today)
            .select_related("owner", "session")
        )
        for action in actions:
            when = "overdue since" if action.due_on < today else "due on"
            # The action's words are the session's content: only for someone still in its room.
            words = action.description if permissions.is_participant(action.owner, action.session) else (
                "(You can no longer open this supervision record, so its words are not repeated here.)"
            )
            messages.append((
                f"Supervision action {when} {action.due_on:%d %B %Y}",
                f"Your action from supervision is {when} {action.due_on:%d %B %Y}:\n\n{words}\n\n"
                f"Mark it done or discuss it at your next session: {absolute_url(action.session.get_absolute_url())}\n",
                None,
                [action.owner.email],
            ))
        if dry_run:
            for subject, _, _, to in messages:
                self.stdout.write(f"Would send to {', '.join(to)}: {subject}")
            return
        sent = send_mass_mail(messages, fail_silently=False) if messages else 0
        SupervisionAction.objects.filter(pk__in=[a.pk for a in actions]).update(last_reminded_on=today)
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} supervision reminders."))

    @staticmethod
    def _sign_message(user, session):
        return (
            f"Please sign your supervision record from {timezone.localtime(session.starts_at):%d %B %Y}",
            "A supervision record is waiting for your signature. Read it, and sign it or record what you disagree with:\n"
            f"{absolute_url(session.get_absolute_url())}#sign-off\n",
            None,
            [user.email],
        )
