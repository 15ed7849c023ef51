"""Every kind of PDF the site hands out is tagged for screen readers, titled and in English (UK).

A screen reader user opening a download hears its title and reads it by headings only when the PDF
carries a structure tree (tagged, /MarkInfo Marked), a /Title shown instead of the file name, and a
/Lang. Each kind is checked as a person gets it: through its page, with pypdf.
"""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from learning.tests.factories import add_entries, make_log
from search import models as search_models
from search.tests.factories import ServiceFactory, add_location

pytestmark = pytest.mark.django_db


def read(response_or_bytes):
    if isinstance(response_or_bytes, bytes):
        return PdfReader(io.BytesIO(response_or_bytes))
    assert response_or_bytes.status_code == 200, response_or_bytes.status_code
    assert response_or_bytes["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response_or_bytes.content))


def assert_tagged(pdf, title):
    catalog = pdf.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"]
    tree = catalog["/StructTreeRoot"].get_object()
    assert tree["/K"], "an empty structure tree"
    assert str(catalog["/Lang"]) == "en-GB"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    assert pdf.metadata.title == title
    roles = structure_roles(tree)
    assert "H1" in roles and "P" in roles, roles


def structure_roles(node, found=None, depth=0):
    found = set() if found is None else found
    node = node.get_object() if hasattr(node, "get_object") else node
    if depth > 12:
        return found
    if isinstance(node, dict):
        if "/S" in node:
            found.add(str(node["/S"]).lstrip("/"))
        kids = node.get("/K")
        if kids is not None:
            structure_roles(kids, found, depth + 1)
    elif isinstance(node, list):
        for kid in node:
            structure_roles(kid, found, depth + 1)
    return found


def text_of(pdf):
    return "\n".join(page.extract_text() for page in pdf.pages)


def test_the_portfolio_pdf_is_tagged(people, client_for):
    worker = people["worker"]
    make_log(worker, title="Supporting a move home")
    response = client_for(worker).get(reverse("learning:record-export", args=["pdf"]) + "?year=all")
    pdf = read(response)
    assert_tagged(pdf, f"CPD portfolio – {worker.get_full_name()}")
    assert 'filename="cpd-portfolio-all.pdf"' in response["Content-Disposition"]


def test_the_subject_access_pdf_is_tagged(people, client_for, django_capture_on_commit_callbacks):
    client = client_for(people["worker"])
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post("/my-data/")
    response = client.get(started["Location"] + "file")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert_tagged(read(archive.read("my-data.pdf")), f"Your data from Practice Commons – {people['worker'].get_full_name()}")


@pytest.fixture
def three_services(db):
    """Three services as a directory really describes them: each with a description, a place, times and a phone."""
    made = []
    for name in ("Teen overnight short breaks", "Parent carer forum", "Wellbeing walks in the park"):
        service = ServiceFactory(
            name=name, email=f"{name.split()[0].lower()}@services.example",
            description="Friendly, practical support close to home, with staff who know the area well. " * 3,
            fees="Some activities ask for a small contribution towards materials.",
        )
        add_location(service, name=f"{name} base")
        search_models.Schedule.objects.create(service=service, freq="WEEKLY", byday="FR",
                                              opens_at=datetime.time(17), closes_at=datetime.time(21))
        search_models.Phone.objects.create(service=service, number="01632 960123", description="Bookings")
        made.append(service)
    return made


def shortlist_of(client, services):
    for service in services:
        client.post(reverse("search:shortlist-add"), {"service": str(service.pk)})
    return search_models.Shortlist.objects.get()


@pytest.mark.parametrize("large", [False, True])
def test_the_shortlist_pdf_is_tagged_and_large_print_has_its_own_name(people, client_for, three_services, large):
    c = client_for(people["worker"])
    shortlist = shortlist_of(c, three_services)
    response = c.get(reverse("search:shortlist-pdf", args=[shortlist.pk]) + ("?large=1" if large else ""))
    pdf = read(response)
    assert_tagged(pdf, "Services that could help" + (" (large print)" if large else ""))
    disposition = response["Content-Disposition"]
    assert ("-large-print.pdf" in disposition) is large


def test_large_print_shortlist_starts_a_service_on_the_first_page(people, client_for, three_services):
    # It ran to seven pages for three services, page 1 holding only the title.
    c = client_for(people["worker"])
    shortlist = shortlist_of(c, three_services)
    pdf = read(c.get(reverse("search:shortlist-pdf", args=[shortlist.pk]) + "?large=1"))
    first_page = pdf.pages[0].extract_text()
    assert "Teen overnight short breaks" in first_page
    assert len(pdf.pages) <= 5, len(pdf.pages)


def test_a_pdf_fetches_nothing_from_the_network(people):
    from core.pdf import render_pdf

    html = ('<html><body><h1>Hello</h1><p>Text</p>'
            '<img src="http://127.0.0.1:9/tracker.png" alt="">'
            '<img src="file:///etc/hostname" alt=""></body></html>')
    fetched = []
    import urllib.request

    original = urllib.request.OpenerDirector.open
    try:
        urllib.request.OpenerDirector.open = lambda self, *a, **k: fetched.append(a) or original(self, *a, **k)
        pdf = read(render_pdf(html, title="Hello"))
    finally:
        urllib.request.OpenerDirector.open = original
    assert fetched == []
    assert_tagged(pdf, "Hello")


def test_large_portfolio_keeps_every_entry(people):
    # A simplified layout must still list everything on the record.
    from learning.pdf import render_portfolio

    worker = people["worker"]
    add_entries(worker, 40, start=datetime.date.today())
    text = text_of(read(render_portfolio(worker, None)))
    for i in (0, 17, 39):
        assert f"Course {i}" in text
