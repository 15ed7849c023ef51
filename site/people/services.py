"""Actions on people and teams that views, commands and other apps call."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from .models import Membership, RelationshipKind, Role, SupervisionRelationship, Team, User

STAFF_CSV_COLUMNS = [
    "email",
    "first_name",
    "last_name",
    "job_title",
    "team",
    "role",
    "supervisor_email",
    "supervision_kind",
    "start_date",
]
REQUIRED_COLUMNS = {"email", "first_name", "last_name", "team", "role"}
ROLE_BY_LABEL = {**{r.value: r.value for r in Role}, **{r.label.lower(): r.value for r in Role}}
KIND_BY_LABEL = {
    **{k.value: k.value for k in RelationshipKind},
    **{k.label.lower(): k.value for k in RelationshipKind},
}


@dataclass
class StaffImportReport:
    created: int = 0
    updated: int = 0
    relationships: int = 0
    errors: list = field(default_factory=list)  # (line number, email, reason)

    @property
    def ok(self):
        return not self.errors


def import_staff_csv(text_or_file, dry_run=False):
    """Import staff rows; each bad row is reported with its line and reason, good rows are kept.

    Supervisors named in supervisor_email may appear later in the same file: relationships are
    made in a second pass once every person exists.
    """
    handle = io.StringIO(text_or_file) if isinstance(text_or_file, str) else text_or_file
    reader = csv.DictReader(handle)
    report = StaffImportReport()
    headers = {h.strip().lower() for h in (reader.fieldnames or [])}
    missing = REQUIRED_COLUMNS - headers
    if missing:
        report.errors.append((1, "", f"missing column(s): {', '.join(sorted(missing))}"))
        return report

    pending_relationships = []
    for line_no, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        email = row.get("email", "").lower()
        try:
            cleaned = _clean_staff_row(row)
        except ValidationError as exc:
            report.errors.append((line_no, email, "; ".join(exc.messages)))
            continue
        if dry_run:
            continue
        with transaction.atomic():
            user, created = User.objects.get_or_create(email=cleaned["email"])
            user.first_name = cleaned["first_name"]
            user.last_name = cleaned["last_name"]
            user.job_title = cleaned["job_title"]
            if created:
                user.set_unusable_password()  # they set one through "forgotten password"
            user.save()
            team, _ = Team.objects.get_or_create(name=cleaned["team"])
            Membership.objects.get_or_create(team=team, user=user, role=cleaned["role"])
        if created:
            report.created += 1
        else:
            report.updated += 1
        if cleaned["supervisor_email"]:
            pending_relationships.append((line_no, user, cleaned))

    for line_no, user, cleaned in pending_relationships:
        supervisor = User.objects.filter(email=cleaned["supervisor_email"]).first()
        if supervisor is None:
            report.errors.append(
                (line_no, user.email, f"supervisor {cleaned['supervisor_email']} is not a known member of staff")
            )
            continue
        if supervisor == user:
            report.errors.append((line_no, user.email, "a person cannot supervise themselves"))
            continue
        _, made = SupervisionRelationship.objects.get_or_create(
            supervisor=supervisor,
            supervisee=user,
            kind=cleaned["supervision_kind"],
            end_date=None,
            defaults={"start_date": cleaned["start_date"]},
        )
        report.relationships += int(made)
    return report


def _clean_staff_row(row):
    problems = []
    email = row.get("email", "").lower()
    try:
        validate_email(email)
    except ValidationError:
        problems.append(f"email {email!r} is not a valid email address" if email else "email is empty")
    for name in ("first_name", "last_name", "team"):
        if not row.get(name):
            problems.append(f"{name.replace('_', ' ')} is empty")
    role = ROLE_BY_LABEL.get(row.get("role", "").lower())
    if role is None:
        problems.append(
            f"role {row.get('role', '')!r} is not one of: {', '.join(r.value for r in Role)}"
        )
    kind = KIND_BY_LABEL.get((row.get("supervision_kind") or "line_manager").lower())
    if kind is None:
        problems.append(f"supervision kind {row.get('supervision_kind')!r} is not recognised")
    start = date.today()
    if row.get("start_date"):
        try:
            start = date.fromisoformat(row["start_date"])
        except ValueError:
            problems.append(f"start date {row['start_date']!r} is not a date (use YYYY-MM-DD)")
    supervisor_email = (row.get("supervisor_email") or "").lower()
    if supervisor_email:
        try:
            validate_email(supervisor_email)
        except ValidationError:
            problems.append(f"supervisor email {supervisor_email!r} is not a valid email address")
    if problems:
        raise ValidationError(problems)
    return {
        "email": email,
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "job_title": row.get("job_title", ""),
        "team": row["team"],
        "role": role,
        "supervisor_email": supervisor_email,
        "supervision_kind": kind,
        "start_date": start,
    }
