"""Write one person's subject access ZIP to a file: for a request made by letter or email, or an
account too large to build within a web request. Audited like a download."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core import subject_access
from core.models import PrivacyEvent, PrivacyEventKind


class Command(BaseCommand):
    help = "Write everything a person owns (the 'Download my data' ZIP) to a file."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's sign-in email address.")
        parser.add_argument("output", help="Where to write the ZIP, e.g. my-data.zip")
        parser.add_argument("--requested-by", default="", help="Who asked for it (written to the privacy audit).")

    def handle(self, *args, email, output, requested_by, **options):
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account has the email address {email}.")
        document = subject_access.collect(user)
        Path(output).write_bytes(subject_access.build_archive(document, subject_access.files_for(user)))
        PrivacyEvent.objects.create(
            kind=PrivacyEventKind.SUBJECT_ACCESS,
            user=user,
            actor=f"export_personal_data command{f', requested by {requested_by}' if requested_by else ''}",
            counts=subject_access.counts_of(document),
        )
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} for {user.email}."))
