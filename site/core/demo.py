"""The demo team and site pages, shared by seed_demo and the browser tests."""

from datetime import date

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from people.models import Membership, RelationshipKind, Role, SupervisionRelationship, Team, User
from people.roles import ensure_role_groups, sync_user_groups

from .models import GuidanceIndexPage, GuidancePage, HomePage

DEMO_PASSWORD = "practice-commons-demo"
DEMO_TEAM = "Community Learning Disabilities Team (South)"

# (email, first, last, role, job title)
DEMO_PEOPLE = [
    ("admin@example.org", "Ada", "Okafor", Role.ADMINISTRATOR, "System administrator"),
    ("lead@example.org", "Priya", "Shah", Role.PRACTICE_LEAD, "Principal social worker"),
    ("supervisor1@example.org", "Tom", "Reilly", Role.SUPERVISOR, "Team manager"),
    ("supervisor2@example.org", "Grace", "Mensah", Role.SUPERVISOR, "Senior practitioner"),
    ("worker1@example.org", "Sam", "Taylor", Role.WORKER, "Social worker"),
    ("worker2@example.org", "Aisha", "Begum", Role.WORKER, "Social worker"),
    ("worker3@example.org", "Owen", "Jones", Role.WORKER, "Social worker"),
    ("worker4@example.org", "Maria", "Kowalska", Role.WORKER, "Newly qualified social worker"),
    ("worker5@example.org", "Daniel", "Hughes", Role.WORKER, "Social worker"),
    ("worker6@example.org", "Chloe", "Evans", Role.WORKER, "Social worker"),
]
# Line managers: supervisor1 has workers 1-3, supervisor2 has workers 4-6; supervisor2 is also
# worker1's practice supervisor (a worker can have more than one supervisor).
DEMO_RELATIONSHIPS = [
    ("supervisor1@example.org", "worker1@example.org", RelationshipKind.LINE_MANAGER),
    ("supervisor1@example.org", "worker2@example.org", RelationshipKind.LINE_MANAGER),
    ("supervisor1@example.org", "worker3@example.org", RelationshipKind.LINE_MANAGER),
    ("supervisor2@example.org", "worker4@example.org", RelationshipKind.LINE_MANAGER),
    ("supervisor2@example.org", "worker5@example.org", RelationshipKind.LINE_MANAGER),
    ("supervisor2@example.org", "worker6@example.org", RelationshipKind.LINE_MANAGER),
    ("supervisor2@example.org", "worker1@example.org", RelationshipKind.PRACTICE_SUPERVISOR),
]

GUIDANCE = [
    (
        "Writing about people safely",
        "How to refer to the people you support in reflections and supervision notes.",
        "<p>Use initials or a case reference, never a name, address or date of birth. Practice Commons "
        "checks what you write and points out anything that could identify someone before you save.</p>",
    ),
    (
        "Getting the most from reflective supervision",
        "What to bring, and how notes are kept and shared.",
        "<p>Add items to the agenda before the session. Notes are agreed and signed by everyone who "
        "took part; after sign-off, corrections are added as dated addenda.</p>",
    ),
    (
        "Your CPD and registration renewal",
        "What Social Work England asks for each registration year, and how your record helps.",
        "<p>Each registration year runs from 1 December to 30 November. You need at least two CPD "
        "records, and at least one of them should show what you learnt from discussing it with a "
        "peer. Your development record tells you what is still missing.</p>",
    ),
]


def seed_site():
    """Make the home dashboard the site root and publish a little guidance. Idempotent."""
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if root is None:
        # A flushed database (browser tests) has lost the tree Wagtail's migrations made.
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(title="Root", slug="root")
    if home is None:
        # Wagtail's initial migration makes a placeholder "Welcome" page with the slug "home".
        default = Page.objects.filter(depth=2, content_type__model="page").first()
        if default:
            default.slug = "wagtail-placeholder"
            default.save()
        home = HomePage(title="My practice", slug="home", welcome="")
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site:
            site.root_page = home
            site.site_name = "Practice Commons"
            site.save()
        else:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Practice Commons")
        if default:
            default.delete()
    index = GuidanceIndexPage.objects.first()
    if index is None:
        index = GuidanceIndexPage(title="Guidance", slug="guidance", intro="<p>How we work, and how to use Practice Commons.</p>")
        home.add_child(instance=index)
        index.save_revision().publish()
    for title, summary, text in GUIDANCE:
        if not GuidancePage.objects.filter(title=title).exists():
            page = GuidancePage(title=title, summary=summary, intro=text)
            index.add_child(instance=page)
            page.save_revision().publish()
    ensure_role_groups()


def seed_people():
    """The demo team: an administrator, a practice lead, two supervisors and six workers."""
    team, _ = Team.objects.get_or_create(
        name=DEMO_TEAM, defaults={"service_area": "Learning disabilities, south of the county"}
    )
    logins = []
    for email, first, last, role, title in DEMO_PEOPLE:
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first, "last_name": last, "job_title": title}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            if role == Role.ADMINISTRATOR:
                user.is_superuser = True
                user.is_staff = True
            user.save()
        Membership.objects.get_or_create(team=team, user=user, role=role, defaults={"joined_on": date(2024, 1, 1)})
        sync_user_groups(user)
        logins.append((Role(role).label, email, f"{first} {last}"))
    people = {u.email: u for u in User.objects.filter(email__in=[p[0] for p in DEMO_PEOPLE])}
    for sup, worker, kind in DEMO_RELATIONSHIPS:
        SupervisionRelationship.objects.get_or_create(
            supervisor=people[sup], supervisee=people[worker], kind=kind,
            defaults={"start_date": date(2024, 1, 1)},
        )
    return logins
