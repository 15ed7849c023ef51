from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from search.models import Postcode
from search.postcodes import import_postcodes, lookup, normalise, resolve

SAMPLE = Path(__file__).parent / "data" / "postcodes_sample.csv"


@pytest.mark.parametrize(
    "text, expected",
    [("b974dn", "B97 4DN"), ("  B97   4DN ", "B97 4DN"), ("wr1 2hn", "WR1 2HN"), ("b97", "B97"), ("SW1A1AA", "SW1A 1AA"),
     ("", None), ("Redditch", None), ("B97 4DN 4DN", None), (None, None), ("12345", None)],
)
def test_postcodes_are_normalised(text, expected):
    assert normalise(text) == expected


@pytest.mark.django_db
def test_import_skips_rows_without_coordinates_and_reports_counts():
    report = import_postcodes(SAMPLE, batch_size=2)

    assert (report.rows, report.loaded, report.no_coordinates, report.invalid) == (7, 4, 2, 1)
    row = Postcode.objects.get(postcode="B97 4DN")
    assert (row.outward, row.latitude, row.district_code, row.county_code) == ("B97", 52.3052, "E07000236", "E10000034")
    assert not Postcode.objects.filter(postcode__in=["ZZ9 9ZZ", "B98 8AH"]).exists()


@pytest.mark.django_db
def test_importing_again_updates_in_place(tmp_path):
    import_postcodes(SAMPLE)
    moved = tmp_path / "moved.csv"
    moved.write_text("PCDS,LAT,LONG\nB97 4DN,52.4,-1.9\n", encoding="utf-8")  # capitals, as newer ONS files have

    report = import_postcodes(moved)

    assert report.loaded == 1
    assert Postcode.objects.count() == 4
    assert Postcode.objects.get(postcode="B97 4DN").latitude == 52.4


@pytest.mark.django_db
def test_lookup_finds_full_postcodes_and_outward_centroids():
    import_postcodes(SAMPLE)

    assert lookup("b97 4dn") == (52.3052, -1.9431)
    lat, lon = lookup("B97")
    assert lat == pytest.approx((52.3052 + 52.3041 + 52.2938) / 3)
    assert lon == pytest.approx((-1.9431 - 1.9462 - 1.9505) / 3)
    assert lookup("B98 8AH") is None  # no coordinates, so never loaded
    assert lookup("XX1 1XX") is None and lookup("nonsense") is None
    assert resolve("B97").area_codes == {"E07000236", "E10000034"}


@pytest.mark.django_db
def test_a_postcode_looked_up_before_an_import_is_found_after_it(tmp_path):
    """Places are kept per process for searches: an import (bulk, no save signals) forgets them."""
    import_postcodes(SAMPLE)
    assert lookup("B97 4DN") == (52.3052, -1.9431) and lookup("WR9 8DA") is None
    moved = tmp_path / "later.csv"
    moved.write_text("pcds,lat,long\nB97 4DN,52.4,-1.9\nWR9 8DA,52.267,-2.153\n", encoding="utf-8")

    import_postcodes(moved)

    assert lookup("b97 4dn") == (52.4, -1.9)
    assert lookup("WR9 8DA") == (52.267, -2.153)


@pytest.mark.django_db
def test_a_postcode_saved_by_an_editor_is_found_at_once():
    assert resolve("WR9 8DA") is None
    Postcode.objects.create(postcode="WR9 8DA", outward="WR9", latitude=52.267, longitude=-2.153)

    assert resolve("WR9 8DA").latitude == 52.267


@pytest.mark.django_db
def test_the_command_reports_and_refuses_a_file_without_the_columns(tmp_path):
    out = StringIO()
    call_command("import_postcodes", str(SAMPLE), stdout=out)
    assert "7 rows read: 4 postcodes loaded, 2 skipped without coordinates, 1 skipped as unreadable" in out.getvalue()

    wrong = tmp_path / "wrong.csv"
    wrong.write_text("postcode,x,y\nB97 4DN,1,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no lat, long, pcds column"):
        call_command("import_postcodes", str(wrong), stdout=StringIO())


def test_import_streams_rather_than_reading_the_whole_file(tmp_path, monkeypatch):
    """The loader never holds more than one batch: check it writes as it reads."""
    big = tmp_path / "big.csv"
    with big.open("w") as handle:
        handle.write("pcds,lat,long\n")
        for i in range(2500):
            handle.write(f"B{10 + i // 100} {i % 10}{chr(65 + (i // 10) % 10)}A,52.{i:04d},-1.9\n")
    flushed = []
    monkeypatch.setattr("search.postcodes._flush", lambda batch: flushed.append(len(batch)) or len(batch))
    report = import_postcodes(big, batch_size=100)
    assert max(flushed) <= 100 and sum(flushed) == report.loaded == report.rows == 2500
