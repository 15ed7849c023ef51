"""Demo directory: about 200 Worcestershire services, the postcodes they use, and some staff
activity (team notes, an out-of-date report, a shortlist). Idempotent: run it again and the
import reports every service unchanged."""

from pathlib import Path

from django.contrib.auth import get_user_model

from .importing import import_file
from .models import OutOfDateReport, Service, ServiceNote, Shortlist, ShortlistItem
from .permissions import ensure_directory_editors_group
from .postcodes import import_postcodes

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
DIRECTORY_FILE = DEMO_DATA / "directory.json"
POSTCODES_FILE = DEMO_DATA / "postcodes.csv"

# (service name, author email, note)
TEAM_NOTES = [
    ("Needlewood House overnight short breaks", "worker1@example.org",
     "Referral took about three weeks. Ask for a trial tea visit first: it made the first overnight much easier."),
    ("Needlewood House overnight short breaks", "supervisor1@example.org",
     "They can manage PEG feeding and rescue medication, but send the care plan with the referral."),
    ("Independent Mental Capacity Advocacy service", "worker2@example.org",
     "Quick to allocate for serious medical treatment decisions. Email the referral form rather than phoning."),
    ("Kingfisher carers' hub", "worker3@example.org",
     "Carers I have referred found the Tuesday drop-in friendly and unhurried."),
]
OUT_OF_DATE = ("Redditch dial-a-ride", "worker2@example.org",
               "The booking line now opens at 9am, not 8:30am, and Saturday trips have stopped.")
SHORTLIST = ("worker1@example.org", "AB", [
    "Needlewood House overnight short breaks",
    "Parent carer forum",
    "Children and young people's advocacy",
])


def seed(log):
    ensure_directory_editors_group()
    if POSTCODES_FILE.exists():
        log("Directory postcodes: " + import_postcodes(POSTCODES_FILE).summary())
    if not DIRECTORY_FILE.exists():
        log(f"Directory: no demo file at {DIRECTORY_FILE.name}; skipping services")
        return
    report = import_file(DIRECTORY_FILE)
    log("Directory services: " + report.summary())
    for rejection in report.rejected[:5]:
        log("  " + rejection.describe())
    _seed_staff_activity(log)


def _seed_staff_activity(log):
    users = {u.email: u for u in get_user_model().objects.filter(email__endswith="@example.org")}
    services = {s.name: s for s in Service.objects.all()}
    added = 0
    for name, email, text in TEAM_NOTES:
        if name in services and email in users:
            _, created = ServiceNote.objects.get_or_create(service=services[name], author=users[email], text=text)
            added += created
    name, email, reason = OUT_OF_DATE
    if name in services and email in users:
        OutOfDateReport.objects.get_or_create(service=services[name], reported_by=users[email], reason=reason)
    email, label, names = SHORTLIST
    if email in users:
        shortlist, _ = Shortlist.objects.get_or_create(owner=users[email], label=label)
        for name in names:
            if name in services:
                ShortlistItem.objects.get_or_create(shortlist=shortlist, service=services[name])
    log(f"Directory staff activity: {added} team notes added")
