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


def import_staff_csv(data, dry_run=False):
    """Import staff rows; each bad row is reported with its line and reason, good rows are kept.

    `data` is the file's bytes (UTF-8, with or without a byte-order mark), its text, or an open
    text file. A file that cannot be read as a whole (not UTF-8, unknown or missing columns) is
    rejected with the reason and nothing is imported. Supervisors named in supervisor_email may
    appear later in the same file: relationships are made in a second pass once every person exists.
    """
    report = StaffImportReport()
    text = _staff_csv_text(data, report)
    if text is None:
        return report
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        headers = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
        rows = list(enumerate(reader, start=2))
    except csv.Error as exc:
        report.errors.append((reader.line_num, "", f"the file is not a readable CSV: {exc}"))
        return report
    missing = REQUIRED_COLUMNS - set(headers)
    if missing:
        report.errors.append((1, "", f"missing column(s): {', '.join(sorted(missing))}"))
    unknown = [h for h in headers if h not in STAFF_CSV_COLUMNS]
    if unknown:
        report.errors.append((
            1, "", f"unknown column(s): {', '.join(repr(h) for h in unknown)}; "
            f"the columns are: {', '.join(STAFF_CSV_COLUMNS)}",
        ))
    repeated = sorted({h for h in headers if headers.count(h) > 1})
    if repeated:
        report.errors.append((1, "", f"column(s) named twice: {', '.join(repeated)}"))
    if report.errors:
        return report
    lines_by_email = {}
    for line_no, raw in rows:
        email = (raw.get("email") or "").strip().lower()
        if email:
            lines_by_email.setdefault(email, []).append(line_no)

    pending_relationships = []
    for line_no, raw in rows:
        if None in raw:  # DictReader keeps values beyond the header under None
            report.errors.append((
                line_no, (raw.get("email") or "").strip().lower(),
                f"the row has {len(headers) + len(raw[None])} values but the header names {len(headers)} columns",
            ))
            continue
        row = {k: (v or "").strip() for k, v in zip(headers, raw.values(), strict=True)}
        email = row.get("email", "").lower()
        others = [n for n in lines_by_email.get(email, []) if n != line_no]
        if others:
            # Two rows for one person could give two roles: neither is guessed, both are refused.
            report.errors.append((
                line_no, email,
                f"{email} is also on line {', '.join(map(str, others))}: give each person one row "
                "(add further teams in the admin)",
            ))
            continue
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


def _staff_csv_text(data, report):
    if isinstance(data, str):
        return data
    if not isinstance(data, bytes):
        data = data.read()
        if isinstance(data, str):
            return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_no = data[: exc.start].count(b"\n") + 1
        report.errors.append((
            line_no, "", "the file is not UTF-8 text: save it from the spreadsheet as "
            "'CSV UTF-8 (comma delimited)' and import it again",
        ))
        return None


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
