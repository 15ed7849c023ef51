"""Readiness for renewal counts against what is needed: never "3 of 2 CPD records"."""

from django.template.loader import render_to_string


def counts(cpd, peer):
    return render_to_string("learning/_readiness_counts.html", {"r": {"cpd_count": cpd, "peer_count": peer}})


def test_counts_below_what_renewal_needs_say_how_far():
    assert counts(1, 0) == "1 of 2 CPD records, 0 of 1 with peer reflection"


def test_counts_beyond_what_renewal_needs_are_plain_numbers():
    assert counts(3, 0) == "3 CPD records, 0 of 1 with peer reflection"
    assert counts(5, 2) == "5 CPD records, 2 with peer reflection"


def test_the_warning_on_the_record_page_uses_them():
    html = render_to_string("learning/_readiness.html", {"readiness": {
        "ready": False, "cpd_count": 3, "peer_count": 0, "start_year": 2026, "missing": []}})
    assert "3 of 2" not in html and "3 CPD records, 0 of 1 with peer reflection." in html
