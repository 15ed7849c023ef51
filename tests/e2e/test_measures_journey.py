"""The measures journey from the issue, in a real browser, checked with axe on every page: the practice
lead opens the measures for the last year, sees confidence before and after per statement and the
group-practice figures, downloads the CSV and the PDF; a worker is refused."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_measures_journey(page, axe, sign_in):
    from core.demo import DEMO_PASSWORD, seed_people
    from learning import demo as learning_demo
    from measures import demo as measures_demo
    from supervision import demo as supervision_demo

    quiet = lambda *a: None  # noqa: E731
    seed_people()
    learning_demo.seed(quiet)
    supervision_demo.seed(quiet)
    measures_demo.seed(quiet)

    sign_in(page, "lead@example.org", DEMO_PASSWORD)
    page.goto("/")
    page.get_by_role("link", name="See the programme measures for the last 12 months").click()
    axe(page)
    assert page.get_by_role("heading", name="Programme measures", level=1).is_visible()
    statements = page.get_by_role("table", name="Confidence per framework statement: figures shown in the chart above")
    professionalism = statements.get_by_role("row", name="PCF 1: Professionalism")
    assert professionalism.get_by_role("cell").first.inner_text() == "6"  # six workers assessed before and after
    assert page.get_by_role("heading", name="Peer learning sessions by format").is_visible()
    peer = page.get_by_role("table", name="Peer learning sessions by format: figures shown in the chart above")
    assert peer.get_by_role("row", name="Case consultation").get_by_role("cell").first.inner_text() == "2"
    assert "Sam Taylor" not in page.content()

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download these figures (CSV)").click()
    csv_text = open(csv_download.value.path(), encoding="utf-8").read()
    assert "PCF 1: Professionalism,6," in csv_text and "Case consultation,2," in csv_text
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download the evaluation report (PDF)").click()
    assert open(pdf_download.value.path(), "rb").read(5) == b"%PDF-"

    # Another team and period: the form keeps GOV.UK errors beside the field.
    page.get_by_label("From", exact=True).fill("2020-06-01")
    page.get_by_label("To", exact=True).fill("2020-01-01")
    page.get_by_role("button", name="Show measures").click()
    axe(page)
    assert "The end of the period must be on or after its start" in page.content()

    # A worker is refused.
    page.context.clear_cookies()
    sign_in(page, "worker1@example.org", DEMO_PASSWORD)
    response = page.goto("/measures/")
    assert response.status == 403
