"""Places in the words of a search: "day centre near Dereham", "food bank in Diss" (ages: ages.py).

    gazetteer = current_gazetteer()            # town and village names from the directory's addresses
    found = read_place("food bank in Diss", gazetteer)   # FoundPlace(place, rest, radius_miles) or None

Town names come from the addresses of the directory's venues (any council's import brings its
own), placed at the middle of that town's venues; the area codes are those of the towns'
postcodes in the loaded postcode data, so phone and online services covering the area count too.
A town is recognised after "near", "in", "around", "at", "of" or "close to", or as the last words
of the search; a postcode anywhere in the words ("near NR19 1AB") is recognised too.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Sum

from . import text

CUES = ("near", "in", "around", "at", "of", "nearby", "close to", "near to", "within walking distance of")
WITHIN_RE = re.compile(r"\bwithin\s+(\d{1,3}(?:\.\d+)?)\s*(?:miles?|mi)\s+(?:of\s+)?", re.I)
POSTCODE_RE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2})\b", re.I)
# A postcode district alone ("near WR11", "in NR19"): only after a cue or as the last word, and
# only when the loaded postcode data knows it.
OUTWARD_RE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\b", re.I)


def default_radius_miles() -> float:
    return float(getattr(settings, "DIRECTORY_PLACE_RADIUS_MILES", 10))


@dataclass
class FoundPlace:
    place: object  # search.postcodes.Place
    rest: str  # the search without the place words
    radius_miles: float


@dataclass(frozen=True)
class Gazetteer:
    # folded words of a name -> (display name, latitude, longitude, area codes)
    names: dict
    longest: int = 0


def _folded_words(value: str) -> tuple[str, ...]:
    return tuple(text.words(value))


def build_gazetteer(rows, area_codes_by_postcode) -> Gazetteer:
    """From (town, latitude, longitude, postcode) rows of venues; a fifth value, when given, is how
    many venues the row stands for (at the middle of them)."""
    towns: dict[tuple, dict] = {}
    for town, lat, lon, postcode, *venues in rows:
        key = _folded_words(town or "")
        if not key or lat is None or lon is None:
            continue
        entry = towns.setdefault(key, {"name": town.strip(), "points": [], "codes": set()})
        entry["points"].append((lat, lon, venues[0] if venues else 1))
        entry["codes"] |= area_codes_by_postcode.get((postcode or "").strip().upper(), set())
    names = {}
    for key, entry in towns.items():
        count = sum(n for _lat, _lon, n in entry["points"])
        latitude = sum(lat * n for lat, _lon, n in entry["points"]) / count
        longitude = sum(lon * n for _lat, lon, n in entry["points"]) / count
        names[key] = (entry["name"], latitude, longitude, frozenset(entry["codes"]))
    return Gazetteer(names, max((len(k) for k in names), default=0))


_lock = threading.Lock()
_cache: dict = {"at": None, "gazetteer": Gazetteer({})}
# Rebuilt when this process writes search entries, and at least this often (other processes' imports).
TTL = 300


def invalidate():
    _cache["at"] = None


def current_gazetteer() -> Gazetteer:
    """Town names of the listed services' venues (two queries when stale, none otherwise).

    The venues are summed per town and postcode in the database (a national directory has
    hundreds of thousands of addresses, and only some thousands of towns and postcodes), and the
    area codes of those postcodes read in one query."""
    from search.models import LISTED_STATUSES, Address, Postcode, ServiceAtLocation

    with _lock:
        if _cache["at"] is not None and time.monotonic() - _cache["at"] < TTL:
            return _cache["gazetteer"]
        listed = ServiceAtLocation.objects.filter(location_id=OuterRef("location_id"), service__status__in=LISTED_STATUSES)
        rows = list(
            Address.objects.filter(Exists(listed), location__latitude__isnull=False, location__longitude__isnull=False)
            .values("city", "postal_code")
            .annotate(lat=Sum("location__latitude"), lon=Sum("location__longitude"), venues=Count("pk"))
            .values_list("city", "lat", "lon", "postal_code", "venues")
        )
        codes = {}
        known = sorted({code for *_rest, code, _n in rows if code})
        for start in range(0, len(known), 5000):
            for code, district, county in Postcode.objects.filter(postcode__in=known[start : start + 5000]).values_list(
                "postcode", "district_code", "county_code"
            ):
                codes.setdefault(code.strip().upper(), set()).update(c for c in (district, county) if c)
        venues = [(city, lat / n, lon / n, code, n) for city, lat, lon, code, n in rows]
        _cache.update(at=time.monotonic(), gazetteer=build_gazetteer(venues, codes))
        return _cache["gazetteer"]


def read_place(question: str, gazetteer: Gazetteer) -> FoundPlace | None:
    """The place the words name, and the words without it; None when they name none."""
    from search.postcodes import Place, resolve

    radius = default_radius_miles()
    within = WITHIN_RE.search(question)
    if within:
        radius = float(within.group(1)) or radius
    postcode = POSTCODE_RE.search(question)
    if postcode:
        place = resolve(postcode.group(1))
        if place is not None:
            rest = _without(question, postcode.start(), postcode.end())
            return FoundPlace(place, rest, radius)
    for outward in OUTWARD_RE.finditer(question):
        before = " ".join(text.words(question[: outward.start()])[-4:])
        cue = next((c for c in sorted(CUES, key=len, reverse=True) if before.endswith(c)), None)
        if cue is None and question[outward.end() :].strip():
            continue
        place = resolve(outward.group(1))
        if place is not None:
            cut_from = outward.start()
            if cue:
                cut_from = _cue_start(question, outward.start(), cue)
            if within and within.start() < cut_from:
                cut_from = within.start()
            return FoundPlace(place, _without(question, cut_from, outward.end()), radius)
    if not gazetteer.names:
        return None
    tokens = list(re.finditer(r"[A-Za-z0-9À-ɏ'’]+", question))
    folded = [text.words(t.group()) for t in tokens]
    flat = [(w[0] if w else "") for w in folded]
    for start in range(len(flat)):
        for size in range(min(gazetteer.longest, len(flat) - start), 0, -1):
            key = tuple(flat[start : start + size])
            if key not in gazetteer.names:
                continue
            before = " ".join(flat[max(0, start - 4) : start])
            cue = next((c for c in sorted(CUES, key=len, reverse=True) if before.endswith(c)), None)
            at_end = start + size == len(flat)
            if cue is None and not at_end:
                continue
            name, lat, lon, codes = gazetteer.names[key]
            cut_from = tokens[start].start()
            if cue:  # drop the cue words too ("near", "within 5 miles of")
                cue_start = start - len(cue.split())
                cut_from = tokens[cue_start].start()
            if within and within.start() < cut_from:
                cut_from = min(cut_from, within.start())
            rest = _without(question, cut_from, tokens[start + size - 1].end())
            return FoundPlace(Place(name, lat, lon, set(codes)), rest, radius)
    return None


def _cue_start(question: str, start: int, cue: str) -> int:
    """Where the cue words ("near", "close to") before position `start` begin."""
    spans = list(re.finditer(r"[A-Za-z0-9À-ɏ'’]+", question[:start]))
    words = len(cue.split())
    return spans[-words].start() if len(spans) >= words else start


def _without(question: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", (question[:start] + " " + question[end:])).strip()

