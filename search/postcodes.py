"""Postcodes: where a postcode (or a whole outward code, like "B97") is.

    lookup("b974dn") -> (52.3052, -1.9431) or None
    lookup("B97")    -> the centroid of every B97 postcode, or None
    resolve(text)    -> Place(label, latitude, longitude, area_codes, is_outward) or None
    import_postcodes(path) -> PostcodeImportReport   (ONS Postcode Directory CSV, streamed)
"""

import csv
import re
from dataclasses import dataclass, field, replace

from django.db import transaction
from django.db.models import Avg

from core.process_cache import ProcessCache

from .models import Postcode

OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
INWARD = r"[0-9][A-Z]{2}"
_FULL = re.compile(rf"^({OUTWARD})({INWARD})$")
_OUTWARD_ONLY = re.compile(rf"^{OUTWARD}$")
# ONS marks a postcode with no grid reference with these coordinates.
NO_GRID_LATITUDE = 99.999999


def normalise(text):
    """'b97  4dn' -> 'B97 4DN'; an outward code alone -> 'B97'; anything else -> None."""
    if not isinstance(text, str):
        return None
    compact = re.sub(r"\s+", "", text).upper()
    if len(compact) > 8:
        return None
    match = _FULL.match(compact)
    if match:
        return f"{match.group(1)} {match.group(2)}"
    if _OUTWARD_ONLY.match(compact):
        return compact
    return None


def is_postcode_like(text):
    return normalise(text) is not None


@dataclass
class Place:
    label: str
    latitude: float
    longitude: float
    area_codes: set = field(default_factory=set)
    is_outward: bool = False


# Places already looked up, by normalised code (searches near the same postcodes come again and
# again): forgotten when this process writes a postcode, and every few minutes for other processes'
# imports. At most RESOLVED entries (a search's postcode is typed by a person).
RESOLVED = 20_000
_resolved = ProcessCache(dict, seconds=300, models=[Postcode])


def resolve(text):
    """The place a postcode or outward code names, with the ONS area codes it lies in."""
    code = normalise(text)
    if code is None:
        return None
    known = _resolved.get()
    if code not in known:
        if len(known) >= RESOLVED:
            known.clear()
        known[code] = _look_up(code)
    place = known[code]
    # A copy: the caller may change it (the area codes are a set).
    return None if place is None else replace(place, area_codes=set(place.area_codes))


def _look_up(code):
    if " " in code:
        row = Postcode.objects.filter(postcode=code).first()
        if row is None:
            return None
        return Place(code, row.latitude, row.longitude, row.area_codes)
    rows = Postcode.objects.filter(outward=code)
    centre = rows.aggregate(latitude=Avg("latitude"), longitude=Avg("longitude"))
    if centre["latitude"] is None:
        return None
    codes = set()
    for district, county in rows.values_list("district_code", "county_code").distinct():
        codes.update(c for c in (district, county) if c)
    return Place(code, centre["latitude"], centre["longitude"], codes, is_outward=True)


def lookup(postcode_or_outward):
    """(latitude, longitude) of a full postcode (any spacing or case) or an outward code's centroid."""
    place = resolve(postcode_or_outward)
    return (place.latitude, place.longitude) if place else None


# ---- Loading the ONS Postcode Directory ---------------------------------------------------------


@dataclass
class PostcodeImportReport:
    rows: int = 0
    loaded: int = 0
    no_coordinates: int = 0
    invalid: int = 0
    invalid_examples: list = field(default_factory=list)

    def summary(self):
        return (
            f"{self.rows} rows read: {self.loaded} postcodes loaded, {self.no_coordinates} skipped "
            f"without coordinates, {self.invalid} skipped as unreadable"
        )


def _float(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _flush(batch):
    if not batch:
        return 0
    with transaction.atomic():
        Postcode.objects.bulk_create(
            batch,
            update_conflicts=True,
            unique_fields=["postcode"],
            update_fields=["outward", "latitude", "longitude", "district_code", "county_code"],
        )
    # Bulk writes send no save signals: the places looked up before are forgotten here.
    _resolved.clear()
    transaction.on_commit(_resolved.clear)
    return len(batch)


def import_postcodes(path, batch_size=5000, progress=None):
    """Load a CSV shaped like the ONS Postcode Directory (pcds, lat, long; oslaua and oscty if
    present; other columns ignored). Reads and writes in batches: memory stays flat however
    long the file. Existing postcodes are updated in place."""
    report = PostcodeImportReport()
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = [h.strip().lower() for h in next(reader, [])]
        missing = {"pcds", "lat", "long"} - set(header)
        if missing:
            raise ValueError(f"The file has no {', '.join(sorted(missing))} column (it needs pcds, lat and long)")
        col = {name: header.index(name) for name in ("pcds", "lat", "long")}
        optional = {name: header.index(name) for name in ("oslaua", "oscty") if name in header}
        batch = []
        seen_in_batch = set()
        for row in reader:
            report.rows += 1
            try:
                raw, lat, lon = row[col["pcds"]], _float(row[col["lat"]]), _float(row[col["long"]])
            except IndexError:
                report.invalid += 1
                continue
            code = normalise(raw)
            if code is None or " " not in code:
                report.invalid += 1
                if len(report.invalid_examples) < 5:
                    report.invalid_examples.append(raw)
                continue
            if lat is None or lon is None or abs(lat - NO_GRID_LATITUDE) < 1e-6 or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                report.no_coordinates += 1
                continue
            if code in seen_in_batch:  # a repeated row would upset a bulk upsert
                continue
            seen_in_batch.add(code)
            batch.append(
                Postcode(
                    postcode=code,
                    outward=code.split(" ")[0],
                    latitude=lat,
                    longitude=lon,
                    district_code=_get(row, optional.get("oslaua")),
                    county_code=_get(row, optional.get("oscty")),
                )
            )
            if len(batch) >= batch_size:
                report.loaded += _flush(batch)
                batch, seen_in_batch = [], set()
                if progress:
                    progress(report.summary())
        report.loaded += _flush(batch)
    return report


def _get(row, index):
    if index is None or index >= len(row):
        return ""
    value = row[index].strip()
    # ONS fills "no such area" with pseudo-codes like E99999999.
    return "" if not value or value.endswith("99999999") else value[:9]
