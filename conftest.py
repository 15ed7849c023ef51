"""Fixtures shared by every app's tests: people in each role, real-service switches, the browser."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def require_service(name, available, reason):
    """Skip (on a laptop) or fail (in CI, REQUIRE_SERVICES=1) when a real service is missing."""
    if available:
        return
    message = f"{name} is not available: {reason}"
    if REQUIRE_SERVICES:
        pytest.fail(message + " (REQUIRE_SERVICES=1, so this fails instead of skipping)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database with the shared cache's table, as scripts/setup makes it."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)


@pytest.fixture(autouse=True)
def _forget_process_caches():
    """Per-process caches (core.process_cache) must not keep what a rolled-back test saved."""
    from core.process_cache import clear_all

    clear_all()


@pytest.fixture
def team(db, request):
    if "shared_site" in request.fixturenames:
        return request.getfixturevalue("shared_site")["team"]
    return _make_team()


def _make_team():
    from people.tests.factories import TeamFactory

    return TeamFactory(name="Community Learning Disabilities Team (South)")


@pytest.fixture
def people(db, team, request):
    """One person in each role in one team, with supervision: the cast of most permission tests.

    supervisor supervises worker; other_supervisor supervises other_worker; ended_supervisor
    supervised worker until last month.
    """
    if "shared_site" in request.fixturenames:
        return request.getfixturevalue("shared_site")["people"]
    return _make_cast(team)


def _make_cast(team):
    from django.utils import timezone

    from people.models import Role
    from people.tests.factories import SupervisionRelationshipFactory, make_person

    cast = {
        "worker": make_person(Role.WORKER, team, email="worker@example.org", first_name="Wendy"),
        "other_worker": make_person(Role.WORKER, team, email="other.worker@example.org"),
        "supervisor": make_person(Role.SUPERVISOR, team, email="supervisor@example.org", first_name="Sue"),
        "other_supervisor": make_person(Role.SUPERVISOR, team, email="other.supervisor@example.org"),
        "ended_supervisor": make_person(Role.SUPERVISOR, team, email="ended.supervisor@example.org"),
        "practice_lead": make_person(Role.PRACTICE_LEAD, team, email="lead@example.org"),
        "administrator": make_person(Role.ADMINISTRATOR, team, email="admin@example.org"),
    }
    SupervisionRelationshipFactory(supervisor=cast["supervisor"], supervisee=cast["worker"])
    SupervisionRelationshipFactory(supervisor=cast["other_supervisor"], supervisee=cast["other_worker"])
    today = timezone.localdate()
    SupervisionRelationshipFactory(
        supervisor=cast["ended_supervisor"],
        supervisee=cast["worker"],
        start_date=today - timezone.timedelta(days=400),
        end_date=today - timezone.timedelta(days=30),
    )
    return cast


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items):
    """A module sharing one world keeps its tests on one xdist worker, one after another: split
    across workers (or interleaved with other modules) it would build the world again each time."""
    for item in items:
        if "shared_site" in item.fixturenames and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(f"shared-site:{item.module.__name__}"))


@pytest.fixture(scope="module")
def shared_site(django_db_setup, django_db_blocker):
    """The pages of `site_pages` and the cast of `people`, built once for a module instead of per test.

    For modules of many tests that only read them (publishing the pages costs about a second a
    test): opt in with `pytestmark = pytest.mark.usefixtures("shared_site")`; `team`, `people` and
    `site_pages` then answer from here. Each test still runs in its own savepoint, rolled back after
    it, and the module's transaction is rolled back at the end, so nothing leaks to other modules.
    Not for modules with transactional tests (they would flush the database under it).
    """
    from django.db import transaction

    from core.demo import seed_site

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            seed_site()
            team = _make_team()
            yield {"team": team, "people": _make_cast(team)}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client signed in as that user (None: anonymous)."""
    from django.test import Client

    def make(user):
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make


@pytest.fixture
def site_pages(db, request):
    """The home dashboard and guidance pages, as seed_demo makes them."""
    if "shared_site" in request.fixturenames:
        return  # built once for the module
    from core.demo import seed_site

    seed_site()


# ---- Browser journeys -------------------------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    require_service("Chromium", os.path.exists(CHROMIUM), f"no browser at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# Every journey runs at desktop width and at 320 px, the width WCAG 1.4.10 (reflow) asks a page to
# work at without scrolling sideways. PC_E2E_WIDTHS=1280 runs one width while working on a journey.
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 320, "height": 640}}
E2E_WIDTHS = [
    name for name, size in VIEWPORTS.items()
    if str(size["width"]) in os.environ.get("PC_E2E_WIDTHS", "1280,320").split(",")
]


@pytest.fixture(params=E2E_WIDTHS)
def viewport(request):
    """The window size a journey runs at: desktop (1280 px) or phone (320 px)."""
    return VIEWPORTS[request.param]


@pytest.fixture
def page(browser, live_server, site_pages, viewport):
    context = browser.new_context(base_url=live_server.url, viewport=viewport)
    context.set_default_timeout(15000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def axe():
    """axe(page): assert the page has no WCAG 2.2 A/AA violations, naming each one found."""
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def run(tab):
        return checker.run(
            tab,
            options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}},
        )

    def check(tab):
        from playwright.sync_api import Error as PlaywrightError

        # A click that follows a link returns before the next page has loaded; checking then would
        # check half a page, or none (the old document is gone mid-run). Wait for it, and if the
        # page still moved under the checker, check the page it settled on.
        tab.wait_for_load_state("load")
        try:
            results = run(tab)
        except PlaywrightError:
            tab.wait_for_load_state("load")
            results = run(tab)
        violations = results.response["violations"]
        summary = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in violations
        ]
        assert not violations, f"Accessibility violations on {tab.url}:\n" + "\n".join(summary)
        assert_no_sideways_scroll(tab)

    return check


# What sticks out past the right edge, innermost first, to name the culprit in a failure.
_WIDER_THAN_WINDOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.right > width + 1;
  });
  // A table in its scrolling box may be wider than the window; name what escapes such a box first.
  wide.sort((a, b) => !!a.closest('.app-table-wrapper') - !!b.closest('.app-table-wrapper'));
  return {
    scrollWidth: document.documentElement.scrollWidth, clientWidth: width, innerWidth: window.innerWidth,
    culprits: wide.filter(el => !wide.some(other => other !== el && el.contains(other))).slice(0, 5)
      .map(el => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') || ''}"> ` +
                 `${Math.round(el.getBoundingClientRect().right - width)} px too wide: ` +
                 `${(el.textContent || '').trim().slice(0, 40)}`),
  };
}"""


def assert_no_sideways_scroll(tab):
    """WCAG 1.4.10 reflow: the page never scrolls sideways (wide tables scroll inside their own box)."""
    found = tab.evaluate(_WIDER_THAN_WINDOW)
    # clientWidth, not innerWidth: a desktop scroll bar would otherwise hide 15 px of overflow.
    assert found["scrollWidth"] <= found["clientWidth"], (
        f"{tab.url} scrolls sideways at {found['innerWidth']} px "
        f"({found['scrollWidth'] - found['clientWidth']} px too wide):\n" + "\n".join(found["culprits"])
    )


@pytest.fixture
def sign_in(axe):
    """sign_in(page, email): sign in through the real login form, checking it with axe."""
    from people.tests.factories import TEST_PASSWORD

    def do(tab, email, password=TEST_PASSWORD):
        tab.goto("/accounts/login/")
        axe(tab)
        tab.get_by_label("Email").fill(email)
        tab.get_by_label("Password").fill(password)
        with tab.expect_navigation():
            tab.get_by_role("button", name="Sign In").click()

    return do
