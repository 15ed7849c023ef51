"""Supervision demo content: the three shipped templates, agreements, a peer group. Idempotent."""

import json
from datetime import date
from pathlib import Path

from django.contrib.auth.models import Group, Permission

from . import services
from .models import PeerFormat, PeerGroup, SupervisionAgreement, SupervisionTemplate
from .permissions import AUDITOR_GROUP

CONTENT = Path(__file__).resolve().parent / "content" / "supervision_templates.json"


def load_templates(log=print):
    """Create the shipped templates that do not exist yet; never overwrite a practice lead's edits."""
    created = 0
    for item in json.loads(CONTENT.read_text(encoding="utf-8")):
        if SupervisionTemplate.objects.filter(slug=item["slug"]).exists():
            continue
        sections = [
            {
                "type": "section",
                "value": {
                    "kind": s["kind"],
                    "heading": s["heading"],
                    "guidance": s.get("guidance", ""),
                    "prompts": [
                        {"key": p["key"], "heading": p["heading"], "guidance": p.get("guidance", "")}
                        for p in s["prompts"]
                    ],
                },
            }
            for s in item["sections"]
        ]
        SupervisionTemplate.objects.create(
            slug=item["slug"], name=item["name"], summary=item.get("summary", ""),
            mode=item.get("mode", "any"), sections=sections,
        )
        created += 1
    if created:
        log(f"Supervision: {created} templates loaded")
    return created


def ensure_auditor_group():
    """The Wagtail group whose members may read every supervision record (each read is logged)."""
    group, _ = Group.objects.get_or_create(name=AUDITOR_GROUP)
    permission = Permission.objects.get(content_type__app_label="supervision", codename="audit_supervision")
    group.permissions.add(permission)
    return group


def seed(log):
    from core.demo import DEMO_TEAM
    from people.models import Team, User

    load_templates(log)
    ensure_auditor_group()
    people = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    supervisor2 = people.get("supervisor2@example.org")
    for worker in ["worker4@example.org", "worker5@example.org"]:
        if supervisor2 and worker in people:
            SupervisionAgreement.objects.get_or_create(
                supervisor=supervisor2, supervisee=people[worker],
                defaults={
                    "frequency": 4, "frequency_unit": "weeks", "length_minutes": 90,
                    "place": "Small meeting room, Bromsgrove office",
                    "notes_arrangements": "The supervisor writes notes in Practice Commons within two working days; both sign them.",
                    "cover_arrangements": "The team manager covers urgent case decisions when either of us is away.",
                    "starts_on": date(2025, 1, 6),
                },
            )
    team = Team.objects.filter(name=DEMO_TEAM).first()
    lead = people.get("lead@example.org")
    if team and lead and not PeerGroup.objects.filter(name="Social work peer learning group").exists():
        group = PeerGroup.objects.create(
            name="Social work peer learning group", team=team, facilitator=lead,
            description="Monthly case consultation and reflective team for the team's social workers.",
            default_format=PeerFormat.CASE_CONSULTATION,
        )
        group.members.set([u for e, u in people.items() if e.startswith("worker")])
        log("Supervision: peer learning group created")
        seed_peer_sessions(group, lead, log)


def seed_peer_sessions(group, facilitator, log):
    """A few sessions over the last year, so the programme measures show group practice."""
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    workers = list(group.members.all())
    for days_ago, fmt, minutes in ((300, PeerFormat.CASE_CONSULTATION, 90), (200, PeerFormat.ACTION_LEARNING_SET, 120),
                                   (90, PeerFormat.CASE_CONSULTATION, 90), (30, PeerFormat.REFLECTIVE_TEAM, 60)):
        # Through the service, so each attendee's development record gets the session too.
        services.record_peer_session(
            group=group, recorded_by=facilitator, attendees=workers, guests=[],
            held_on=today - datetime.timedelta(days=days_ago), length_minutes=minutes,
            facilitator=facilitator, format=fmt, themes="Positive risk-taking and the person's own view of risk.",
        )
    log("Supervision: four peer sessions over the last year")
