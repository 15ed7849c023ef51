"""Done means: a worker writes a Gibbs reflection linked to a framework, shares it, sees it on the
record with CPD readiness changing, exports the PDF; the supervisor reads it; another worker is refused."""

import pytest
from django.utils import timezone

from learning.tests.factories import load_content


@pytest.mark.e2e
def test_learning_journey(page, axe, sign_in, people):
    load_content()
    worker, supervisor = people["worker"], people["supervisor"]
    sign_in(page, worker.email)
    page.goto("/learning/record/")
    axe(page)
    assert "0 of 2 CPD records" in page.locator("#cpd-readiness").inner_text()

    page.goto("/learning/logs/new/")
    axe(page)
    page.get_by_label("Gibbs' reflective cycle").check()
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/logs/new/gibbs-reflective-cycle/")
    axe(page)
    page.get_by_label("Title").fill("Planning a move with J.S.")
    page.get_by_label("Date of the practice or learning event").fill(timezone.localdate().isoformat())
    page.get_by_role("radio", name="Direct work").check()
    page.get_by_label("KSS (adults) 2: Person-centred practice").check()
    for heading in ["Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"]:
        page.get_by_label(heading, exact=True).fill(f"My {heading.lower()} of the visit.")
    page.get_by_role("button", name="Save as complete").click()
    page.wait_for_url("**/logs/*/")
    axe(page)
    log_url = page.url

    page.get_by_role("link", name="Share", exact=True).click()
    axe(page)
    page.get_by_label("All my current supervisors").check()
    page.get_by_role("button", name="Save sharing").click()
    page.wait_for_url(log_url)

    page.goto("/learning/record/")
    axe(page)
    assert "Planning a move with J.S." in page.content()
    assert "1 of 2 CPD records" in page.locator("#cpd-readiness").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF portfolio").click()
    assert download.value.suggested_filename.endswith(".pdf")

    page.context.clear_cookies()
    sign_in(page, supervisor.email)
    page.goto(log_url)
    axe(page)
    assert "My feelings of the visit." in page.content()

    page.context.clear_cookies()
    sign_in(page, people["other_worker"].email)
    response = page.goto(log_url)
    assert response.status == 404
    response = page.goto(f"/learning/record/people/{worker.pk}/")
    assert response.status == 403
    axe(page)
