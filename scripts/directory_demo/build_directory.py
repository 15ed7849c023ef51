"""Build the Practice Commons demo directory (Open Referral UK 3.0).

Hand-written, compact records live in this file. Running it expands them into
fully nested ORUK 3.0 service records and writes, into search/demo_data (which the
directory's demo hook, search/demo.py, imports for seed_demo):

* directory.json  - list of nested services (shape of examples/service_full.json)
* postcodes.csv   - ONS Postcode Directory-shaped lookup for every postcode used
* relevance.json  - search queries with the ids expected in the top results

It then validates every service against the ORUK service schema (see validate.py).

    .venv/bin/python scripts/directory_demo/build_directory.py

The output is deterministic: ids are uuid5 values from a fixed namespace and a
slug, dates are fixed, and nothing depends on the clock or on random state.
All organisations, services, people and text are fictional.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The generated files live with the app that seeds them; this generator is not app code.
OUT = HERE.parents[1] / "search" / "demo_data"
NAMESPACE = uuid.UUID("3b0f6f52-8c4e-5d0b-9a57-70c0a0d3e001")  # never change this


def uid(kind: str, slug: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{slug}"))


def pick(seq, slug: str, salt: str = ""):
    """Deterministic choice from seq, keyed on a slug."""
    h = int(hashlib.sha256(f"{salt}:{slug}".encode()).hexdigest(), 16)
    return seq[h % len(seq)]


def jitter(slug: str, salt: str, size: float) -> float:
    h = int(hashlib.sha256(f"{salt}:{slug}".encode()).hexdigest()[:8], 16)
    return (h / 0xFFFFFFFF - 0.5) * 2 * size


# ---------------------------------------------------------------------------
# Geography
# ---------------------------------------------------------------------------

COUNTY_CODE = "E10000034"  # Worcestershire
DISTRICTS = {  # ONS local authority district codes (oslaua)
    "Bromsgrove": "E07000234",
    "Malvern Hills": "E07000235",
    "Redditch": "E07000236",
    "Worcester": "E07000237",
    "Wychavon": "E07000238",
    "Wyre Forest": "E07000239",
}
AREA_URIS = {name: f"http://statistics.data.gov.uk/id/statistical-geography/{code}" for name, code in DISTRICTS.items()}
AREA_URIS["Worcestershire"] = f"http://statistics.data.gov.uk/id/statistical-geography/{COUNTY_CODE}"
AREA_TEXT = {
    "Worcestershire": "Anyone living in Worcestershire.",
    "Redditch": "People living in Redditch borough, including Astwood Bank and Feckenham.",
    "Bromsgrove": "People living in Bromsgrove district, including Alvechurch, Hagley, Rubery and Wythall.",
    "Worcester": "People living in the City of Worcester.",
    "Wyre Forest": "People living in Wyre Forest: Kidderminster, Stourport-on-Severn, Bewdley and nearby villages.",
    "Malvern Hills": "People living in Malvern Hills district, including Malvern, Tenbury Wells, Upton-upon-Severn and Martley.",
    "Wychavon": "People living in Wychavon: Evesham, Pershore, Droitwich Spa and surrounding villages.",
}

# pcds -> (lat, long, district). Every postcode used by a venue is here, plus
# extra postcodes so that each outward code has several rows for centroids.
POSTCODES = {
    # Redditch (B97, B98, B96)
    "B97 4DN": (52.30520, -1.94310, "Redditch"),
    "B97 4HA": (52.30410, -1.94620, "Redditch"),
    "B97 4RW": (52.30190, -1.94980, "Redditch"),
    "B97 4EY": (52.30690, -1.94170, "Redditch"),
    "B97 5AP": (52.29380, -1.95050, "Redditch"),
    "B97 5UT": (52.29120, -1.95310, "Redditch"),
    "B97 5HN": (52.29640, -1.94890, "Redditch"),
    "B97 6RE": (52.31050, -1.96190, "Redditch"),
    "B97 6HB": (52.31290, -1.95830, "Redditch"),
    "B97 6PS": (52.30830, -1.96510, "Redditch"),
    "B98 8AH": (52.30560, -1.93290, "Redditch"),
    "B98 8DW": (52.30390, -1.92860, "Redditch"),
    "B98 8LY": (52.30720, -1.92610, "Redditch"),
    "B98 7LG": (52.28760, -1.92110, "Redditch"),
    "B98 7TR": (52.28490, -1.91640, "Redditch"),
    "B98 7SZ": (52.29010, -1.92580, "Redditch"),
    "B98 0JU": (52.31860, -1.90720, "Redditch"),
    "B98 0SD": (52.32140, -1.91250, "Redditch"),
    "B98 0BN": (52.31530, -1.90210, "Redditch"),
    "B98 9DX": (52.29330, -1.90480, "Redditch"),
    "B98 9HQ": (52.29720, -1.90110, "Redditch"),
    "B96 6AX": (52.25890, -1.93490, "Redditch"),
    "B96 6DT": (52.26120, -1.93710, "Redditch"),
    # Bromsgrove (B60, B61) and villages
    "B60 1AD": (52.33310, -2.05810, "Bromsgrove"),
    "B60 1BW": (52.33020, -2.05570, "Bromsgrove"),
    "B60 1HR": (52.32810, -2.06130, "Bromsgrove"),
    "B60 2TL": (52.32390, -2.04850, "Bromsgrove"),
    "B60 2DU": (52.32610, -2.05210, "Bromsgrove"),
    "B60 3EZ": (52.34930, -2.04080, "Bromsgrove"),
    "B60 4AH": (52.31050, -2.07010, "Bromsgrove"),
    "B61 8DA": (52.34060, -2.06290, "Bromsgrove"),
    "B61 8RT": (52.34310, -2.06010, "Bromsgrove"),
    "B61 7JN": (52.34150, -2.07230, "Bromsgrove"),
    "B61 7EQ": (52.33890, -2.07640, "Bromsgrove"),
    "B61 0LW": (52.36240, -2.05320, "Bromsgrove"),
    "B61 0PF": (52.36520, -2.05010, "Bromsgrove"),
    "B48 7SA": (52.35180, -1.96590, "Bromsgrove"),
    "B48 7BQ": (52.35410, -1.96320, "Bromsgrove"),
    "B47 6LS": (52.38120, -1.88050, "Bromsgrove"),
    "B45 9AE": (52.39580, -2.01490, "Bromsgrove"),
    "DY9 9JU": (52.42410, -2.13870, "Bromsgrove"),
    # Worcester (WR1-WR5)
    "WR1 1HT": (52.19280, -2.22010, "Worcester"),
    "WR1 1DN": (52.19110, -2.21890, "Worcester"),
    "WR1 1PA": (52.19440, -2.22190, "Worcester"),
    "WR1 2ES": (52.19760, -2.22240, "Worcester"),
    "WR1 2LZ": (52.19910, -2.22030, "Worcester"),
    "WR1 3PB": (52.20350, -2.21930, "Worcester"),
    "WR1 3BH": (52.20590, -2.22180, "Worcester"),
    "WR2 4AX": (52.18710, -2.23540, "Worcester"),
    "WR2 4BW": (52.18560, -2.23880, "Worcester"),
    "WR2 5JT": (52.17980, -2.23690, "Worcester"),
    "WR2 6NL": (52.22790, -2.25380, "Malvern Hills"),
    "WR3 7SG": (52.21510, -2.20490, "Worcester"),
    "WR3 7NS": (52.21290, -2.20830, "Worcester"),
    "WR3 8HP": (52.21830, -2.22480, "Worcester"),
    "WR4 9PA": (52.21020, -2.18040, "Worcester"),
    "WR4 9FL": (52.20830, -2.17630, "Worcester"),
    "WR4 0DL": (52.19620, -2.19010, "Worcester"),
    "WR4 0JB": (52.19380, -2.18640, "Worcester"),
    "WR5 1DE": (52.18790, -2.21340, "Worcester"),
    "WR5 2QX": (52.16810, -2.20490, "Worcester"),
    "WR5 3HR": (52.18030, -2.19520, "Worcester"),
    "WR6 6PA": (52.23810, -2.35720, "Malvern Hills"),
    "WR7 4DZ": (52.21310, -1.98020, "Wychavon"),
    # Kidderminster (DY10, DY11) and Wolverley
    "DY10 1AB": (52.38720, -2.24730, "Wyre Forest"),
    "DY10 1LX": (52.38910, -2.24950, "Wyre Forest"),
    "DY10 1SE": (52.38510, -2.24440, "Wyre Forest"),
    "DY10 2JH": (52.38290, -2.23010, "Wyre Forest"),
    "DY10 2BP": (52.38520, -2.23470, "Wyre Forest"),
    "DY10 3TE": (52.37510, -2.23480, "Wyre Forest"),
    "DY10 3NX": (52.37760, -2.23920, "Wyre Forest"),
    "DY11 5QS": (52.40490, -2.25510, "Wyre Forest"),
    "DY11 5TB": (52.41020, -2.24480, "Wyre Forest"),
    "DY11 6BH": (52.38010, -2.26480, "Wyre Forest"),
    "DY11 6RY": (52.37740, -2.26110, "Wyre Forest"),
    "DY11 7AW": (52.39220, -2.26290, "Wyre Forest"),
    # Stourport-on-Severn (DY13)
    "DY13 8BQ": (52.34020, -2.27810, "Wyre Forest"),
    "DY13 8UA": (52.34210, -2.27490, "Wyre Forest"),
    "DY13 9HL": (52.33310, -2.29010, "Wyre Forest"),
    "DY13 0EB": (52.32810, -2.29520, "Wyre Forest"),
    # Bewdley (DY12)
    "DY12 1AE": (52.37630, -2.31610, "Wyre Forest"),
    "DY12 1BY": (52.37490, -2.31850, "Wyre Forest"),
    "DY12 2DH": (52.38040, -2.32490, "Wyre Forest"),
    # Malvern (WR14, WR13)
    "WR14 3AF": (52.11190, -2.32680, "Malvern Hills"),
    "WR14 3EX": (52.11350, -2.32420, "Malvern Hills"),
    "WR14 3HB": (52.10960, -2.32840, "Malvern Hills"),
    "WR14 1JB": (52.11210, -2.30950, "Malvern Hills"),
    "WR14 1LP": (52.10870, -2.31240, "Malvern Hills"),
    "WR14 2HS": (52.10480, -2.30110, "Malvern Hills"),
    "WR14 2RE": (52.10190, -2.29770, "Malvern Hills"),
    "WR14 4DT": (52.11990, -2.32020, "Malvern Hills"),
    "WR13 5HB": (52.07610, -2.28020, "Malvern Hills"),
    # Evesham (WR11) and Broadway
    "WR11 4RY": (52.09310, -1.94590, "Wychavon"),
    "WR11 4BG": (52.09490, -1.94860, "Wychavon"),
    "WR11 4TS": (52.09770, -1.94120, "Wychavon"),
    "WR11 3DA": (52.09130, -1.93720, "Wychavon"),
    "WR11 3LW": (52.08960, -1.93360, "Wychavon"),
    "WR11 1TD": (52.08610, -1.95490, "Wychavon"),
    "WR11 2LB": (52.08210, -1.95890, "Wychavon"),
    "WR12 7AE": (52.03730, -1.85910, "Wychavon"),
    # Droitwich Spa (WR9) and Ombersley
    "WR9 8DS": (52.26730, -2.15190, "Wychavon"),
    "WR9 8HE": (52.26880, -2.15460, "Wychavon"),
    "WR9 8QJ": (52.26510, -2.14980, "Wychavon"),
    "WR9 7BQ": (52.26810, -2.17010, "Wychavon"),
    "WR9 9AY": (52.25810, -2.14490, "Wychavon"),
    "WR9 0EW": (52.27020, -2.22710, "Wychavon"),
    # Pershore (WR10) and Bredon
    "WR10 1AJ": (52.11130, -2.07640, "Wychavon"),
    "WR10 1BU": (52.10980, -2.07820, "Wychavon"),
    "WR10 1QH": (52.11320, -2.07390, "Wychavon"),
    "WR10 2DF": (52.11610, -2.06980, "Wychavon"),
    "GL20 7LA": (52.03180, -2.11710, "Wychavon"),
    # Tenbury Wells (WR15)
    "WR15 8AB": (52.30920, -2.59510, "Malvern Hills"),
    "WR15 8EQ": (52.31060, -2.59190, "Malvern Hills"),
    "WR15 8DU": (52.30780, -2.59880, "Malvern Hills"),
    # Upton-upon-Severn (WR8)
    "WR8 0HJ": (52.06260, -2.21800, "Malvern Hills"),
    "WR8 0JD": (52.06410, -2.21990, "Malvern Hills"),
    "WR8 0PU": (52.06050, -2.21490, "Malvern Hills"),
}

# Accessibility codes -> (description, details)
ACCESS = {
    "step": ("Step-free entrance and level access across the ground floor.", "Automatic doors at the main entrance."),
    "ramp": ("Ramped entrance at the side of the building.", "The ramp is signed from the car park; ring the bell if the door is locked."),
    "steps": ("The front entrance has three steps.", "A portable ramp can be put out if you let staff know you are coming."),
    "lift": ("Lift to all floors.", "The lift takes a standard wheelchair and one companion."),
    "upstairs": ("Sessions are held on the first floor and there is no lift.", "Ask about ground-floor alternatives when you book."),
    "loop": ("Hearing loop at reception and in the main room.", "Switch your hearing aid to the T setting."),
    "toilet": ("Accessible toilet on the ground floor.", ""),
    "cp": ("Changing Places toilet with a ceiling hoist and adult-sized changing bench.", "Bring your own sling if you prefer; a spare is kept on site."),
    "park": ("Blue Badge parking next to the entrance.", ""),
    "quiet": ("Quiet room for anyone who finds noise, lights or crowds hard.", "Just ask a member of staff; you do not need to explain why."),
    "signs": ("Easy-read and picture signs around the building.", ""),
    "bus": ("On a bus route with a stop close by.", ""),
    "dogs": ("Assistance dogs welcome.", "Water bowls are available at reception."),
}

# Venues: slug -> (name, address_1, town, postcode, access codes, description)
VENUES = {
    # Redditch and nearby
    "rd-kingfisher-hub": ("Kingfisher Community Hub", "14 Unicorn Hill", "Redditch", "B97 4DN", "step lift loop toilet cp signs bus", "A busy community building near the town centre and the bus station."),
    "rd-arrowvale-house": ("Needlewood House", "3 Sillins Avenue", "Redditch", "B98 7LG", "step toilet park quiet", "A converted family house with four bedrooms, a sensory room and an enclosed garden."),
    "rd-oakenshaw-suite": ("Oakenshaw Bungalow", "27 Oakenshaw Road", "Redditch", "B98 7TR", "step toilet cp park", "A single-storey building with four en-suite bedrooms for overnight stays."),
    "rd-batchley-centre": ("Batchley Neighbourhood Centre", "2 Cherry Tree Walk", "Redditch", "B97 6RE", "ramp toilet bus", "Community rooms on the Batchley estate with a small kitchen."),
    "rd-needle-mill": ("The Needle Mill", "61 Easemore Road", "Redditch", "B98 8AH", "step lift toilet cp park signs", "A refurbished mill building with workshops, a cafe and a sensory garden."),
    "rd-headless-cross": ("Headless Cross Methodist Hall", "9 Evesham Road", "Redditch", "B97 5AP", "steps toilet bus", "A church hall that hosts several community groups during the week."),
    "rd-winyates-centre": ("Winyates Centre", "Winyates Way", "Redditch", "B98 0JU", "step toilet park bus", "District centre with a library corner and meeting rooms."),
    "rd-matchborough": ("Matchborough Youth Base", "5 Matchborough Way", "Redditch", "B98 9DX", "step toilet", "A former youth centre next to the local shops."),
    "rd-leisure": ("Redditch Town Pool", "Alcester Street", "Redditch", "B98 8DW", "step lift loop toilet cp park bus", "Public leisure centre with a teaching pool that has a moveable floor and a pool hoist."),
    "rd-church-hill": ("Church Hill Family Hub", "18 Tanhouse Lane", "Redditch", "B98 0SD", "step toilet park quiet", "Family hub with play rooms and private meeting rooms."),
    "ab-village-hall": ("Astwood Bank Village Hall", "41 Evesham Road", "Astwood Bank", "B96 6AX", "step toilet park", "Village hall with a large main room and a fenced playing field."),
    "alv-wharf": ("Alvechurch Canal Wharf Centre", "Scarfield Hill", "Alvechurch", "B48 7SA", "ramp toilet park", "Outdoor activity base beside the canal with a boathouse and classroom."),
    # Bromsgrove and villages
    "bg-housman-centre": ("Housman Community Centre", "22 Market Street", "Bromsgrove", "B61 8DA", "step lift loop toilet bus", "Community centre just off the High Street."),
    "bg-aston-fields": ("Aston Fields Resource Centre", "7 Stoke Road", "Bromsgrove", "B60 2TL", "step toilet cp park quiet signs", "Purpose-built day centre with activity rooms, a training kitchen and a garden."),
    "bg-sidemoor": ("Sidemoor Pavilion", "Broad Street", "Bromsgrove", "B61 7JN", "ramp toilet park", "Sports pavilion with changing rooms and three outdoor pitches."),
    "bg-lickey-edge": ("Lickey Edge Family Base", "15 Old Station Road", "Bromsgrove", "B60 1AD", "step toilet park", "Office and family meeting rooms close to the town centre."),
    "bg-catshill": ("Catshill Baptist Church Rooms", "Golden Cross Lane", "Catshill", "B61 0LW", "step toilet park", "Church rooms with a kitchen and a small garden."),
    "hg-village": ("Hagley Community Rooms", "Worcester Road", "Hagley", "DY9 9JU", "step toilet park bus", "Village meeting rooms with a lounge and kitchen."),
    "rb-library": ("Rubery Community Library", "New Road", "Rubery", "B45 9AE", "step toilet bus", "Branch library with a community room upstairs and a lift."),
    "wy-hall": ("Wythall Village Hall", "Silver Street", "Wythall", "B47 6LS", "step toilet park", "Village hall used by local clubs and groups."),
    # Worcester
    "wr-severnside": ("Severnside Centre", "8 Deansway", "Worcester", "WR1 2ES", "step lift loop toilet cp signs bus dogs", "City-centre community building used by several charities."),
    "wr-foregate": ("Foregate Chambers", "31 Foregate Street", "Worcester", "WR1 1DN", "lift loop toilet bus", "Offices on the first and second floors above shops, near Foregate Street station."),
    "wr-warndon": ("Warndon Villages Hub", "Shap Drive", "Worcester", "WR4 9PA", "step toilet park bus", "Neighbourhood hub with a community cafe and meeting rooms."),
    "wr-st-johns": ("St John's Community Rooms", "Bromyard Road", "Worcester", "WR2 4AX", "ramp toilet bus", "Community rooms above the St John's shopping parade, reached by a ramp at the back."),
    "wr-ronkswood": ("Ronkswood Day Centre", "Newtown Road", "Worcester", "WR4 0DL", "step toilet cp park quiet signs", "Single-storey day centre with a sensory room, hydrotherapy pool and garden."),
    "wr-blackpole": ("Blackpole Enterprise Units", "Unit 4, Blackpole Trading Estate", "Worcester", "WR3 7SG", "step toilet park", "Light industrial unit used as a workshop and training space."),
    "wr-pool": ("Claines Lane Pool", "Bilford Road", "Worcester", "WR3 8HP", "step loop toilet cp park bus", "Leisure centre with a pool hoist and accessible changing."),
    "wr-barbourne": ("Barbourne Health and Wellbeing Centre", "47 Ombersley Road", "Worcester", "WR1 3PB", "step lift loop toilet park", "NHS clinic building with consulting rooms on two floors."),
    "wr-sidbury": ("Sidbury Recovery Hub", "12 Sidbury", "Worcester", "WR5 1DE", "step toilet bus", "A drop-in and appointment base close to the cathedral."),
    "wr-st-peters": ("St Peter's Family Centre", "Hawthorn Road", "Worcester", "WR5 2QX", "step toilet park quiet", "Family centre with a garden and soft play room."),
    "wr-battenhall": ("Battenhall Arts Barn", "Battenhall Lane", "Worcester", "WR5 3HR", "ramp toilet park", "A converted barn with studio space and a small performance room."),
    "hl-hallow": ("Hallow Parish Rooms", "Main Road", "Hallow", "WR2 6NL", "step toilet park", "Parish rooms next to the village green."),
    "mt-martley": ("Martley Memorial Hall", "The Crest", "Martley", "WR6 6PA", "step toilet park", "Rural village hall."),
    "ib-inkberrow": ("Inkberrow Village Hall", "High Street", "Inkberrow", "WR7 4DZ", "step toilet park", "Village hall with a large main room and kitchen."),
    # Kidderminster and Wyre Forest
    "kd-loomworks": ("Loomworks Community Centre", "4 Mill Street", "Kidderminster", "DY10 1AB", "step lift loop toilet cp signs bus", "Large community centre in a former carpet works near the town centre."),
    "kd-comberton": ("Comberton Hall", "Comberton Road", "Kidderminster", "DY10 2JH", "step toilet park", "Community hall on the east side of town."),
    "kd-spennells": ("Spennells Family Hub", "Spennells Valley Road", "Kidderminster", "DY10 3TE", "step toilet park quiet", "Family hub and children's centre."),
    "kd-franche": ("Franche Workshop", "Wolverley Road", "Kidderminster", "DY11 5QS", "step toilet park", "Woodwork and craft workshop with a small shop."),
    "kd-foley-park": ("Foley Park Resource Centre", "Hoo Road", "Kidderminster", "DY11 6BH", "step toilet cp park quiet signs", "Day centre and short-break base on the south side of town."),
    "kd-clinic": ("Kidderminster Community Clinic", "Bewdley Road", "Kidderminster", "DY11 7AW", "step lift loop toilet park", "NHS community clinic with therapy rooms."),
    "kd-wolverley": ("Wolverley Sports Ground", "Wolverley Road", "Wolverley", "DY11 5TB", "ramp toilet park", "Playing fields with a small clubhouse."),
    "sp-basin": ("Basin Side Community Hub", "2 Mart Lane", "Stourport-on-Severn", "DY13 8BQ", "step toilet bus", "Community building close to the canal basins."),
    "sp-areley": ("Areley Kings Church Room", "Church Lane", "Stourport-on-Severn", "DY13 0EB", "steps toilet", "Church room with kitchen on the west bank of the river."),
    "sp-shed": ("Lickhill Road Workshop", "Lickhill Road", "Stourport-on-Severn", "DY13 8UA", "ramp toilet park", "Shared workshop in a former garage."),
    "bw-bridge": ("Bewdley Bridge Rooms", "1 Severn Side North", "Bewdley", "DY12 1AE", "step toilet bus", "Ground-floor meeting rooms by the river bridge."),
    "bw-load-street": ("Load Street Studio", "48 Load Street", "Bewdley", "DY12 2DH", "upstairs toilet", "First-floor studio above a shop."),
    # Malvern, Upton and Tenbury
    "ml-priory": ("Priory Lodge Rooms", "5 Church Street", "Malvern", "WR14 3AF", "step lift loop toilet bus", "Community rooms in the centre of Great Malvern."),
    "ml-barnards": ("Barnards Green Hall", "Court Road", "Malvern", "WR14 2HS", "step toilet park", "Community hall at Barnards Green."),
    "ml-link": ("Link Top Garden Project", "Worcester Road", "Malvern", "WR14 1JB", "ramp toilet park", "Walled kitchen garden with polytunnels and raised beds."),
    "ml-lodge": ("Malvern Respite Lodge", "Wells Road", "Malvern", "WR14 4DT", "step toilet cp park quiet", "Small residential lodge with six bedrooms and level gardens."),
    "ml-splash": ("Malvern Hills Leisure Pool", "Priory Road", "Malvern", "WR14 3EX", "step loop toilet cp park", "Leisure pool with a hoist and a warm teaching pool."),
    "wl-welland": ("Welland Village Hall", "Drake Street", "Welland", "WR13 5HB", "step toilet park", "Village hall between Malvern and Upton."),
    "up-memorial": ("Upton Memorial Hall", "Old Street", "Upton-upon-Severn", "WR8 0HJ", "step toilet park", "Town hall used for markets, clubs and community groups."),
    "tb-pump-rooms": ("Tenbury Spa Rooms", "Teme Street", "Tenbury Wells", "WR15 8AB", "step toilet bus", "Community rooms in the middle of Tenbury."),
    "tb-farm": ("Kyre Lane Farm", "Kyre Lane", "Tenbury Wells", "WR15 8DU", "ramp toilet park", "Working smallholding with animals, an orchard and a barn classroom."),
    # Wychavon: Evesham, Pershore, Droitwich and villages
    "ev-vale-centre": ("Vale Community Centre", "11 Vine Street", "Evesham", "WR11 4RY", "step lift loop toilet signs bus", "Community centre near the town centre and bus station."),
    "ev-bengeworth": ("Bengeworth Church Hall", "Port Street", "Evesham", "WR11 3DA", "step toilet", "Church hall just over the river from the town centre."),
    "ev-hampton": ("Hampton Allotment Barn", "Pershore Road", "Evesham", "WR11 2LB", "ramp toilet park", "Barn and allotments on the edge of town."),
    "ev-leisure": ("Evesham Riverside Pool", "Abbey Road", "Evesham", "WR11 4TS", "step loop toilet cp park", "Leisure centre with a pool hoist and sports hall."),
    "br-broadway": ("Broadway Lifford Rooms", "Lifford Gardens", "Broadway", "WR12 7AE", "step toilet park", "Village meeting rooms."),
    "ps-plum-tree": ("Plum Tree Rooms", "Head Street", "Pershore", "WR10 1BU", "step toilet park", "Community rooms behind the library."),
    "ps-abbey": ("Pershore Abbey Hall", "Church Row", "Pershore", "WR10 1AJ", "steps toilet", "Hall beside the abbey with a kitchen and garden."),
    "bd-bredon": ("Bredon Village Hall", "Main Road", "Bredon", "GL20 7LA", "step toilet park", "Village hall in the south of the county."),
    "dw-salt-centre": ("Salt Town Community Centre", "Ombersley Street East", "Droitwich Spa", "WR9 8DS", "step lift loop toilet cp bus", "Community centre close to the High Street."),
    "dw-westlands": ("Westlands Activity Centre", "Westlands Way", "Droitwich Spa", "WR9 7BQ", "step toilet park", "Youth and community centre with a sports hall."),
    "dw-lido": ("Droitwich Lido Park Pavilion", "Lido Park", "Droitwich Spa", "WR9 8QJ", "ramp toilet park", "Park pavilion used as a base for outdoor activities."),
    "om-ombersley": ("Ombersley Memorial Hall", "Main Road", "Ombersley", "WR9 0EW", "step toilet park", "Village hall."),
}

# ---------------------------------------------------------------------------
# Taxonomies
# ---------------------------------------------------------------------------

TAXONOMIES = {
    "local-offer": (
        "Practice Commons local offer",
        "Categories used by Practice Commons to group community services for adults, young people, carers and families.",
        "1.0",
    ),
    "age-group": (
        "Age group",
        "Broad age groups a service is mainly meant for.",
        "1.0",
    ),
}

LOCAL_OFFER_TERMS = {
    "respite": ("Respite and short breaks", "Time away from caring for the carer, and a break or stay away from home for the person who is cared for."),
    "day-opportunities": ("Day opportunities", "Daytime activities, skills and company, in a centre or out in the community."),
    "employment": ("Employment and skills", "Help to find, learn for and keep paid work, including job coaching and supported internships."),
    "advocacy": ("Advocacy", "Independent people who help someone have their say, understand their rights and take part in decisions."),
    "behaviour-support": ("Behaviour support", "Planned, person-centred help when behaviour is a way of communicating distress or unmet need."),
    "mental-health": ("Mental health and wellbeing", "Talking therapies, recovery, wellbeing groups and specialist mental health care."),
    "transitions": ("Preparing for adulthood", "Moving from children's to adult services, and planning for work, housing and independence."),
    "send": ("Special educational needs", "Information, advice and support about special educational needs, school and education plans."),
    "carers": ("Carers' support", "Information, breaks, groups and assessments for unpaid carers of all ages."),
    "dementia": ("Dementia and memory", "Support for people living with memory loss and for the people close to them."),
    "befriending": ("Befriending and loneliness", "Regular friendly contact for people who are isolated or lonely."),
    "peer-support": ("Peer support groups", "Groups run by and for people with shared experience."),
    "money-advice": ("Money and benefits advice", "Benefit checks, claims, appeals, debt and budgeting help."),
    "housing": ("Housing and homelessness", "Help to find or keep a home, tenancy support and homelessness prevention."),
    "supported-living": ("Supported living and care at home", "Accommodation with support, including Shared Lives and supported tenancies."),
    "transport": ("Community transport", "Door-to-door and community transport for people who cannot easily use buses."),
    "sport-leisure": ("Sport, leisure and activity", "Inclusive sport, swimming, walking and exercise sessions."),
    "arts-culture": ("Arts and creativity", "Art, music, drama, writing and other creative groups."),
    "food": ("Food and essentials", "Food banks, community pantries and help with essentials."),
    "social-prescribing": ("Social prescribing and community connection", "Link workers and connectors who help people find local groups and activities."),
    "drugs-alcohol": ("Drug and alcohol support", "Treatment, recovery and family support for drug and alcohol use."),
    "domestic-abuse": ("Domestic abuse", "Safety planning, refuge, outreach and recovery after domestic abuse."),
    "health-therapy": ("Health and therapy", "Community nursing, therapy and specialist health teams."),
    "direct-payments": ("Direct payments and personal budgets", "Help to use a personal budget, employ a personal assistant and manage payroll."),
    "crisis": ("Crisis and urgent help", "Same-day, out-of-hours and crisis support."),
    "community-safety": ("Community safety and hate crime", "Reporting hate crime, safe places and feeling safe in the community."),
    "information": ("Information and accessible formats", "Information, easy-read material and help to find the right service."),
    "volunteering": ("Volunteering", "Opportunities to volunteer, including supported volunteering."),
    "family-support": ("Family support", "Help for parents and families, including parenting courses and family hubs."),
}

AGE_GROUP_TERMS = {
    "children": ("Children", "Mainly for children up to about 12."),
    "young-people": ("Young people", "Mainly for teenagers and young adults up to about 25."),
    "adults": ("Adults", "Mainly for adults of working age."),
    "older-people": ("Older people", "Mainly for people in later life."),
}

LANGUAGES = {
    "en": "English",
    "pl": "Polish",
    "ur": "Urdu",
    "pa": "Punjabi",
    "bn": "Bengali",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "pt": "Portuguese",
    "lt": "Lithuanian",
    "bfi": "British Sign Language",
}

# ---------------------------------------------------------------------------
# Organisations: slug -> (name, description, registered charity/company number or "")
# Phone numbers come from the Ofcom ranges reserved for drama (0121 496 0xxx,
# 01632 960xxx, 07700 900xxx, 08081 570xxx), so none of them are real.
# ---------------------------------------------------------------------------

ORGS = {
    "arrowvale": ("Needlewood Family Breaks", "A small Redditch charity that runs short breaks, clubs and overnight stays for disabled children and young people.", "C1190041"),
    "needle-mill": ("Needle Mill Community Trust", "Community trust that runs day services, a cafe and workshops from a converted mill in Redditch.", "C1175520"),
    "lickey-edge": ("Lickey Edge Care Partnership", "Not-for-profit partnership that provides family-based short breaks and support at home across north Worcestershire.", "C1168872"),
    "severn-vale-advocacy": ("Severn Vale Advocacy Partnership", "Independent advocacy provider covering the whole county, including statutory and community advocacy.", "C1152093"),
    "teme-severn-nhs": ("Teme and Severn Community Health NHS Trust", "NHS trust providing community health, mental health and learning disability services in the county.", ""),
    "county-partnership": ("Worcestershire Community Care Partnership", "Partnership of local councils and the NHS that runs some county-wide adult and children's support services.", ""),
    "send-compass": ("SEND Compass", "Impartial information, advice and support for children and young people with special educational needs and their parents.", ""),
    "kingfisher-carers": ("Kingfisher Carers Network", "County-wide carers' organisation offering advice, groups, training and breaks for unpaid carers.", "C1133407"),
    "malvern-ridge": ("Malvern Ridge Befrienders", "Volunteer-led befriending charity working in Malvern and the surrounding villages.", "C1101288"),
    "wyre-forest-opps": ("Wyre Forest Opportunities Trust", "Charity running day services, short breaks and work skills projects in Kidderminster, Stourport and Bewdley.", "C1142260"),
    "vale-community": ("Vale of Evesham Community Action", "Community action charity for Evesham, Pershore and the surrounding villages.", "C1088815"),
    "teme-valley-link": ("Teme Valley Link", "Rural community charity based in Tenbury Wells, covering the Teme valley and the west of the county.", "C1079946"),
    "steady-ground": ("Steady Ground Behaviour Support CIC", "Community interest company of behaviour specialists, nurses and therapists working with families and support teams.", "CIC 11842276"),
    "wellspring": ("Riverbank Minds", "Mental health charity offering talking groups, recovery courses and crisis support.", "C1124571"),
    "brightlines": ("Brightlines Employment Support", "Supported employment service helping disabled people and people with health conditions into paid work.", "C1160334"),
    "foodshare": ("Worcestershire Foodshare Network", "Network of community food banks and pantries run by volunteers across the county.", "C1171106"),
    "roadlink": ("Wheelabout Community Transport", "Community transport charity with accessible minibuses and volunteer drivers.", "C1069930"),
    "active-together": ("All Play Worcestershire", "Inclusive sport and physical activity charity working with clubs and leisure centres.", "C1183351"),
    "open-studio": ("Open Studio Arts Collective", "Arts organisation that runs inclusive creative sessions, performances and exhibitions.", "C1147712"),
    "hearthstone": ("Doorstep Housing Support", "Housing-related support provider working with tenants, young people and people at risk of homelessness.", "C1119968"),
    "safe-harbour": ("Safe Harbour Domestic Abuse Service", "Specialist domestic abuse service for adults and children, including refuge and outreach.", "C1109834"),
    "clearpath": ("Turnstone Recovery", "Drug and alcohol treatment and recovery service for adults, young people and families.", ""),
    "bluebell-memory": ("Bluebell Memory Partnership", "Charity supporting people living with dementia and their families through cafes, advisers and activities.", "C1158129"),
    "plain-words": ("Plain Words Information Service", "User-led service that writes and checks easy-read information and helps people find accessible support.", "C1179003"),
    "peer-circle": ("Peer Circle", "Network of peer support groups run by volunteers with lived experience.", "C1187764"),
    "different-minds": ("Different Minds Network", "Autistic-led charity offering peer support, social groups and advice for autistic people and families.", "C1192258"),
    "community-connect": ("Community Connect", "Social prescribing service working alongside GP practices and primary care networks.", ""),
    "fairshare": ("Ledgerwise Money Advice", "Free, confidential advice on benefits, debt and budgeting.", "C1099412"),
    "young-voices": ("Kite Young People's Voice", "Participation and advocacy service for children and young people, especially those in care or with additional needs.", "C1140557"),
    "pa-connect": ("PA Connect", "Support service for people who use direct payments and for the personal assistants they employ.", "CIC 12093385"),
    "safespeak": ("SafeSpeak Hate Crime Service", "Independent hate crime reporting and support service.", "C1167481"),
    "volunteer-junction": ("Volunteer Junction", "Volunteer centre matching people with local volunteering roles.", "C1091176"),
    "rivers-family": ("Rivers Family Hubs", "Network of family hubs offering parenting support, early help and activities for children.", ""),
    "carers-crossing": ("Carers Crossing", "Charity for young carers and young adult carers.", "C1135809"),
    "salt-town": ("Salt Town Community Association", "Community association running clubs and services from its centre in Droitwich Spa.", "C1057783"),
    "plum-tree": ("Plum Tree Trust", "Local charity supporting older people and families in Pershore and nearby villages.", "C1064415"),
    "upton-riverside": ("Upton Riverside Friends", "Volunteer group running social activities and a lunch club in Upton-upon-Severn.", ""),
    "bewdley-neighbours": ("Bewdley Bridge Neighbours", "Good neighbour scheme and community group for Bewdley and the Wyre Forest villages.", ""),
    "basin-side": ("Basin Side Community Hub", "Community hub in Stourport-on-Severn offering groups, advice sessions and a community kitchen.", "C1150276"),
    "housman-network": ("Housman Community Network", "Bromsgrove community network running groups and information sessions.", "C1128843"),
    "loomworks": ("Loomworks Community Centre", "Community centre in Kidderminster hosting groups, advice and activities for all ages.", "C1080092"),
    "severnside-trust": ("Severnside Community Trust", "Worcester community trust that runs the Severnside Centre and several projects based there.", "C1102219"),
    "talkwell": ("Wordsmith Therapy", "Independent therapy practice helping children and adults with communication, voice and swallowing.", "Company 09876541"),
    "hearth-home": ("Hearth and Home Shared Lives", "Shared Lives scheme matching people who need support with approved carers in the community.", "C1144678"),
    "nightlight": ("Nightlight Listening Line", "Volunteer-run listening service for anyone who is struggling.", "C1071935"),
    "splash-club": ("Splash Inclusive Swim Club", "Volunteer swimming club for disabled children, young people and adults.", ""),
    "vintage-boots": ("Vintage Boots Walking Football", "Walking football club for older players and people returning to sport.", ""),
}

# ---------------------------------------------------------------------------
# People for contacts (fictional)
# ---------------------------------------------------------------------------

FIRST_NAMES = ["Alison", "Bhavna", "Carys", "Darren", "Eleanor", "Farah", "Gareth", "Hannah", "Imran", "Joanne",
               "Kieran", "Lena", "Marcus", "Nadia", "Owen", "Priya", "Rachel", "Simon", "Tomasz", "Una", "Vikram",
               "Wendy", "Yasmin", "Zoe", "Bridget", "Callum", "Deepa", "Ewan", "Grace", "Harriet"]
LAST_NAMES = ["Ashby", "Bancroft", "Chaudhry", "Dunmore", "Ellison", "Fairweather", "Greaves", "Holloway", "Iqbal",
              "Jenkins", "Kowalski", "Lytton", "Marsh", "Nowak", "Okafor", "Pritchard", "Quayle", "Rahman",
              "Sadler", "Thorne", "Underhill", "Varley", "Whitcombe", "Yardley"]
CONTACT_TITLES = ["Service coordinator", "Team leader", "Project worker", "Service manager", "Volunteer coordinator",
                  "Referrals officer", "Group facilitator", "Family support worker"]

# ---------------------------------------------------------------------------
# Services (hand-written)
#
# S(slug, org, name, terms, description, **options)
#   terms   space-separated local offer term slugs
#   loc     space-separated venue slugs, or a list whose items may be
#           (venue, schedule) pairs for a schedule that applies at that venue only
#   area    comma-separated service areas (district names or "Worcestershire")
#   age     (minimum_age, maximum_age); None means no limit on that side
#   cost    None (not stated), "free", or [(option, amount, amount_description), ...]
#   sched   "MO,TU 09:30-15:30; 1TH 10:00-12:00; WE/2 18:00-20:00" (1TH = monthly,
#           WE/2 = fortnightly, DAILY = every day)
#   langs   space-separated language codes (default "en")
#   status  "active" (default), "inactive" or "defunct"
#   old     True: last checked more than 12 months ago; "assured": edited recently
#           but last assured more than 12 months ago
#   ag      space-separated "Age group" term slugs
# ---------------------------------------------------------------------------

SERVICES: list[dict] = []


def S(slug, org, name, terms, description, **kw):
    SERVICES.append(dict(slug=slug, org=org, name=name, terms=terms.split(), description=" ".join(description.split()), **kw))


# --- Respite and short breaks ----------------------------------------------

S("arrowvale-overnight-breaks", "arrowvale", "Needlewood House overnight short breaks", "respite",
  """Overnight short breaks in a homely four-bedroom house in Redditch for children and teenagers with learning
  disabilities, autism or complex health needs. Young people stay for one or two nights while their family gets a
  rest. Staff are trained in epilepsy care, PEG feeding and moving and handling. A referral from a social worker or
  the children with disabilities team is needed.""",
  loc="rd-arrowvale-house", area="Redditch,Bromsgrove", age=(8, 18), cost="free",
  sched="FR,SA,SU 00:00-23:59", ag="children young-people")
S("next-steps-weekend-breaks", "arrowvale", "Next Steps weekend breaks (16-25)", "respite transitions",
  """Weekend short breaks for young adults aged 16 to 25 who have a learning disability or are autistic. Groups of
  four go bowling, cook together and stay overnight at the Kingfisher Community Hub flat, building confidence away from
  home. Breaks can be paid for from a personal budget or direct payment.""",
  loc="rd-kingfisher-hub", area="Redditch,Bromsgrove,Wychavon", age=(16, 25),
  cost=[("Overnight break", 95.0, "per night, including meals and activities"), ("Day only", 40.0, "10am to 4pm")],
  sched="SA,SU 10:00-16:00", ag="young-people")
S("astwood-bank-youth-clubs", "arrowvale", "Astwood Bank after-school and holiday clubs", "respite sport-leisure",
  """Evening and school-holiday clubs for disabled young people aged 11 to 19, held at the village hall just south of
  Redditch. There is a one-to-one worker for anyone who needs it. Parents often use the sessions as a regular short
  break, and transport home can be arranged for Redditch families.""",
  loc="ab-village-hall", area="Redditch", age=(11, 19), cost=[("Club session", 8.0, "per evening; holiday days £20")],
  sched="TU,TH 17:00-20:00", ag="young-people")
S("lickey-edge-shared-care", "lickey-edge", "Shared Care family-based short breaks", "respite family-support",
  """Approved short-break carers look after a disabled child or teenager in their own home for a few hours, a day or
  overnight, usually with the same carer each time so a real relationship builds up. Open to families in Redditch and
  Bromsgrove with children from 5 up to their 18th birthday. We match carefully and introductions are gradual.""",
  loc="bg-lickey-edge", area="Redditch,Bromsgrove", age=(5, 17), cost="free",
  sched="MO,TU,WE,TH,FR 09:00-17:00", ag="children young-people")
S("alvechurch-canal-adventures", "arrowvale", "Canal Adventures outdoor short breaks", "respite sport-leisure",
  """Outdoor activity days from the canal wharf at Alvechurch for young people aged 14 to 25 with additional needs.
  Canoeing, narrowboat trips, bushcraft and climbing, with a high staff ratio and a quiet base to come back to.
  Many families in Redditch and Bromsgrove use the days as a break during school holidays.""",
  loc="alv-wharf", area="Redditch,Bromsgrove", age=(14, 25), cost=[("Activity day", 30.0, "per day; bursaries available")],
  sched="SA 09:30-16:00", ag="young-people")
S("oakenshaw-adult-respite", "needle-mill", "Oakenshaw adult respite bungalow", "respite",
  """Planned overnight respite for adults aged 18 and over who have a learning disability, physical disability or
  both. The bungalow in Oakenshaw, Redditch has four en-suite rooms, a ceiling hoist and waking night staff.
  Stays are booked through an adult social care assessment; we do not take under-18s.""",
  loc="rd-oakenshaw-suite", area="Redditch,Bromsgrove", age=(18, None),
  cost=[("Assessed contribution", 0.0, "Most people pay nothing or a small amount set by their financial assessment"),
        ("Self-funded night", 185.0, "per night for people who pay privately")],
  sched="DAILY 00:00-23:59", ag="adults")
S("headless-cross-sitting-service", "kingfisher-carers", "Redditch carers' sitting service", "respite carers",
  """A trained, DBS-checked sitter comes to your home so you can have a few hours off from caring for an adult relative.
  For carers of people aged 18 and over living in Redditch, including people living with dementia. Up to four hours a
  week, booked in advance.""",
  loc="rd-headless-cross", area="Redditch", age=(18, None), cost=[("Sitting session", 12.0, "per hour, first two sessions free")],
  sched="MO,TU,WE,TH,FR 09:00-21:00", ag="adults older-people")
S("matchborough-youth-breaks", "arrowvale", "Matchborough youth short breaks", "respite",
  """Saturday short-break sessions for disabled 12 to 18 year olds in Redditch. Paused while we look for a new
  building; families are being offered places at our Astwood Bank clubs instead.""",
  loc="rd-matchborough", area="Redditch", age=(12, 18), cost="free", sched="SA 10:00-15:00", status="inactive", old=True)
S("redditch-saturday-club", "needle-mill", "Redditch Saturday Club", "respite",
  """Saturday play and respite club for children aged 8 to 17 with learning disabilities. This club closed when its
  funding ended and is no longer running.""",
  loc="rd-batchley-centre", area="Redditch", age=(8, 17), cost="free", sched="SA 10:00-14:00", status="defunct", old=True)
S("little-stars-short-breaks", "severnside-trust", "Little Stars short breaks", "respite",
  """Daytime short breaks for children aged 0 to 12 with complex health needs, run by children's nurses at the
  Ronkswood Day Centre in Worcester. There is a sensory room and a hydrotherapy pool. Families need a referral from
  their community nurse or paediatrician.""",
  loc="wr-ronkswood", area="Worcester,Malvern Hills,Wychavon", age=(0, 12), cost="free",
  sched="MO,WE,FR 09:30-15:00", ag="children")
S("moving-on-breaks-kidderminster", "wyre-forest-opps", "Moving On short breaks (Kidderminster)", "respite transitions",
  """Short breaks for young people aged 16 to 25 who have LD, autism or both, based at Foley Park Resource Centre.
  Evenings out, cooking nights and weekend stays help young people get used to time away from home before they move
  on to adult services.""",
  loc="kd-foley-park", area="Wyre Forest", age=(16, 25), cost=[("Evening session", 15.0, "per session"), ("Overnight", 90.0, "per night")],
  sched="WE,TH 17:30-21:00; SA 10:00-16:00", ag="young-people")
S("malvern-respite-lodge", "malvern-ridge", "Malvern respite lodge", "respite dementia",
  """A small lodge on Wells Road offering short residential stays for adults over 18 with physical disabilities or
  early to mid-stage dementia. Carers can book a week or a long weekend and rest knowing their relative is in good
  hands. Stays are paid privately or through a council personal budget.""",
  loc="ml-lodge", area="Malvern Hills,Worcester", age=(18, None),
  cost=[("Residential stay", 160.0, "per night, all meals included")], sched="DAILY 00:00-23:59", ag="adults older-people")
S("evesham-holiday-playscheme", "vale-community", "Vale holiday playscheme for disabled children", "respite family-support",
  """Holiday playscheme for disabled children and young people aged 5 to 17 in Evesham, running during the Easter and
  summer holidays. Trips, messy play, sport and a calm room. Some staff speak Polish and Bulgarian.""",
  loc="ev-vale-centre", area="Wychavon", age=(5, 17), cost=[("Playscheme day", 12.0, "per day; free with a short-breaks card")],
  sched="MO,TU,WE,TH 09:30-15:30", langs="en pl bg", ag="children young-people")
S("carers-emergency-respite", "kingfisher-carers", "Carers' emergency respite scheme", "respite carers crisis",
  """If you are an adult carer and you are suddenly unable to care, for example because you are taken into hospital,
  this scheme arranges emergency replacement care for up to 72 hours. You register in advance and get a card with
  a number to ring. Phone line only, covering the whole county.""",
  area="Worcestershire", age=(18, None), cost="free", sched="DAILY 00:00-23:59")
S("bromsgrove-young-adults-respite", "lickey-edge", "Young adults' respite (Bromsgrove)", "respite",
  """Overnight respite for young adults aged 18 to 30 with LD, in a shared house in Aston Fields. Two or three nights a
  month for people who still live with their family. Adults only.""",
  loc="bg-aston-fields", area="Bromsgrove,Redditch", age=(18, 30), cost=[("Overnight", 120.0, "per night")],
  sched="FR,SA 16:00-23:59", ag="adults")
S("tenbury-farm-breaks", "teme-valley-link", "Kyre Lane farm short breaks", "respite day-opportunities",
  """Day and overnight breaks on a working smallholding near Tenbury for young people aged 16 to 25. Feeding animals,
  fixing fences and cooking on the range in a calm rural setting. Suits young people who find towns busy and loud.""",
  loc="tb-farm", area="Malvern Hills,Wyre Forest", age=(16, 25), cost=[("Farm day", 55.0, "per day"), ("Overnight break", 110.0, "per night")],
  sched="TU,WE,SA 09:30-16:30", ag="young-people")
S("stourport-autism-short-breaks", "wyre-forest-opps", "Stourport autism short breaks", "respite",
  """After-school and Saturday sessions for autistic children aged 8 to 17 in small, predictable groups. Visual
  timetables, a quiet den and staff who know each child well. Gives parents a regular break.""",
  loc="sp-basin", area="Wyre Forest", age=(8, 17), cost=[("Session", 10.0, "per session")],
  sched="WE 16:00-18:30; SA 10:00-13:00", status="inactive", ag="children young-people")
S("shared-lives-short-breaks", "hearth-home", "Shared Lives short breaks", "respite supported-living",
  """Short breaks in the home of an approved Shared Lives carer for adults aged 18 and over with learning disabilities,
  mental health needs or dementia. Anything from a day to a fortnight, with the same carer each time if that works
  best. Available across the county.""",
  area="Worcestershire", age=(18, None), cost=[("Day", 60.0, "per day"), ("Overnight", 85.0, "per night")], ag="adults")
S("droitwich-dementia-day-respite", "salt-town", "Salt Town day respite for people with dementia", "respite dementia day-opportunities",
  """A full day of company, lunch and gentle activity for people living with dementia, giving family carers a
  regular day off. Held at the Salt Town Community Centre, with door-to-door transport from Droitwich and Ombersley.""",
  loc="dw-salt-centre", area="Wychavon", age=(None, None), cost=[("Day place", 42.0, "including lunch and transport")],
  sched="TU,FR 10:00-15:30", ag="older-people", old="assured")

# --- Day opportunities ------------------------------------------------------

S("needle-mill-day-service", "needle-mill", "Needle Mill day service", "day-opportunities",
  """A weekday day centre in Redditch for adults with a learning disability. People choose from cooking, gardening,
  music, computer skills and trips out, and there is a sensory room for those with profound needs. Most places are
  arranged through adult social care.""",
  loc="rd-needle-mill", area="Redditch,Bromsgrove", age=(18, None), cost=[("Day place", 58.0, "per day, usually funded by the council")],
  sched="MO,TU,WE,TH,FR 09:00-16:00", ag="adults")
S("bromsgrove-ld-hub", "lickey-edge", "Aston Fields LD hub", "day-opportunities",
  """Day opportunities for adults with LD in Bromsgrove. Small groups plan their own week: walking groups, a
  community allotment, art, and sessions on money and staying safe. Staff help people get out into the town rather
  than spending all day in the building.""",
  loc="bg-aston-fields", area="Bromsgrove", age=(18, None), cost=[("Day", 52.0, "per day"), ("Half day", 28.0, "per half day")],
  sched="MO,TU,WE,TH,FR 09:30-15:30", ag="adults")
S("horizons-pmld-day", "severnside-trust", "Horizons day service for complex needs", "day-opportunities health-therapy",
  """Day service in Worcester for adults with profound and multiple learning disabilities (PMLD). Nurses and support
  staff provide personal care, hydrotherapy, sensory stories and music. Has a Changing Places toilet and space for
  specialist wheelchairs.""",
  loc="wr-ronkswood", area="Worcester,Malvern Hills,Wychavon", age=(18, None), cost=[("Day place", 96.0, "per day, funded through assessment")],
  sched="MO,TU,WE,TH,FR 09:30-15:30", ag="adults")
S("franche-woodwork-workshop", "wyre-forest-opps", "Franche woodwork and craft workshop", "day-opportunities employment",
  """A workshop in Kidderminster where autistic adults and people with a learning disability make bird boxes,
  benches and gifts that are sold in the workshop shop. A good option for people who like practical, hands-on work
  and a steady routine.""",
  loc="kd-franche", area="Wyre Forest", age=(18, None), cost=[("Workshop day", 45.0, "per day")],
  sched="MO,TU,WE,TH 09:30-15:00", ag="adults")
S("link-top-garden", "malvern-ridge", "Link Top garden project", "day-opportunities mental-health",
  """Therapeutic gardening in a walled kitchen garden in Malvern for adults recovering from mental ill health or
  living with a disability. Grow vegetables, look after the bees and share a lunch made from the garden. Referrals
  from anyone, including self-referral.""",
  loc="ml-link", area="Malvern Hills", age=(18, None), cost="free", sched="TU,TH 10:00-15:00", ag="adults")
S("hampton-allotment-day", "vale-community", "Hampton allotment day group", "day-opportunities",
  """An outdoor day group for adults with learning disabilities on the allotments at the edge of Evesham. Planting,
  harvesting, selling produce at the market stall on Saturdays and learning to use tools safely.""",
  loc="ev-hampton", area="Wychavon", age=(18, None), cost=[("Day", 35.0, "per day")], sched="WE,TH,SA 09:30-15:00", langs="en pl", ag="adults")
S("droitwich-friendship-club", "salt-town", "Droitwich friendship and lunch club", "day-opportunities befriending",
  """A weekly lunch club for older people in Droitwich Spa: a hot two-course meal, a quiz or music, and plenty of
  chat. Transport can be booked for people who cannot get there on their own.""",
  loc="dw-salt-centre", area="Wychavon", age=(60, None), cost=[("Lunch", 6.5, "per person, including tea and cake")],
  sched="WE 11:30-14:00", ag="older-people")
S("stourport-riverside-day", "wyre-forest-opps", "Riverside day opportunities", "day-opportunities",
  """Community-based day opportunities for adults with a learning disability living in Stourport and Bewdley. Groups
  meet at the hub and then head out, to the library, the gym, the canal or a cafe, building skills for everyday life.""",
  loc="sp-basin", area="Wyre Forest", age=(18, None), cost=[("Day", 48.0, "per day")], sched="MO,WE,FR 09:30-15:30", ag="adults")
S("bewdley-community-kitchen", "bewdley-neighbours", "Bewdley community kitchen", "day-opportunities food",
  """Cookery sessions for adults who want to learn to cook on a budget, including people with learning disabilities
  and people who have recently moved into their own tenancy. Everyone eats together at the end.""",
  loc="bw-bridge", area="Wyre Forest", age=(18, None), cost=[("Session", 3.0, "per session, towards ingredients")],
  sched="TH 10:00-13:00", ag="adults")
S("tenbury-rural-day", "teme-valley-link", "Teme Valley rural day service", "day-opportunities",
  """A day service that moves around the Teme valley, meeting in village halls so people in the west of the county
  do not have to travel into town. For adults with a learning disability, autistic adults and older people who are
  isolated.""",
  loc="tb-pump-rooms", area="Malvern Hills", age=(18, None), cost=[("Day", 40.0, "per day, lunch extra")],
  sched="TU,WE,TH 10:00-15:00", ag="adults older-people")
S("transition-day-programme", "needle-mill", "Next Chapter day programme (18-25)", "day-opportunities transitions",
  """A three-day-a-week programme for young adults aged 18 to 25 leaving school or college who are not ready for work
  yet. Focus on travel training, cooking, money skills and trying out volunteering. Works with the Preparing for
  Adulthood team.""",
  loc="rd-needle-mill", area="Redditch,Bromsgrove", age=(18, 25), cost=[("Day", 50.0, "per day")],
  sched="MO,WE,FR 09:30-15:00", ag="young-people")
S("worcester-st-johns-day-centre", "severnside-trust", "St John's day centre", "day-opportunities",
  """Day centre for older adults that used to run from the St John's community rooms. This service has closed;
  people were supported to move to other day services.""",
  loc="wr-st-johns", area="Worcester", age=(65, None), status="defunct", old=True)
S("pershore-day-club", "plum-tree", "Plum Tree day club", "day-opportunities dementia",
  """A friendly day club in Pershore for older people, including people with memory problems. Chair exercise,
  reminiscence, crafts and a cooked lunch, with staff who have dementia training.""",
  loc="ps-plum-tree", area="Wychavon", age=(60, None), cost=[("Day", 38.0, "including lunch")], sched="MO,TH 10:00-15:00", ag="older-people")
S("warndon-day-opps", "severnside-trust", "Warndon community day opportunities", "day-opportunities",
  """Day opportunities for adults with LD and autistic adults in Worcester. We use the community cafe as a base
  for learning to serve customers, handle money and plan trips.""",
  loc="wr-warndon", area="Worcester", age=(18, None), cost=[("Day", 47.0, "per day")], sched="TU,WE,TH 09:30-15:00",
  status="inactive", old="assured")

# --- Employment and skills --------------------------------------------------

S("brightlines-supported-employment", "brightlines", "Supported employment (north Worcestershire)", "employment",
  """Job coaches help disabled people, autistic people and people with a learning disability find paid work and
  settle in. Support covers CVs, interviews, travel to work and on-the-job coaching, and continues once you have
  started. We also work with employers on reasonable adjustments.""",
  loc="rd-kingfisher-hub bg-housman-centre", area="Redditch,Bromsgrove", age=(18, None), cost="free",
  sched="MO,TU,WE,TH,FR 09:00-17:00")
S("brightlines-supported-internships", "brightlines", "Supported internships", "employment send transitions",
  """A one-year work placement for young people aged 16 to 24 who have an EHCP. Interns spend most of the week with
  a host employer in Worcester or Kidderminster, with a job coach, and study English and maths alongside. The aim is
  a paid job at the end.""",
  loc="wr-foregate kd-loomworks", area="Worcester,Wyre Forest,Malvern Hills", age=(16, 24), cost="free",
  sched="MO,TU,WE,TH,FR 09:00-16:00", ag="young-people")
S("wellspring-ips-employment", "wellspring", "Employment support for people using mental health services", "employment mental-health",
  """Individual Placement and Support (IPS) for people under the care of secondary mental health services. An
  employment specialist works alongside your care team to help you find a job that suits you, quickly, with ongoing
  support to keep it.""",
  area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="adults")
S("needle-mill-cafe-traineeships", "needle-mill", "Needle Mill cafe traineeships", "employment",
  """Twelve-week traineeships in the Needle Mill cafe for adults with a learning disability who want to work in
  catering. Food hygiene certificate, till skills and a reference at the end.""",
  loc="rd-needle-mill", area="Redditch", age=(18, None), cost="free", sched="TU,WE,TH 09:00-14:00", ag="adults")
S("evesham-work-club", "vale-community", "Evesham work club", "employment money-advice",
  """A weekly drop-in to search and apply for jobs, with help from volunteers and a computer to use. Polish and
  Romanian speakers are welcome and there is help with right-to-work documents.""",
  loc="ev-vale-centre", area="Wychavon", age=(16, None), cost="free", sched="WE 10:00-13:00", langs="en pl ro")
S("kidderminster-job-coaching", "brightlines", "Supported employment (Wyre Forest)", "employment",
  """Job coaching for adults in Kidderminster, Stourport and Bewdley with disabilities, long-term health conditions or
  autism. Includes work trials and help telling an employer about your condition.""",
  loc="kd-loomworks", area="Wyre Forest", age=(18, None), cost="free", sched="MO,TU,WE,TH 09:00-17:00",
  status="inactive", old=True)
S("blackpole-work-skills", "severnside-trust", "Blackpole work skills workshop", "employment day-opportunities",
  """A workshop on the Blackpole estate in Worcester where adults with LD learn warehouse and recycling skills:
  sorting, packing, using a pallet truck and working safely. Some people move on to paid work with local firms.""",
  loc="wr-blackpole", area="Worcester", age=(18, None), cost=[("Day", 44.0, "per day")], sched="MO,TU,WE,TH,FR 09:00-15:00", ag="adults")

# --- Advocacy ------------------------------------------------------------------

S("imca-service", "severn-vale-advocacy", "Independent Mental Capacity Advocacy service", "advocacy",
  """Statutory advocacy for people aged 16 and over who lack capacity to make an important decision about serious
  medical treatment or a long-term move, and who have nobody appropriate to consult. An Independent Mental Capacity
  Advocate meets the person, finds out what matters to them and represents their wishes to decision-makers.
  Referrals come from the NHS and councils.""",
  area="Worcestershire", age=(16, None), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00")
S("imha-service", "severn-vale-advocacy", "IMHA - mental health advocacy", "advocacy mental-health",
  """IMHA for people detained under the Mental Health Act or on a community treatment order. An independent advocate
  helps you understand your rights, prepare for tribunals and ward rounds and raise concerns about your care. You can
  refer yourself.""",
  area="Worcestershire", cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00")
S("care-act-advocacy", "severn-vale-advocacy", "Care Act advocacy", "advocacy",
  """If you would have substantial difficulty taking part in your care assessment, care plan review or a
  safeguarding enquiry, and no family member or friend can support you, the council must offer an independent
  advocate. We provide that advocacy across the county, including home visits.""",
  area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="adults")
S("rpr-dols-advocacy", "severn-vale-advocacy", "Paid relevant person's representative service", "advocacy",
  """When someone is deprived of their liberty in a care home or hospital under DoLS and has no family or friend to
  act for them, we provide a paid relevant person's representative. We visit regularly, check that the conditions
  are being met and can challenge the authorisation at the Court of Protection.""",
  area="Worcestershire", age=(18, None), cost="free")
S("speak-up-self-advocacy", "plain-words", "Speak Up self-advocacy group", "advocacy peer-support",
  """A self-advocacy group in Redditch run by and for people with learning disabilities. Members talk about what
  matters to them, practise speaking up, and meet councillors and NHS managers to tell them what needs to change.""",
  loc="rd-kingfisher-hub", area="Redditch,Bromsgrove", age=(18, None), cost="free", sched="2WE 13:00-15:00", ag="adults")
S("community-advocacy", "severn-vale-advocacy", "Community advocacy (non-statutory)", "advocacy",
  """Short-term advocacy for adults who need help dealing with housing, benefits, health or social care, where there
  is no legal duty to provide an advocate. Priority for people with learning disabilities, autism and mental health
  needs.""",
  loc="wr-severnside kd-loomworks", area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH 09:30-16:30",
  old="assured", ag="adults")
S("young-voices-advocacy", "young-voices", "Children and young people's advocacy", "advocacy",
  """Independent advocacy for children in care, care leavers up to 25, and children going through child protection
  or making a complaint. An advocate makes sure your views are heard in meetings and reviews. Text, phone or meet
  face to face.""",
  area="Worcestershire", age=(5, 25), cost="free", sched="MO,TU,WE,TH,FR 09:00-18:00", ag="children young-people")
S("parent-advocacy-child-protection", "young-voices", "Parent advocacy in child protection", "advocacy family-support",
  """Support for parents whose children are subject to child protection plans or pre-proceedings. An advocate helps
  you understand what is happening, prepares you for conferences and helps you work with your social worker.""",
  area="Worcestershire", age=(16, None), cost="free", status="inactive", old=True)
S("nhs-complaints-advocacy", "severn-vale-advocacy", "NHS complaints advocacy", "advocacy health-therapy",
  """Free, independent help to make a complaint about an NHS service, from a GP surgery to a hospital. An advocate
  helps you write letters, attend meetings and take things further if you are not happy with the reply.""",
  area="Worcestershire", cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00")
S("kidderminster-advocacy-drop-in", "severn-vale-advocacy", "Kidderminster advocacy drop-in", "advocacy",
  """A monthly advocacy drop-in at Loomworks for anyone who wanted advice about getting their voice heard. Replaced by
  appointments through the county advocacy line.""",
  loc="kd-loomworks", area="Wyre Forest", cost="free", sched="1TU 10:00-12:00", status="defunct", old=True)

# --- Behaviour support ---------------------------------------------------------

S("steady-ground-children-pbs", "steady-ground", "Positive behaviour support for families", "behaviour-support family-support",
  """Home-based positive behaviour support for children and young people aged 4 to 18 with a learning disability or
  autism whose behaviour is putting them at risk of school exclusion or family breakdown. A specialist watches what
  happens, works out what the behaviour is telling us, and writes a practical plan with the family and school.""",
  area="Worcestershire", age=(4, 18), cost="free", sched="MO,TU,WE,TH,FR 08:30-18:00", ag="children young-people")
S("steady-ground-adult-pbs", "steady-ground", "Adult PBS team", "behaviour-support health-therapy",
  """PBS for adults whose behaviours of concern put their home or placement at risk. We assess, write a PBS plan with
  the person and their support staff, coach the team and review regularly. Works alongside community learning
  disability nurses and psychiatry.""",
  area="Worcestershire", age=(18, None), cost=[("Commissioned package", 0.0, "Funded by the NHS or council; no charge to the person")],
  sched="MO,TU,WE,TH,FR 09:00-17:00", ag="adults")
S("pbs-parent-workshops", "steady-ground", "Understanding behaviour: workshops for parent carers", "behaviour-support family-support carers",
  """A six-week evening course for parents of autistic children and children with learning disabilities. Covers why
  behaviour happens, reducing triggers, teaching new skills and looking after yourself. Run in Redditch and Worcester.""",
  loc=[("rd-church-hill", "TU 18:30-20:30"), ("wr-st-peters", "TH 18:30-20:30")], area="Worcestershire",
  age=(18, None), cost="free")
S("pbs-training-support-staff", "steady-ground", "PBS training for support workers", "behaviour-support",
  """Two-day PBS course for paid support staff and personal assistants, with a follow-up coaching session in the
  workplace. Includes functional assessment, proactive strategies and restraint reduction.""",
  loc="wr-severnside", area="Worcestershire", age=(18, None), cost=[("Course place", 145.0, "per person for two days")],
  sched="1MO,1TU 09:30-16:00")

# --- Mental health -------------------------------------------------------------

S("camhs-community-team", "teme-severn-nhs", "Child and Adolescent Mental Health Services community team", "mental-health health-therapy",
  """Specialist NHS Child and Adolescent Mental Health Services for children and young people up to 18 with moderate
  to severe mental health difficulties, such as severe anxiety, depression, self-harm, eating disorders and psychosis.
  Referrals come from GPs, schools and social workers. Appointments are at clinics in Worcester and Kidderminster
  or at home.""",
  loc="wr-barbourne kd-clinic", area="Worcestershire", age=(0, 17), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00",
  ag="children young-people")
S("camhs-advice-line", "teme-severn-nhs", "CAMHS professionals' advice line", "mental-health information",
  """A phone consultation line for social workers, teachers and GPs who are worried about a child's mental health and
  are not sure whether to refer to CAMHS. A clinician talks the case through and suggests next steps, including
  local early-help options.""",
  area="Worcestershire", age=(0, 17), cost="free", sched="MO,TU,WE,TH,FR 10:00-16:00", ag="children young-people")
S("young-minds-counselling", "wellspring", "Clear Space youth counselling (11-25)", "mental-health",
  """Free, confidential counselling for young people aged 11 to 25 who are struggling with low mood, anxiety, exam
  stress, bullying or family problems. Up to twelve sessions in person in Redditch or Worcester, or online. Young
  people can refer themselves.""",
  loc="rd-kingfisher-hub wr-severnside", area="Worcestershire", age=(11, 25), cost="free",
  sched="MO,TU,WE,TH 15:30-20:00; SA 10:00-14:00", ag="young-people")
S("camhs-to-adult-transitions", "teme-severn-nhs", "Mental health transition support (17-25)", "mental-health transitions",
  """Support for young people moving from CAMHS to adult mental health services or to their GP. A transition
  worker starts working with the young person from about 17 and stays involved until they are settled, up to age
  25.""",
  area="Worcestershire", age=(17, 25), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="young-people")
S("talking-therapies-self-referral", "teme-severn-nhs", "NHS talking therapies (self-referral)", "mental-health",
  """Short courses of talking therapy such as CBT and counselling for adults with common problems like anxiety,
  depression, panic and OCD. Refer yourself online or by phone; no GP letter needed. Interpreters are available.""",
  area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH 08:00-20:00; FR 08:00-17:00",
  langs="en pl ur pa", ag="adults")
S("cmht-worcester", "teme-severn-nhs", "Worcester CMHT (adults)", "mental-health health-therapy",
  """The CMHT provides assessment, care coordination and treatment for adults with severe and enduring mental
  illness living in Worcester. Psychiatrists, community psychiatric nurses, social workers and OTs work together.
  Referral via a GP or another mental health service.""",
  loc="wr-barbourne", area="Worcester", age=(18, 64), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="adults")
S("recovery-college", "wellspring", "Riverbank Recovery College", "mental-health peer-support",
  """Free courses co-written and co-taught by people with lived experience of mental ill health, covering managing
  anxiety, sleep, hearing voices, money and wellbeing. Open to service users, carers and staff. Courses run in
  Worcester, Kidderminster and online.""",
  loc="wr-severnside kd-loomworks", area="Worcestershire", age=(18, None), cost="free", sched="MO,WE 10:00-13:00")
S("safe-haven-worcester", "wellspring", "Worcester evening safe haven", "mental-health crisis",
  """An evening drop-in for adults in emotional distress or mental health crisis who want a calm space and someone to
  talk to. No appointment or referral needed. Staff can help with a safety plan and link with the crisis team.""",
  loc="wr-sidbury", area="Worcester,Malvern Hills,Wychavon", age=(18, None), cost="free", sched="DAILY 18:00-23:00", ag="adults")
S("mens-talk-group", "peer-circle", "Men's Talk peer group", "mental-health peer-support",
  """A relaxed peer group for men who are finding life hard. No pressure to speak; a brew, a chat and a walk round the
  canal basins. Run by men who have been there themselves.""",
  loc="sp-basin", area="Wyre Forest", age=(18, None), cost="free", sched="MO 19:00-21:00", ag="adults")
S("hearing-voices-group", "peer-circle", "Hearing voices group (Worcester)", "mental-health peer-support",
  """A peer group for people who hear voices, see visions or have other unusual experiences. Members share what helps
  them cope, without judgement. You do not need a diagnosis to come.""",
  loc="wr-severnside", area="Worcester", age=(18, None), cost="free", sched="WE/2 14:00-16:00")
S("eating-difficulties-support", "wellspring", "Eating difficulties support group", "mental-health peer-support",
  """A monthly group for adults with eating disorders and for their families, facilitated by a trained volunteer with
  lived experience. Online and in Malvern.""",
  loc="ml-priory", area="Worcestershire", age=(18, None), cost="free", sched="3TH 18:30-20:00", old=True)
S("perinatal-wellbeing-group", "rivers-family", "Bumps and babies wellbeing group", "mental-health family-support",
  """A gentle group for parents who are pregnant or have a baby under one and are feeling low or anxious. Baby comes
  too. A health visitor and a peer supporter run each session.""",
  loc="kd-spennells", area="Wyre Forest", cost="free", sched="WE 10:00-11:30", ag="adults")
S("student-wellbeing-drop-in", "wellspring", "College wellbeing drop-in (16-19)", "mental-health",
  """Mental health drop-in for students aged 16 to 19 held at Westlands in Droitwich. Young people can talk to a
  wellbeing worker about stress, friendships or anything else. Ran as a pilot and has now ended.""",
  loc="dw-westlands", area="Wychavon", age=(16, 19), cost="free", sched="TH 13:00-16:00", status="defunct", old=True)
S("mh-wellbeing-walks", "wellspring", "Wellbeing walks", "mental-health sport-leisure",
  """Short, friendly walks around Pershore and Evesham for people whose MH is affecting how often they get out. Walks
  are led by volunteers and finish with a cuppa.""",
  loc=[("ps-plum-tree", "MO 10:30-12:00"), ("ev-vale-centre", "TH 10:30-12:00")], area="Wychavon", age=(18, None), cost="free")
S("veterans-mental-health", "wellspring", "Veterans' wellbeing service", "mental-health peer-support",
  """Support for armed forces veterans struggling with their mental health, including PTSD, drinking and problems
  adjusting to civilian life. One-to-one support from a veteran peer mentor and help to reach NHS services.""",
  area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", status="inactive", old="assured")

# --- Preparing for adulthood ----------------------------------------------------

S("preparing-for-adulthood-team", "county-partnership", "Preparing for Adulthood team", "transitions",
  """Social workers who work with young people aged 14 to 25 who are likely to need adult social care. They start
  planning early with the young person, family, school and health, so that support is in place by 18. Referral via
  the children with disabilities team or the young person's school.""",
  area="Worcestershire", age=(14, 25), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="young-people")
S("autism-transition-group", "different-minds", "Moving On: autistic young people's group", "transitions peer-support",
  """A monthly evening group for autistic young people aged 15 to 21 who are getting ready to leave school. Topics
  chosen by the group: college, jobs, relationships, and getting about on buses. Parents have their own session in the
  next room.""",
  loc="bg-housman-centre", area="Bromsgrove,Redditch", age=(15, 21), cost="free", sched="2TH 18:00-20:00", ag="young-people")
S("ld-transitions-health", "teme-severn-nhs", "Transitions nurse for young people with learning disabilities", "transitions health-therapy",
  """A learning disability nurse who supports young people aged 16 to 19 with complex health needs as they move from
  children's to adult health services, making sure nothing gets lost in the handover. The nurse joins transition reviews and writes a health summary the young person can take to adult appointments.""",
  area="Worcestershire", age=(16, 19), cost="free", sched="MO,TU,WE,TH 09:00-17:00", ag="young-people")
S("independence-skills-flat", "hearthstone", "Independence training flat", "transitions housing",
  """A practice flat in Kidderminster where young people aged 17 to 25 with LD can stay for up to two weeks to try out
  living independently: shopping, cooking, paying bills and managing time, with staff on call. Stays are planned with the young person's social worker and family, and we share what we learn to help plan future housing.""",
  loc="kd-comberton", area="Wyre Forest,Malvern Hills", age=(17, 25), cost="free", sched="DAILY 00:00-23:59", ag="young-people")
S("pfa-information-evenings", "send-compass", "Preparing for adulthood information evenings", "transitions send information",
  """Termly evenings for parents of young people aged 14 and over with special educational needs. Hear about post-16
  options, what changes at 18, mental capacity and the Court of Protection, and money. Talks are recorded for
  those who cannot attend.""",
  loc="wr-severnside", area="Worcestershire", age=(14, 25), cost="free", sched="1WE 18:00-20:00", status="inactive")

# --- Special educational needs -------------------------------------------------

S("send-compass-iass", "send-compass", "SEND Compass information, advice and support", "send information advocacy",
  """Free, impartial and confidential advice for parents, children and young people up to 25 about special educational
  needs and disabilities. We explain the law, help you prepare for school meetings and annual reviews, and can
  support you at mediation and tribunal. Helpline, email and face-to-face appointments.""",
  area="Worcestershire", age=(0, 25), cost="free", sched="MO,TU,WE,TH 09:30-16:30; FR 09:30-13:00",
  ag="children young-people")
S("ehcp-help-clinic", "send-compass", "Education, Health and Care Plan help clinic", "send",
  """One-to-one appointments for parents who want help asking for an Education, Health and Care needs assessment,
  checking a draft plan, or understanding sections B, F and I. Bring your paperwork. Held in Bromsgrove, Worcester
  and Evesham.""",
  loc=[("bg-housman-centre", "TU 10:00-14:00"), ("wr-severnside", "WE 10:00-14:00"), ("ev-vale-centre", "TH 10:00-14:00")],
  area="Worcestershire", cost="free", ag="children young-people")
S("ehcp-appeals-volunteers", "peer-circle", "EHCP appeal buddies", "send peer-support",
  """Trained parent volunteers who have been through tribunal themselves help other parents appeal EHCP decisions,
  from a refusal to assess to the wording of the final plan. Support is mostly by phone and video call.""",
  area="Worcestershire", cost="free", sched="MO,TU,WE,TH,FR 10:00-20:00")
S("parent-carer-forum", "peer-circle", "Parent carer forum", "send carers peer-support",
  """An independent group of parents of children with SEND who work with the council and NHS to improve local
  services. Join coffee mornings, share your views in surveys, and get news about changes.""",
  loc=[("wr-warndon", "2TU 10:00-12:00"), ("kd-loomworks", "3TU 10:00-12:00")], area="Worcestershire", cost="free")
S("autism-outreach-schools", "county-partnership", "Autism and social communication outreach", "send",
  """Specialist teachers who advise mainstream schools on supporting autistic pupils and those with social
  communication needs, with or without a diagnosis. Schools refer via their SENCO; parents can ask the school to
  make a referral.""",
  area="Worcestershire", age=(4, 16), cost="free", sched="MO,TU,WE,TH,FR 08:30-16:30", ag="children")
S("dyslexia-drop-in", "send-compass", "Literacy difficulties drop-in", "send",
  """A drop-in for parents worried about their child's reading, spelling or writing. Specialist teachers talk through
  what the school can do and how to help at home.""",
  loc="ml-priory", area="Malvern Hills", age=(5, 16), cost="free", sched="1SA 10:00-12:00", status="inactive", old=True)
S("send-tribunal-support", "send-compass", "Tribunal support line", "send advocacy",
  """Help for parents and young people taking a case to the SEND tribunal, including disability discrimination claims
  against schools. Advisers explain deadlines and evidence and help prepare your case statement.""",
  area="Worcestershire", age=(0, 25), cost="free", sched="MO,WE,FR 10:00-15:00", old="assured")
S("sen-home-learning-group", "rivers-family", "Special needs home education group", "send family-support",
  """A weekly meet-up for families who are home educating children with special educational needs, with shared
  activities and a chance for parents to swap ideas. Parents run the group themselves and take turns to plan the activities.""",
  loc="ps-abbey", area="Wychavon", age=(4, 16), cost=[("Family session", 3.0, "per family")], sched="WE 10:00-12:30", ag="children")

# --- Carers ------------------------------------------------------------------------

S("carers-hub-worcester", "kingfisher-carers", "Kingfisher carers' hub", "carers information",
  """Information, advice and emotional support for adults who look after someone. We can help you prepare for a
  carer's assessment, find a break, sort out a carer's emergency plan and meet other carers. Drop in at the hub or
  ring the advice line.""",
  loc="wr-severnside", area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00",
  langs="en ur pa")
S("young-carers-service", "carers-crossing", "Young carers service (8-17)", "carers family-support",
  """For children and teenagers aged 8 to 17 who help look after a parent, brother or sister. Clubs, trips, and a
  worker who can talk to your school so they understand. Anyone can refer, including the young carer.""",
  area="Worcestershire", age=(8, 17), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="children young-people")
S("young-adult-carers", "carers-crossing", "Young adult carers (16-25)", "carers transitions",
  """Support for carers aged 16 to 25 who are juggling caring with college, university or a first job. One-to-one
  support, a monthly social and help applying for a carer's assessment at 18.""",
  loc="kd-loomworks", area="Worcestershire", age=(16, 25), cost="free", sched="4TH 18:00-20:00", ag="young-people")
S("evesham-carers-cafe", "kingfisher-carers", "Evesham carers' cafe", "carers peer-support",
  """A relaxed monthly cafe for carers in Evesham and the villages. Come for a cake and a chat; a carers' adviser is
  there to answer questions and you can bring the person you care for.""",
  loc="ev-bengeworth", area="Wychavon", cost="free", sched="1FR 10:30-12:30", langs="en pl")
S("parent-carers-group-redditch", "arrowvale", "Parent carers' coffee morning (Redditch)", "carers peer-support family-support",
  """A fortnightly coffee morning for parents and carers of disabled children in Redditch, with a guest speaker once a
  term. Crèche available if booked.""",
  loc="rd-church-hill", area="Redditch", cost="free", sched="TH/2 09:30-11:30")
S("male-carers-group", "kingfisher-carers", "Male carers' group", "carers peer-support",
  """An evening group for men caring for a wife, partner, parent or child. Curry nights, a pub quiz and a chance to
  talk to others who get it.""",
  loc="bg-housman-centre", area="Bromsgrove,Redditch", age=(18, None), cost="free", sched="3WE 19:00-21:00", old=True)
S("carers-wellbeing-courses", "kingfisher-carers", "Looking After You courses for carers", "carers",
  """Short courses for unpaid carers covering moving and handling at home, managing medicines, looking after your own
  health, and planning for the future. Online and in person.""",
  loc="ml-priory", area="Worcestershire", age=(18, None), cost="free", sched="TU 10:00-12:30")
S("dementia-carers-training", "bluebell-memory", "Understanding dementia: course for family carers", "carers dementia",
  """A four-week course for family and friends caring for someone with dementia. Learn about the condition,
  communication, changes in behaviour, and the support available locally.""",
  loc="bg-housman-centre", area="Bromsgrove,Redditch,Worcester", age=(18, None), cost="free", sched="WE 13:30-15:30")
S("carers-assessment-line", "county-partnership", "Carer's assessment line", "carers information",
  """The place to ask for a carer's assessment from the council. An assessor will talk to you about how caring
  affects your life and what would help, which may include a direct payment for a break.""",
  area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH,FR 08:30-17:00")
S("tenbury-carers-group", "teme-valley-link", "Teme valley carers' group", "carers",
  """Monthly get-together for unpaid carers in Tenbury and the surrounding villages, with lunch and occasional speakers. The group is taking a break until a new volunteer organiser is found.""",
  loc="tb-pump-rooms", area="Malvern Hills", age=(18, None), cost="free", sched="2MO 12:00-14:00", status="inactive")

# --- Dementia and memory --------------------------------------------------------

S("malvern-memory-cafe", "bluebell-memory", "Malvern memory cafe", "dementia peer-support",
  """A monthly dementia cafe in Great Malvern for people living with memory problems and the people who support
  them. Tea, music and a friendly welcome, with a dementia adviser on hand for questions about diagnosis, benefits or
  planning ahead.""",
  loc="ml-priory", area="Malvern Hills", cost="free", sched="2TU 14:00-16:00", ag="older-people")
S("pershore-dementia-cafe", "bluebell-memory", "Pershore dementia cafe", "dementia",
  """Dementia cafe held at the Abbey Hall in Pershore. Singing, reminiscence boxes and games, and a quiet corner for
  carers to talk in private with our dementia support worker.""",
  loc="ps-abbey", area="Wychavon", cost="free", sched="1WE 10:30-12:30", ag="older-people")
S("bromsgrove-dementia-cafe", "bluebell-memory", "Housman dementia cafe", "dementia",
  """A fortnightly cafe in Bromsgrove for anyone affected by dementia, whether you have a diagnosis, are waiting for
  one or are a family carer. Guest speakers include the memory clinic, solicitors and the fire service.""",
  loc="bg-housman-centre", area="Bromsgrove", cost="free", sched="FR/2 13:30-15:30", ag="older-people")
S("kidderminster-memory-cafe", "loomworks", "Loomworks memory cafe", "dementia peer-support",
  """Weekly memory cafe in Kidderminster town centre with activities that suit people at different stages of
  dementia. Carers get time to chat to each other while volunteers lead the activity.""",
  loc="kd-loomworks", area="Wyre Forest", cost=[("Donation", 2.0, "suggested donation per couple")], sched="WE 14:00-16:00",
  ag="older-people")
S("upton-memory-club", "upton-riverside", "Upton memory club", "dementia befriending",
  """A small memory club in Upton-upon-Severn for people with early dementia, meeting in the Memorial Hall. Quizzes,
  old photos of the town and a riverside stroll if the weather is good.""",
  loc="up-memorial", area="Malvern Hills", cost="free", sched="3TH 10:00-12:00", ag="older-people", status="inactive", old=True)
S("singing-for-memory", "bluebell-memory", "Songs and memories singing groups", "dementia arts-culture",
  """Singing groups for people living with dementia and their carers, led by a professional musician. Familiar songs,
  simple warm-ups and no need to read music. Groups in Droitwich and Worcester.""",
  loc=[("dw-salt-centre", "MO 14:00-15:30"), ("wr-severnside", "TH 14:00-15:30")], area="Wychavon,Worcester",
  cost=[("Session", 3.0, "per person; carers free")], ag="older-people")
S("dementia-advisers", "bluebell-memory", "Dementia adviser service", "dementia information",
  """Dementia advisers support people after a diagnosis of dementia and their families, by phone and home visit.
  They explain what to expect, help with lasting power of attorney and benefits, and link people to local groups.""",
  area="Worcestershire", cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00")
S("young-onset-dementia-group", "bluebell-memory", "Young onset dementia group", "dementia peer-support",
  """A peer group for people diagnosed with dementia before the age of 65 and their partners. Walks, pub lunches and
  practical talks about work, driving and children.""",
  loc="wr-severnside", area="Worcestershire", age=(18, 64), cost="free", sched="4SA 11:00-14:00", ag="adults")
S("redditch-dementia-cafe", "bluebell-memory", "Winyates dementia cafe", "dementia",
  """A dementia-friendly cafe session every Tuesday morning in the Winyates Centre in Redditch, with a dementia
  support worker present once a month. Carers and friends are welcome to stay for the whole session.""",
  loc="rd-winyates-centre", area="Redditch", cost="free", sched="TU 10:00-12:00", ag="older-people", old="assured")

# --- Befriending -------------------------------------------------------------------------

S("telephone-befriending", "malvern-ridge", "Telephone befriending for older people", "befriending",
  """A weekly friendly phone call from the same trained volunteer for older people who feel lonely or cut off. Calls
  are at a time that suits you. Covers the whole county.""",
  area="Worcestershire", age=(60, None), cost="free", sched="MO,TU,WE,TH,FR 10:00-19:00", ag="older-people")
S("malvern-home-befriending", "malvern-ridge", "Home visiting befriending (Malvern)", "befriending",
  """A volunteer visits you at home for an hour or two each week for a chat, a game of cards or a walk to the shops.
  For adults in Malvern and nearby villages who are lonely, housebound or recently bereaved.""",
  loc="ml-barnards", area="Malvern Hills", age=(18, None), cost="free", sched="MO,TU,WE,TH,FR 09:30-16:30", ag="older-people")
S("ld-befriending", "plain-words", "Friends Together befriending", "befriending",
  """Matching adults with learning disabilities with volunteer befrienders who share their interests, from football to
  films. Befrienders meet once a fortnight to do something together in the community.""",
  area="Redditch,Bromsgrove,Worcester", age=(18, None), cost="free", sched="MO,TU,WE,TH 09:00-17:00", ag="adults")
S("young-peoples-mentoring", "young-voices", "Young people's mentoring", "befriending",
  """Volunteer mentors for young people aged 11 to 18 who are isolated, struggling at school or have few trusted
  adults around them. Mentors meet weekly for a year.""",
  area="Worcester,Wychavon", age=(11, 18), cost="free", status="inactive", old=True, ag="young-people")
S("tenbury-rural-befriending", "teme-valley-link", "Rural befriending and good neighbours", "befriending transport",
  """Volunteers in Tenbury and the Teme valley villages who visit, phone, collect prescriptions and give lifts to
  people who live alone or far from town. No age limit; just ring us.""",
  loc="tb-pump-rooms", area="Malvern Hills", cost="free", sched="MO,TU,WE,TH,FR 09:00-15:00")
S("bewdley-good-neighbours", "bewdley-neighbours", "Bewdley good neighbours", "befriending",
  """Neighbourly help for people in Bewdley who need a hand: a friendly visit, help with a form, or a lift to the
  doctor's. Volunteers are checked and trained.""",
  loc="bw-bridge", area="Wyre Forest", cost="free", sched="MO,WE,FR 10:00-13:00")
S("evesham-befriending-polish", "vale-community", "Evesham befriending", "befriending",
  """Volunteer befrienders for older and isolated people in Evesham and the surrounding villages, including
  Polish-speaking befrienders. Befrienders visit at home or meet for coffee in town each week.""",
  loc="ev-vale-centre", area="Wychavon", age=(50, None), cost="free", sched="MO,TU,WE,TH 10:00-16:00", langs="en pl", ag="older-people")

# --- Peer support --------------------------------------------------------------------

S("autistic-adults-social", "different-minds", "Autistic adults' social group", "peer-support",
  """A social group for autistic adults, organised by autistic people. Board games, a film club and a quiet room. No
  diagnosis needed and you can just watch until you feel comfortable joining in.""",
  loc="wr-severnside", area="Worcestershire", age=(18, None), cost="free", sched="2SA,4SA 13:00-16:00", ag="adults")
S("autism-parents-group", "different-minds", "Parents of autistic children group", "peer-support family-support",
  """Monthly support group for parents of autistic children and young people, whether or not they have a diagnosis.
  Share tips, hear from speakers and get through the waiting list together.""",
  loc="kd-spennells", area="Wyre Forest", cost="free", sched="1TU 19:00-21:00")
S("adhd-adults-peer-support", "peer-circle", "Adult ADHD peer support", "peer-support mental-health",
  """Peer support for adults with ADHD, diagnosed or self-identified. Meetings alternate between Bromsgrove and online,
  covering organisation, work, relationships and medication waits.""",
  loc="bg-housman-centre", area="Worcestershire", age=(18, None), cost="free", sched="3MO 19:00-20:30", ag="adults")
S("stourport-mens-shed", "basin-side", "Stourport men's shed", "peer-support day-opportunities",
  """A community workshop where people, mostly older men, make and mend things together, share skills and have a
  laugh. Everyone is welcome, including people with memory problems or a disability.""",
  loc="sp-shed", area="Wyre Forest", cost=[("Annual membership", 20.0, "per year; tea included")], sched="TU,TH 09:30-13:00",
  ag="older-people")
S("bereavement-group", "plum-tree", "Bereavement support group", "peer-support",
  """A friendly monthly group for anyone who has lost someone close. Run by trained volunteers; come along as often
  as you like.""",
  loc="ps-plum-tree", area="Wychavon", age=(18, None), cost="free", sched="2WE 14:00-16:00")
S("stroke-peer-group", "peer-circle", "Life after stroke group", "peer-support health-therapy",
  """A peer group in Kidderminster for stroke survivors and their partners, with chair exercises and speakers on
  communication, fatigue and returning to driving. This group is not meeting at the moment.""",
  loc="kd-loomworks", area="Wyre Forest", age=(18, None), cost="free", sched="1TH 13:30-15:30", status="inactive", old=True)
S("deaf-social-club", "peer-circle", "Deaf social club", "peer-support",
  """A monthly social club for Deaf BSL users in Worcester. Everything is in British Sign Language and hearing
  family members who sign are welcome.""",
  loc="wr-severnside", area="Worcestershire", cost="free", sched="1FR 18:30-21:30", langs="bfi en")
S("lgbt-young-peoples-group", "young-voices", "Out and Proud youth group", "peer-support",
  """A safe and friendly weekly group for LGBTQ+ young people aged 13 to 19 in Redditch. Youth workers run the
  sessions and there is always someone to talk to one-to-one.""",
  loc="rd-kingfisher-hub", area="Redditch,Bromsgrove", age=(13, 19), cost="free", sched="WE 18:00-20:00", ag="young-people")

# --- Money and benefits ------------------------------------------------------------

S("fairshare-benefits-advice", "fairshare", "Benefits advice line", "money-advice",
  """Free help to check what you are entitled to and make claims for Universal Credit, PIP, Attendance Allowance,
  Carer's Allowance and more. We help with mandatory reconsiderations and appeals and can come to tribunal with
  you. Phone appointments and outreach sessions in Redditch, Kidderminster and Evesham.""",
  loc=[("rd-kingfisher-hub", "MO 10:00-15:00"), ("kd-loomworks", "TU 10:00-15:00"), ("ev-vale-centre", "WE 10:00-15:00")],
  area="Worcestershire", cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", langs="en pl ur")
S("fairshare-debt-advice", "fairshare", "Debt advice", "money-advice",
  """Specialist debt advisers help you deal with rent and council tax arrears, energy debts, bailiffs and
  catalogue debts. We can set up payment plans, apply for breathing space and help with debt relief orders.""",
  loc="wr-foregate", area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH 09:30-16:30")
S("easy-read-benefits", "plain-words", "Easy-read benefits help", "money-advice information",
  """One-to-one help with benefits for adults with LD, using easy-read letters and pictures to explain what a benefit
  is, what the forms ask and what happens next. We go through brown envelopes together.""",
  loc="rd-kingfisher-hub", area="Redditch,Bromsgrove", age=(18, None), cost="free", sched="TH 10:00-15:00", ag="adults")
S("carers-money-advice", "kingfisher-carers", "Money advice for carers", "money-advice carers",
  """Benefit checks and help with Carer's Allowance, Carer Element and council tax discounts for unpaid carers.
  Appointments by phone or at the Severnside Centre.""",
  loc="wr-severnside", area="Worcestershire", age=(16, None), cost="free", sched="WE,FR 09:30-16:00")
S("energy-advice-drop-in", "basin-side", "Warm homes and energy advice drop-in", "money-advice housing",
  """Advice on cutting energy bills, grants for insulation and boilers, and help dealing with energy suppliers.
  Winter months only.""",
  loc="sp-basin", area="Wyre Forest", cost="free", sched="TU 10:00-13:00", old=True)
S("pip-form-clinic", "housman-network", "PIP form-filling clinic", "money-advice",
  """Volunteers help you fill in a Personal Independence Payment form, explaining how to describe your needs on bad
  days as well as good ones. Ended when the volunteer team moved to the Ledgerwise service.""",
  loc="bg-housman-centre", area="Bromsgrove", age=(16, 64), cost="free", sched="FR 10:00-12:00", status="defunct", old=True)

# --- Housing --------------------------------------------------------------------------

S("youth-homelessness-prevention", "hearthstone", "Young people's housing advice (16-25)", "housing transitions",
  """Advice and support for young people aged 16 to 25 who have been asked to leave home, are sofa-surfing or are
  worried about losing their home. We work with families to help young people stay at home where it is safe, and
  find somewhere suitable where it is not.""",
  loc="wr-foregate", area="Worcestershire", age=(16, 25), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="young-people")
S("tenancy-sustainment", "hearthstone", "Tenancy support service", "housing mental-health",
  """Floating support for adults who are at risk of losing their tenancy because of mental health problems, debt, or
  difficulty managing a home. A support worker visits weekly for up to six months.""",
  area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00")
S("supported-lodgings", "hearthstone", "Supported lodgings for care leavers", "housing transitions",
  """Rooms in the homes of approved hosts for care leavers and homeless young people aged 16 to 21, with a host who
  helps with cooking, budgeting and the practical side of growing up. Referrals come from the leaving care team and the young people's housing advice service.""",
  area="Worcestershire", age=(16, 21), cost=[("Rent", 0.0, "Covered by housing benefit or the leaving care team")], ag="young-people")
S("hoarding-support", "hearthstone", "Clutter and hoarding support", "housing mental-health",
  """Patient, non-judgemental support for people whose belongings are making their home unsafe. We work at your pace
  with practical decluttering and emotional support, and can attend multi-agency meetings.""",
  area="Worcester,Wychavon,Malvern Hills", age=(18, None), cost="free", sched="TU,WE,TH 09:30-16:30")
S("rough-sleeper-outreach", "hearthstone", "Street outreach team", "housing crisis",
  """Early-morning outreach to people sleeping rough in Worcester, Redditch and Kidderminster. The team offers a hot
  drink, a health check and a route into emergency accommodation.""",
  area="Worcester,Redditch,Wyre Forest", age=(18, None), cost="free", sched="DAILY 06:00-10:00")
S("housing-options-ld", "hearthstone", "Housing options for people with learning disabilities", "housing supported-living information",
  """Advice for adults with learning disabilities and their families about moving out of the family home: shared
  ownership, supported living, social housing and Shared Lives. Easy-read guides available.""",
  loc="kd-loomworks", area="Wyre Forest,Worcester", age=(18, None), cost="free", sched="WE 10:00-15:00", status="inactive")

# --- Supported living -------------------------------------------------------------------

S("severnside-supported-living", "severnside-trust", "Severnside supported living", "supported-living",
  """Supported living in shared and single flats around Worcester for adults with a learning disability or autism.
  Each person holds their own tenancy and gets the hours of support set out in their care plan, from a few hours a
  week to 24-hour support.""",
  area="Worcester", age=(18, None), cost=[("Support", 0.0, "Funded through the person's care package; rent paid separately")],
  sched="DAILY 00:00-23:59", ag="adults")
S("kidderminster-autism-supported-living", "wyre-forest-opps", "Autism supported living (Kidderminster)", "supported-living",
  """Self-contained flats with staff on site for autistic adults who need a calm, predictable home. Staff help with
  routines, cooking and getting out into the community.""",
  area="Wyre Forest", age=(18, None), cost=[("Support", 0.0, "Funded through an assessed care package")], ag="adults")
S("mh-supported-accommodation", "hearthstone", "Recovery house (mental health)", "supported-living mental-health housing",
  """Shared supported accommodation in Redditch for adults recovering from mental illness, often after a hospital
  stay. Residents have their own room and a key worker, and typically stay for up to two years before moving on.""",
  area="Redditch,Bromsgrove", age=(18, 65), cost=[("Service charge", 25.0, "per week on top of rent")], ag="adults")
S("shared-lives-long-term", "hearth-home", "Shared Lives long-term placements", "supported-living",
  """Adults who need support live with a Shared Lives carer as part of their household, sharing family life. Suits
  people with LD, autism, mental health needs or older people who want a family setting rather than a care home.""",
  area="Worcestershire", age=(18, None), cost=[("Care", 0.0, "Funded by the council after an assessment")], ag="adults")
S("extra-care-information", "county-partnership", "Extra care housing information", "supported-living housing information",
  """Information on extra care housing schemes for people over 55, where you have your own flat with care staff on
  site around the clock. We explain eligibility and waiting lists in each district.""",
  area="Worcestershire", age=(55, None), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="older-people", old=True)

# --- Community transport ------------------------------------------------------------------

S("redditch-dial-a-ride", "roadlink", "Redditch dial-a-ride", "transport",
  """Door-to-door accessible minibus for people in Redditch who cannot use ordinary buses because of disability, age
  or illness. Book a day ahead for shopping, appointments and visits. Wheelchair users welcome.""",
  loc="rd-winyates-centre", area="Redditch", cost=[("Single journey", 3.5, "within Redditch"), ("Annual membership", 12.0, "per year")],
  sched="MO,TU,WE,TH,FR 08:30-17:00")
S("wychavon-car-scheme", "roadlink", "Wychavon volunteer car scheme", "transport health-therapy",
  """Volunteer drivers take people from Evesham, Pershore, Droitwich and the villages to hospital, GP and dentist
  appointments when there is no other way to get there. Passengers pay a mileage rate.""",
  area="Wychavon", cost=[("Mileage", 0.45, "per mile, charged from the driver's home")], sched="MO,TU,WE,TH,FR 09:00-13:00",
  langs="en pl")
S("malvern-community-bus", "roadlink", "Malvern Hills community bus", "transport",
  """A scheduled community bus linking villages around Malvern, Upton and Tenbury with the towns on market days.
  Bus passes accepted.""",
  area="Malvern Hills", cost=[("Fare", 2.0, "per journey; free with a concessionary bus pass")], sched="TU,FR 09:00-15:00")
S("wyre-forest-shopper-bus", "roadlink", "Wyre Forest shopper bus", "transport",
  """A weekly shopper bus collecting people from their door in Stourport and Bewdley for a supermarket trip in
  Kidderminster. Withdrawn when the minibus was retired.""",
  area="Wyre Forest", cost=[("Return", 4.0, "per person")], sched="TH 09:30-13:00", status="defunct", old=True)
S("accessible-minibus-hire", "roadlink", "Accessible minibus hire for groups", "transport",
  """Wheelchair-accessible minibuses for community groups, day services and clubs to hire, with or without a driver. All drivers hold a minibus driving assessment certificate.""",
  loc="wr-blackpole", area="Worcestershire", cost=[("Day hire", 85.0, "plus mileage")], sched="MO,TU,WE,TH,FR 08:00-18:00")

# --- Sport, leisure and activity --------------------------------------------------------

S("splash-inclusive-swimming-worcester", "splash-club", "Inclusive swimming sessions (Worcester)", "sport-leisure",
  """Relaxed swimming sessions for disabled children and adults at Claines Lane Pool, with warmer water, a pool hoist,
  quieter music and volunteers in the water. Families and carers swim free with the person they support.""",
  loc="wr-pool", area="Worcester,Malvern Hills,Wychavon", cost=[("Swim", 3.0, "per swimmer; carers free")],
  sched="SU 16:00-17:30; WE 18:00-19:00")
S("redditch-sen-swim", "splash-club", "SEN swim club (Redditch)", "sport-leisure",
  """Swimming lessons and club sessions for children and young people aged 5 to 18 with special educational needs,
  in the teaching pool at Redditch Town Pool. Small groups, visual cues and patient coaches.""",
  loc="rd-leisure", area="Redditch,Bromsgrove", age=(5, 18), cost=[("Lesson", 6.0, "per 30-minute lesson")],
  sched="SA 08:00-10:00", ag="children young-people")
S("bromsgrove-walking-football", "vintage-boots", "Walking football (Bromsgrove)", "sport-leisure",
  """Walking football for over-50s at Sidemoor: no running, no heading, and plenty of laughs. Good for people with
  heart or joint problems, or anyone getting back into exercise. Just turn up in trainers.""",
  loc="bg-sidemoor", area="Bromsgrove", age=(50, None), cost=[("Session", 3.0, "per session")], sched="TU,FR 10:00-11:30",
  ag="older-people")
S("evesham-walking-football-mh", "active-together", "Walking football for wellbeing (Evesham)", "sport-leisure mental-health",
  """A walking football session for adults of any age who are living with anxiety, depression or other mental health
  problems. Friendly, non-competitive and followed by a cuppa.""",
  loc="ev-leisure", area="Wychavon", age=(18, None), cost="free", sched="MO 18:00-19:00", ag="adults")
S("redditch-disability-multisport", "active-together", "Multi-sport club for disabled young people", "sport-leisure",
  """Boccia, new-age kurling, football and athletics for disabled young people aged 8 to 25 in Redditch. Coaches
  adapt every activity so everyone can take part, including wheelchair users.""",
  loc="rd-leisure", area="Redditch,Bromsgrove", age=(8, 25), cost=[("Session", 4.0, "per session")], sched="TH 17:30-19:00",
  ag="children young-people")
S("kidderminster-boccia", "active-together", "Boccia club (Kidderminster)", "sport-leisure",
  """A friendly boccia club for adults with physical disabilities and older people, from beginners to league players. Equipment is provided and ramps are available for players who need them.""",
  loc="kd-loomworks", area="Wyre Forest", age=(16, None), cost=[("Session", 2.5, "per session")], sched="FR 13:00-15:00")
S("droitwich-adaptive-cycling", "active-together", "All-ability cycling (Droitwich)", "sport-leisure",
  """Adapted bikes, trikes, tandems and hand-cycles for disabled people of all ages on a traffic-free track in Lido
  Park. Staff help you find a bike that works for you.""",
  loc="dw-lido", area="Wychavon", cost=[("Ride", 5.0, "per hour; carers free")], sched="SA,SU 10:00-15:00")
S("malvern-health-walks", "active-together", "Gentle health walks (Malvern)", "sport-leisure dementia",
  """Short, flat walks around Malvern led by trained walk leaders, suitable for people with dementia, long-term
  conditions or limited mobility. Walks start and finish at Priory Lodge.""",
  loc="ml-priory", area="Malvern Hills", cost="free", sched="WE 10:30-11:30", ag="older-people")
S("autism-trampolining", "active-together", "Autism-friendly trampolining", "sport-leisure",
  """Trampoline sessions for autistic children aged 5 to 16 at Westlands, with a maximum of six children and dimmed
  lights. Currently not running while the trampolines are replaced.""",
  loc="dw-westlands", area="Wychavon", age=(5, 16), cost=[("Session", 6.0, "per child")], sched="SU 09:00-10:00",
  status="inactive", ag="children")
S("upton-chair-yoga", "upton-riverside", "Chair yoga (Upton)", "sport-leisure",
  """Seated yoga for older people and anyone with limited mobility. Gentle stretches, breathing and relaxation.""",
  loc="up-memorial", area="Malvern Hills", cost=[("Class", 4.0, "per class")], sched="MO 10:00-11:00", ag="older-people")

# --- Arts and creativity -------------------------------------------------------------------

S("open-studio-drama", "open-studio", "Open Stage inclusive drama group", "arts-culture",
  """A drama company for adults with learning disabilities that devises and performs its own shows at venues around
  the county. Rehearsals are at the Battenhall Arts Barn in Worcester; no acting experience needed.""",
  loc="wr-battenhall", area="Worcestershire", age=(18, None), cost=[("Term", 40.0, "per term; bursaries available")],
  sched="TU 13:00-16:00", ag="adults")
S("open-studio-art-mh", "open-studio", "Open Studio art sessions for wellbeing", "arts-culture mental-health",
  """Drop-in art studio in Kidderminster for adults living with mental health problems. Painting, printmaking and
  clay with an artist on hand. Materials provided.""",
  loc="kd-loomworks", area="Wyre Forest", age=(18, None), cost="free", sched="WE 13:00-16:00")
S("redditch-music-makers", "needle-mill", "Music Makers", "arts-culture day-opportunities",
  """Music sessions in Redditch for adults with LD. Drumming, singing, song-writing and recording in a small studio;
  the group plays a concert every summer.""",
  loc="rd-needle-mill", area="Redditch", age=(18, None), cost=[("Session", 7.0, "per session")], sched="FR 13:30-15:30", ag="adults")
S("bewdley-photography-club", "bewdley-neighbours", "Bewdley photography walks", "arts-culture befriending",
  """Photography walks along the river for people who want company and a reason to get out. Bring a phone or camera.""",
  loc="bw-load-street", area="Wyre Forest", cost="free", sched="2SA 10:00-12:00", old=True)
S("young-creatives", "open-studio", "Young creatives (13-19)", "arts-culture",
  """Art, animation and music production for young people aged 13 to 19, including young people with SEND. Work is
  shown at an exhibition each summer.""",
  loc="ev-vale-centre", area="Wychavon", age=(13, 19), cost="free", sched="TH 16:30-18:30", ag="young-people")
S("creative-writing-group", "open-studio", "Write It Down writing group", "arts-culture mental-health",
  """A creative writing group for adults with lived experience of mental illness. Poems, short stories and life
  writing, with an anthology published each year. The group has finished; members now meet informally.""",
  loc="wr-severnside", area="Worcester", age=(18, None), cost="free", sched="MO 14:00-16:00", status="defunct", old=True)

# --- Food and essentials --------------------------------------------------------------------

S("redditch-food-bank", "foodshare", "Redditch food bank", "food",
  """Emergency food parcels for people in crisis in Redditch. You usually need a voucher from a referral agency such
  as a social worker, GP or Citizens Advice, but we will never turn anyone away hungry on their first visit.""",
  loc=[("rd-batchley-centre", "MO,TH 12:00-14:00"), ("rd-headless-cross", "WE 12:00-14:00")], area="Redditch", cost="free")
S("kidderminster-food-bank", "foodshare", "Kidderminster food bank", "food",
  """Three days' emergency food for households in crisis in Kidderminster, with toiletries and pet food when
  available. A money adviser is at the Friday session.""",
  loc="kd-comberton", area="Wyre Forest", cost="free", sched="TU,FR 11:00-13:30")
S("evesham-food-bank", "foodshare", "Evesham food bank", "food",
  """Emergency food for people in Evesham and the villages. Vouchers from any referral agency; volunteers speak Polish,
  Romanian and Bulgarian.""",
  loc="ev-bengeworth", area="Wychavon", cost="free", sched="MO,TH 10:00-12:30", langs="en pl ro bg")
S("malvern-community-pantry", "foodshare", "Malvern community pantry", "food",
  """A membership pantry where households on low incomes pay a small weekly fee and choose around £20 of groceries.
  No referral needed; just live locally.""",
  loc="ml-barnards", area="Malvern Hills", cost=[("Weekly shop", 5.0, "per visit for members")], sched="WE 14:00-17:00")
S("holiday-food-and-fun", "rivers-family", "Holiday food and fun clubs", "food family-support",
  """Free holiday clubs with a hot meal and activities for children aged 5 to 16 who get benefits-related free school
  meals, during the Easter, summer and Christmas holidays. Places are booked through the school or the family hub.""",
  loc="wr-st-peters kd-spennells rd-church-hill", area="Worcestershire", age=(5, 16), cost="free",
  sched="MO,TU,WE,TH 10:00-14:00", ag="children")
S("stourport-community-fridge", "basin-side", "Stourport community fridge", "food",
  """Surplus food from local shops shared free with anyone who needs it, no questions asked. Bring a bag; you do not need a referral or proof of income.""",
  loc="sp-basin", area="Wyre Forest", cost="free", sched="MO,WE,FR 15:00-17:00", old="assured")

# --- Social prescribing --------------------------------------------------------------------

S("social-prescribing-link-workers", "community-connect", "Social prescribing link workers", "social-prescribing",
  """Link workers based in GP practices spend time with people whose health is affected by loneliness, money worries,
  housing or low mood, and connect them with local groups and services. Ask at your GP surgery for a referral.""",
  area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH,FR 08:30-17:00", ag="adults")
S("young-peoples-social-prescribing", "community-connect", "Social prescribing for young people (11-18)", "social-prescribing mental-health",
  """Youth link workers support young people aged 11 to 18 who are isolated or struggling, helping them find clubs,
  sport, volunteering and creative activities. Referrals from GPs, schools and school nurses.""",
  area="Redditch,Bromsgrove,Wyre Forest", age=(11, 18), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="young-people")
S("green-prescribing", "community-connect", "Green social prescribing", "social-prescribing mental-health sport-leisure",
  """Nature-based activities on prescription: conservation volunteering, community gardening and wild walks for people
  with mild to moderate mental health problems. Funding for the current programme has ended and new referrals are not being taken.""",
  loc="ml-link", area="Malvern Hills,Worcester", age=(18, None), cost="free", sched="TU,TH 10:00-14:00", status="inactive", old=True)
S("community-connectors-wychavon", "vale-community", "Community connectors", "social-prescribing information",
  """Friendly volunteers in Evesham and Pershore who help people find clubs, groups and help in their area, and will
  go along with you the first time if that makes it easier. Anyone can get in touch, including family members and professionals.""",
  loc="ev-vale-centre ps-plum-tree", area="Wychavon", cost="free", sched="MO,TU,WE,TH 10:00-15:00")

# --- Drug and alcohol --------------------------------------------------------------------------

S("clearpath-adult-service", "clearpath", "Adult drug and alcohol service", "drugs-alcohol health-therapy",
  """Free, confidential treatment for adults worried about their drinking or drug use, including opiate substitute
  prescribing, alcohol detox planning, needle exchange and recovery groups. Self-referral by phone or drop-in.""",
  loc="wr-sidbury kd-clinic rd-kingfisher-hub", area="Worcestershire", age=(18, None), cost="free",
  sched="MO,TU,WE,TH,FR 09:00-17:00; TH 17:00-19:00", ag="adults")
S("clearpath-young-people", "clearpath", "Young people's substance misuse service", "drugs-alcohol",
  """Support for young people under 18 who use drugs or alcohol, or are affected by a parent's use. Workers meet
  young people at school, at home or in town, and also advise professionals.""",
  area="Worcestershire", age=(10, 17), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:30", ag="young-people")
S("clearpath-family-support", "clearpath", "Family and friends support group", "drugs-alcohol carers",
  """A group for family members and friends of people who misuse drugs or alcohol, offering support, information and
  coping strategies. You can come whether or not your relative is in treatment.""",
  loc="wr-sidbury", area="Worcestershire", age=(16, None), cost="free", sched="TU 18:00-19:30")
S("recovery-cafe", "peer-circle", "Recovery cafe", "drugs-alcohol peer-support",
  """An alcohol- and drug-free Saturday cafe in Redditch run by people in recovery. Good food, mutual aid meetings and
  a place to build a new social life.""",
  loc="rd-kingfisher-hub", area="Redditch", age=(18, None), cost="free", sched="SA 11:00-15:00", old="assured")

# --- Domestic abuse -------------------------------------------------------------------------------

S("safe-harbour-helpline", "safe-harbour", "Domestic abuse helpline", "domestic-abuse crisis",
  """A 24-hour helpline for anyone experiencing domestic abuse, and for friends, family and professionals worried
  about someone. Call handlers can do a risk assessment, help with a safety plan and refer to refuge or outreach.
  Interpreters available.""",
  area="Worcestershire", cost="free", sched="DAILY 00:00-23:59", langs="en pl ur pa bn")
S("safe-harbour-refuge", "safe-harbour", "Refuge accommodation", "domestic-abuse housing",
  """Safe, confidential refuge accommodation for women and their children fleeing domestic abuse. The address is not
  published; referrals through the helpline.""",
  area="Worcestershire", age=(16, None), cost=[("Rent", 0.0, "Covered by housing benefit")])
S("safe-harbour-idva", "safe-harbour", "IDVA service", "domestic-abuse advocacy",
  """Independent domestic violence advisers support people at high risk of serious harm, working with the police,
  courts and MARAC to keep them safe. Referrals from professionals after a DASH risk assessment.""",
  area="Worcestershire", age=(16, None), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00")
S("children-recovery-programme", "safe-harbour", "Children's recovery programme", "domestic-abuse family-support",
  """A ten-week group programme for children aged 5 to 12 who have lived with domestic abuse, run alongside a
  parallel group for their mum. Referrals through the helpline or a social worker.""",
  loc="wr-st-peters", area="Worcester,Malvern Hills", age=(5, 12), cost="free", sched="WE 16:00-17:30", ag="children")
S("teen-relationships-programme", "safe-harbour", "Healthy relationships for teenagers", "domestic-abuse",
  """Group and one-to-one work for young people aged 13 to 18 who have experienced abuse in their own relationships.
  Currently paused while we recruit.""",
  area="Worcestershire", age=(13, 18), cost="free", status="inactive", ag="young-people")

# --- Health and therapy -------------------------------------------------------------------------

S("cldt-nursing", "teme-severn-nhs", "Community learning disability nursing", "health-therapy",
  """Specialist nurses for adults with a learning disability whose health needs are not being met by ordinary
  services. They help with epilepsy, annual health checks, hospital passports, desensitisation for blood tests and
  making health information accessible.""",
  area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="adults")
S("ld-health-facilitation", "teme-severn-nhs", "LD health facilitation team", "health-therapy information",
  """Health facilitators help GP surgeries get LD annual health checks right and support people with LD to
  understand cancer screening and vaccinations. Works with easy-read and reasonable adjustments.""",
  area="Worcestershire", age=(14, None), cost="free", sched="MO,TU,WE,TH 09:00-17:00")
S("childrens-slt", "teme-severn-nhs", "Children's speech and language therapy", "health-therapy send",
  """NHS speech and language therapy for children from birth to 18 with speech, language, communication or
  eating and drinking difficulties. Parents can refer children under five; schools refer older children.""",
  loc="kd-clinic wr-barbourne", area="Worcestershire", age=(0, 17), cost="free", sched="MO,TU,WE,TH,FR 08:30-16:30",
  ag="children young-people")
S("talkwell-adult-salt", "talkwell", "Adult SALT clinic", "health-therapy",
  """Private SALT for adults after stroke or head injury, and for people with learning disabilities who use signing
  or communication aids. Assessments at our Evesham clinic or at home.""",
  loc="ev-bengeworth", area="Wychavon,Worcester", age=(18, None), cost=[("Assessment", 120.0, "90 minutes"), ("Therapy session", 75.0, "per hour")],
  sched="MO,TU,WE,TH 09:00-17:00", ag="adults")
S("ot-equipment-clinic", "county-partnership", "Equipment and adaptations drop-in", "health-therapy",
  """Try out equipment such as bath lifts, perching stools and grab rails, and get advice from an occupational therapist
  about making home safer. Some small items can be issued on the day.""",
  loc="dw-salt-centre", area="Wychavon,Worcester", cost="free", sched="2TH 10:00-13:00", old=True)
S("autism-assessment-info", "different-minds", "Waiting well: autism assessment support", "health-therapy information peer-support",
  """Information and workshops for adults on the waiting list for an autism assessment, covering what the assessment
  involves, reasonable adjustments at work and where to get support before a diagnosis. Sessions are run online in the evening.""",
  area="Worcestershire", age=(18, None), cost="free", sched="3WE 18:00-19:30", ag="adults")

# --- Direct payments --------------------------------------------------------------------------------

S("pa-connect-direct-payments", "pa-connect", "Direct payments support service", "direct-payments",
  """Help for people who receive a direct payment, and their families, to set up and manage it: opening a
  separate account, recording spending, recruiting and employing personal assistants, and understanding employer
  responsibilities. Advisers can visit at home if you prefer.""",
  loc="wr-foregate", area="Worcestershire", cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00")
S("pa-finder", "pa-connect", "PA finder", "direct-payments employment",
  """An online board where people using a personal budget advertise for a PA, and where personal assistants list
  their experience and availability. Free to use on both sides.""",
  area="Worcestershire", cost="free")
S("dp-payroll", "pa-connect", "Managed accounts and payroll for DPs", "direct-payments",
  """A payroll and managed account service for people using DPs who do not want to handle the paperwork of being an
  employer themselves. We pay staff, deal with HMRC and pension contributions, and send a simple monthly statement.""",
  area="Worcestershire", cost=[("Payroll", 9.5, "per employee per month"), ("Managed account", 22.0, "per month")],
  sched="MO,TU,WE,TH,FR 09:00-17:00")

# --- Crisis ---------------------------------------------------------------------------------------

S("nightlight-listening-line", "nightlight", "Nightlight listening line", "crisis mental-health",
  """A listening line run by trained volunteers, open every night, for anyone who is struggling to cope or having
  thoughts of suicide. You do not need to be in crisis to call. Calls are free and confidential.""",
  area="Worcestershire", cost="free", sched="DAILY 18:00-23:59")
S("mental-health-crisis-line", "teme-severn-nhs", "24/7 mental health crisis line", "crisis mental-health",
  """NHS crisis line for people of any age in mental health crisis, or worried about someone who is. Staff can
  assess over the phone and arrange an urgent visit from the home treatment team. Open 24 hours, every day.""",
  area="Worcestershire", cost="free", sched="DAILY 00:00-23:59")
S("emergency-duty-team", "county-partnership", "Out-of-hours social care", "crisis",
  """The out-of-hours emergency duty team deals with urgent adult and children's social care situations that cannot
  wait until the next working day, including safeguarding concerns. During office hours contact the usual adult or children's social care front door instead.""",
  area="Worcestershire", cost="free", sched="MO,TU,WE,TH,FR 17:00-23:59; SA,SU 00:00-23:59")

# --- Community safety ------------------------------------------------------------------------------

S("safespeak-hate-crime", "safespeak", "Hate crime reporting and support", "community-safety",
  """Report a hate crime or hate incident, including disability hate crime, without having to go to the police first.
  A caseworker supports you, can report on your behalf and helps with the impact. Easy-read reporting form available.""",
  loc="wr-severnside kd-loomworks", area="Worcestershire", cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00")
S("safe-places-scheme", "plain-words", "Safe Stop scheme", "community-safety",
  """Shops, libraries and cafes displaying a sticker where people with learning disabilities, autistic people or
  anyone who feels scared or lost can go to get help. Members carry a card with emergency contacts.""",
  area="Redditch,Bromsgrove,Wyre Forest", cost="free")

# --- Information -------------------------------------------------------------------------------------

S("plain-words-easy-read", "plain-words", "Easy-read information service", "information",
  """A team of people with learning disabilities and writers who turn letters, leaflets and care plans into
  easy-read. Individuals can also ask for help to understand a letter from the council or NHS.""",
  loc="rd-kingfisher-hub", area="Worcestershire", cost=[("For individuals", 0.0, "Free"), ("For organisations", 65.0, "per page")],
  sched="MO,TU,WE,TH 10:00-16:00")
S("family-information-service", "rivers-family", "Family information service", "information family-support",
  """Information on childcare, activities, the local offer for SEND and financial help for families. Phone, email or
  webchat.""",
  area="Worcestershire", age=(0, 25), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="children young-people")
S("digital-skills-drop-in", "housman-network", "Digital skills drop-in", "information",
  """Help to use a phone, tablet or computer: video calls, online shopping, NHS app and keeping safe online. Tablets
  can be borrowed.""",
  loc="rb-library", area="Bromsgrove", cost="free", sched="TU 10:00-12:00", ag="older-people")
S("bsl-information-service", "plain-words", "BSL information and access service", "information",
  """Helps Deaf BSL users get information from services, book interpreters and understand letters, via video call or
  face to face. The service is suspended while a new provider is found.""",
  area="Worcestershire", cost="free", sched="MO,WE,FR 10:00-16:00", langs="bfi en", status="inactive", old=True)

# --- Volunteering -------------------------------------------------------------------------------------

S("volunteer-junction-redditch", "volunteer-junction", "Volunteer Junction (Redditch and Bromsgrove)", "volunteering",
  """Find a volunteering role that suits you, from charity shops to befriending. Advisers match people to roles and
  follow up to see how it is going.""",
  loc="rd-kingfisher-hub", area="Redditch,Bromsgrove", age=(14, None), cost="free", sched="MO,TU,WE,TH 10:00-15:00")
S("supported-volunteering", "volunteer-junction", "Supported volunteering", "volunteering employment",
  """Volunteering with a support worker for adults with a learning disability, autism or mental health needs who
  want to build skills and confidence. We find a placement and stay alongside until you are settled.""",
  area="Worcestershire", age=(18, None), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00", ag="adults")
S("young-volunteers", "volunteer-junction", "Young volunteers (14-18)", "volunteering",
  """Short volunteering projects for teenagers, including Duke of Edinburgh sections, in Worcester and Malvern. Young people get a certificate and a reference after twenty hours.""",
  loc="wr-severnside", area="Worcester,Malvern Hills", age=(14, 18), cost="free", sched="SA 10:00-13:00", ag="young-people", old=True)
S("wyre-forest-volunteering", "volunteer-junction", "Volunteer Junction (Wyre Forest)", "volunteering",
  """Volunteer centre drop-in at Loomworks for people in Kidderminster, Stourport and Bewdley. Closed; now covered by
  the county-wide team.""",
  loc="kd-loomworks", area="Wyre Forest", cost="free", sched="WE 10:00-14:00", status="defunct", old=True)

# --- Family support ---------------------------------------------------------------------------------

S("family-hub-redditch", "rivers-family", "Church Hill family hub", "family-support",
  """Family hub in Redditch offering stay and play, baby clinics, parenting support and early help for families with
  children aged 0 to 19, or up to 25 with SEND. Drop in or ring to speak to a family worker.""",
  loc="rd-church-hill", area="Redditch", age=(0, 25), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00",
  ag="children young-people")
S("autism-parenting-course", "different-minds", "Parenting an autistic child course", "family-support",
  """An eight-week course for parents of children recently diagnosed with autism, covering sensory needs,
  communication, anxiety and meltdowns. Runs in Kidderminster and online.""",
  loc="kd-spennells", area="Wyre Forest,Worcester", cost="free", sched="TU 09:30-12:00")
S("early-help-family-support", "rivers-family", "Early help family support", "family-support",
  """Family support workers help families with children of any age who are struggling with routines, school
  attendance, behaviour or money, before problems grow. Families can ask for help themselves.""",
  area="Worcestershire", age=(0, 18), cost="free", sched="MO,TU,WE,TH,FR 09:00-17:00")
S("dads-group", "rivers-family", "Dads and kids Saturday club", "family-support",
  """A Saturday morning club for dads, grandads and male carers with children under 8. Play, breakfast and a chat.""",
  loc="kd-spennells", area="Wyre Forest", cost="free", sched="1SA,3SA 09:30-11:30", ag="children")
S("kinship-carers-support", "carers-crossing", "Kinship carers' support", "family-support carers",
  """Support for grandparents and other relatives raising a child who cannot live with their parents, including
  special guardianship and family and friends foster carers. Monthly coffee mornings, advice on allowances and a helpline staffed by kinship carers.""",
  loc="wr-st-peters", area="Worcestershire", cost="free", sched="2TH 10:00-12:00")


# ===========================================================================
# Expansion to nested ORUK 3.0 JSON
# ===========================================================================

DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"
ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth", "-1": "last"}
# first date in January 2026 for each weekday (used as dtstart for fortnightly rules)
FIRST_JAN_2026 = {"TH": "2026-01-01", "FR": "2026-01-02", "SA": "2026-01-03", "SU": "2026-01-04", "MO": "2026-01-05", "TU": "2026-01-06", "WE": "2026-01-07"}
ASSURER_EMAIL = "directory-team@practicecommons.example"
TAXONOMY_URI = "https://practicecommons.example/taxonomies"
FUNDING_SOURCES = [
    "Grant from the county council and local charitable trusts.",
    "Commissioned by the local authority.",
    "Charitable donations, fundraising and community grants.",
    "Fees from personal budgets and self-funders, topped up by grants.",
    "Lottery and charitable trust grants.",
]


def _time(hhmm: str) -> str:
    return f"{hhmm}:00"


def _clock(hhmm: str) -> str:
    h, m = (int(x) for x in hhmm.split(":"))
    if (h, m) == (23, 59):
        return "midnight"
    if (h, m) == (12, 0):
        return "noon"
    suffix = "am" if h < 12 else "pm"
    h12 = h % 12 or 12
    return f"{h12}{suffix}" if m == 0 else f"{h12}:{m:02d}{suffix}"


def _days_text(byday: str, freq: str, interval: int) -> str:
    parts = byday.split(",")
    if freq == "MONTHLY":
        texts = []
        for p in parts:
            m = re.fullmatch(r"(-?\d)([A-Z]{2})", p)
            texts.append(f"{ORDINALS[m.group(1)]} {DAY_NAMES[m.group(2)]}")
        text = " and ".join(texts) + " of the month"
        return text[0].upper() + text[1:]
    if byday == ALL_DAYS:
        return "Every day"
    if byday == "MO,TU,WE,TH,FR":
        return "Monday to Friday"
    if byday == "MO,TU,WE,TH":
        return "Monday to Thursday"
    names = [DAY_NAMES[p] + "s" for p in parts]
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return ("Every other " + DAY_NAMES[parts[0]]) if interval == 2 else text


def expand_schedule(spec: str, owner: str, attending: str, sal_id: str | None = None) -> list[dict]:
    out = []
    for i, part in enumerate(p.strip() for p in spec.split(";") if p.strip()):
        days, times = part.split()
        opens, closes = times.split("-")
        interval = 1
        if days.endswith("/2"):
            days, interval = days[:-2], 2
        if days == "DAILY":
            days = ALL_DAYS
        freq = "MONTHLY" if re.match(r"-?\d", days) else "WEEKLY"
        sched = {"id": uid("schedule", f"{owner}:{i}")}
        if sal_id:
            sched["service_at_location_id"] = sal_id
        sched.update({"freq": freq, "interval": interval, "byday": days})
        if interval == 2:
            sched["dtstart"] = FIRST_JAN_2026[days.split(",")[0]]
        sched["opens_at"] = _time(opens)
        sched["closes_at"] = _time(closes)
        if (opens, closes) == ("00:00", "23:59"):
            hours = "24 hours"
        else:
            hours = f"{_clock(opens)} to {_clock(closes)}"
        sched["description"] = f"{_days_text(days, freq, interval)}, {hours}."
        sched["attending_type"] = attending
        out.append(sched)
    return out


def _date_in(slug: str, salt: str, start: str, end: str) -> tuple[str, str]:
    """A deterministic (date, datetime) between two ISO dates."""
    from datetime import date, timedelta

    d0, d1 = date.fromisoformat(start), date.fromisoformat(end)
    h = int(hashlib.sha256(f"{salt}:{slug}".encode()).hexdigest(), 16)
    d = d0 + timedelta(days=h % ((d1 - d0).days + 1))
    hh, mm, ss, ms = 8 + (h >> 8) % 10, (h >> 16) % 60, (h >> 24) % 60, (h >> 32) % 1000
    return d.isoformat(), f"{d.isoformat()}T{hh:02d}:{mm:02d}:{ss:02d}.{ms:03d}Z"


def service_dates(slug: str, old) -> tuple[str, str]:
    """(assured_date, last_modified). Data "as of" late November 2026."""
    recent = ("2026-05-01", "2026-11-20")
    stale = ("2024-03-01", "2025-10-31")
    mod_range = stale if old is True else recent
    _, last_modified = _date_in(slug, "modified", *mod_range)
    if old:  # True or "assured"
        assured, _ = _date_in(slug, "assured", "2024-03-01", min(last_modified[:10], "2025-10-31"))
    else:
        assured, _ = _date_in(slug, "assured", "2026-04-15", last_modified[:10])
    return assured, last_modified


def phone_number(key: str, kind: str) -> str:
    n = int(hashlib.sha256(key.encode()).hexdigest(), 16) % 1000
    if kind == "freephone":
        return f"0808 157 0{n:03d}"
    if kind == "mobile":
        return f"07700 900{n:03d}"
    return pick([f"0121 496 0{n:03d}", f"01632 960{n:03d}"], key, "area")


def taxonomy_detail(tax: str) -> dict:
    name, desc, version = TAXONOMIES[tax]
    return {"id": uid("taxonomy", tax), "name": name, "description": desc, "uri": f"{TAXONOMY_URI}/{tax}", "version": version}


def taxonomy_term(tax: str, term: str) -> dict:
    terms = LOCAL_OFFER_TERMS if tax == "local-offer" else AGE_GROUP_TERMS
    name, desc = terms[term]
    return {
        "id": uid("taxonomy_term", f"{tax}:{term}"),
        "name": name,
        "description": desc,
        "taxonomy": TAXONOMIES[tax][0],
        "taxonomy_id": uid("taxonomy", tax),
        "term_uri": f"{TAXONOMY_URI}/{tax}/{term}",
        # HSDS 3.0 nests the taxonomy itself here; the ORUK schema allows the extra key.
        "taxonomy_detail": taxonomy_detail(tax),
    }


def build_location(venue: str) -> dict:
    name, street, town, postcode, access, description = VENUES[venue]
    lat, lon, _district = POSTCODES[postcode]
    loc = {
        "id": uid("location", venue),
        "location_type": "physical",
        "name": name,
        "description": description,
        "latitude": round(lat + jitter(venue, "lat", 0.0006), 5),
        "longitude": round(lon + jitter(venue, "lon", 0.0009), 5),
        "addresses": [{
            "id": uid("address", venue),
            "location_id": uid("location", venue),
            "address_1": street,
            "city": town,
            "region": "West Midlands",
            "state_province": "Worcestershire",
            "postal_code": postcode,
            "country": "GB",
            "address_type": "physical",
        }],
        "accessibility": [],
    }
    for code in access.split():
        text, details = ACCESS[code]
        item = {"id": uid("accessibility", f"{venue}:{code}"), "location_id": loc["id"], "description": text}
        if details:
            item["details"] = details
        item["accessibility"] = text
        loc["accessibility"].append(item)
    return loc


def build_organization(org: str) -> dict:
    name, description, reg = ORGS[org]
    out = {
        "id": uid("organization", org),
        "name": name,
        "description": description,
        "email": f"hello@{org}.example",
        "website": f"https://{org}.example/",
        "uri": f"https://{org}.example/",
        "organization_identifiers": [],
    }
    if reg:
        kind = "Charity number" if reg.startswith("C1") else "Company number"
        out["organization_identifiers"].append({
            "id": uid("organization_identifier", org),
            "organization_id": out["id"],
            "identifier_scheme": "GB-DEMO",
            "identifier_type": f"{kind} (fictional)",
            "identifier": reg.split()[-1].lstrip("C") if kind == "Charity number" else reg.split()[-1],
        })
    else:
        del out["organization_identifiers"]
    return out


def build_service(rec: dict) -> dict:
    slug, org = rec["slug"], rec["org"]
    sid = uid("service", slug)
    assured, modified = service_dates(slug, rec.get("old", False))
    locs = rec.get("loc", "")
    if isinstance(locs, str):
        locs = [(v, None) for v in locs.split()]
    else:
        locs = [(v, None) if isinstance(v, str) else v for v in locs]
    attending = "In person" if locs else "By phone, video call or online"
    svc: dict = {
        "id": sid,
        "organization_id": uid("organization", org),
        "name": rec["name"],
        "description": rec["description"],
        "url": f"https://{org}.example/services/{sid[:8]}",  # no slug in the URL: keeps jargon tests honest
        "email": f"hello@{org}.example",
        "status": rec.get("status", "active"),
    }
    age_min, age_max = rec.get("age", (None, None))
    if age_min is not None:
        svc["minimum_age"] = age_min
    if age_max is not None:
        svc["maximum_age"] = age_max
    svc["assured_date"] = assured
    svc["assurer_email"] = ASSURER_EMAIL
    if rec.get("alert"):
        svc["alert"] = rec["alert"]
    svc["last_modified"] = modified
    svc["schedules"] = expand_schedule(rec.get("sched", ""), slug, attending)
    svc["service_areas"] = [
        {"id": uid("service_area", f"{slug}:{a}"), "service_id": sid, "name": a, "service_area": AREA_TEXT[a], "uri": AREA_URIS[a]}
        for a in (x.strip() for x in rec.get("area", "").split(",")) if a
    ]
    svc["service_at_locations"] = []
    for venue, sched in locs:
        sal_id = uid("service_at_location", f"{slug}:{venue}")
        sal = {"id": sal_id, "service_id": sid, "location_id": uid("location", venue), "location": build_location(venue)}
        if sched:
            # HSDS 3.0 puts location-specific times on service_at_location; allowed as an extra key in ORUK.
            sal["schedules"] = expand_schedule(sched, f"{slug}:{venue}", "In person", sal_id)
        svc["service_at_locations"].append(sal)
    svc["languages"] = [
        {"id": uid("language", f"{slug}:{code}"), "service_id": sid, "name": LANGUAGES[code], "code": code}
        for code in rec.get("langs", "en").split()
    ]
    svc["organization"] = build_organization(org)
    svc["funding"] = [{"id": uid("funding", slug), "service_id": sid, "source": pick(FUNDING_SOURCES, slug, "funding")}]
    cost = rec.get("cost")
    if cost == "free":
        svc["cost_options"] = [{"id": uid("cost_option", f"{slug}:free"), "service_id": sid, "option": "Free", "amount": 0, "amount_description": "No charge"}]
    elif cost:
        svc["cost_options"] = [
            {"id": uid("cost_option", f"{slug}:{i}"), "service_id": sid, "valid_from": "2026-04-01", "valid_to": "2027-03-31",
             "option": option, "amount": amount, "amount_description": desc}
            for i, (option, amount, desc) in enumerate(cost)
        ]
    else:
        svc["cost_options"] = []
    person = f"{pick(FIRST_NAMES, slug, 'first')} {pick(LAST_NAMES, slug, 'last')}"
    svc["contacts"] = [{"id": uid("contact", slug), "service_id": sid, "name": person, "title": rec.get("title") or pick(CONTACT_TITLES, slug, "title")}]
    # HSDS 3.0 has service.phones; ORUK 3.0's service schema does not list it but allows extra keys.
    kind = "freephone" if "crisis" in rec["terms"] else "landline"
    svc["phones"] = [{"id": uid("phone", slug), "number": phone_number(slug, kind), "description": "Main number"}]
    if "young-people" in rec.get("ag", "").split() and rec.get("status", "active") == "active":
        svc["phones"].append({"id": uid("phone", f"{slug}:text"), "number": phone_number(slug, "mobile"), "description": "Text message line"})
    attrs = []
    for term in rec["terms"]:
        tt = taxonomy_term("local-offer", term)
        attrs.append({"id": uid("attribute", f"{slug}:local-offer:{term}"), "link_id": sid, "taxonomy_term_id": tt["id"], "link_type": "service_category", "taxonomy_term": tt})
    for term in rec.get("ag", "").split():
        tt = taxonomy_term("age-group", term)
        attrs.append({"id": uid("attribute", f"{slug}:age-group:{term}"), "link_id": sid, "taxonomy_term_id": tt["id"], "link_type": "audience", "taxonomy_term": tt})
    svc["attributes"] = attrs
    return svc


def build_all() -> list[dict]:
    slugs = [r["slug"] for r in SERVICES]
    assert len(slugs) == len(set(slugs)), "duplicate service slug"
    for r in SERVICES:
        assert r["org"] in ORGS, r["slug"]
        for t in r["terms"]:
            assert t in LOCAL_OFFER_TERMS, (r["slug"], t)
        assert r.get("loc") or r.get("area"), f"{r['slug']} has neither a location nor a service area"
        n = len(re.findall(r"[.!?](\s|$)", r["description"]))
        assert 2 <= n <= 5, (r["slug"], n, "sentences")
    return [build_service(r) for r in SERVICES]


# ===========================================================================
# Relevance judgements
# R(query, expected slugs, why, postcode=, radius_miles=, age=, lacks=regex)
#   lacks: a pattern that must NOT appear anywhere in the expected records, so
#   abbreviation tests really depend on expanding or abbreviating the query.
# ===========================================================================

RELEVANCE: list[dict] = []


def R(query, expected, why, lacks=None, **kw):
    RELEVANCE.append(dict(query=query, expected=expected.split(), why=why, lacks=lacks, **kw))


R("respite for a 17 year old near Redditch",
  "arrowvale-overnight-breaks next-steps-weekend-breaks astwood-bank-youth-clubs alvechurch-canal-adventures lickey-edge-shared-care",
  "Active short breaks in or near Redditch whose age range includes 17. Adult-only respite (Oakenshaw, the sitting "
  "service, Bromsgrove 18-30), the inactive Matchborough breaks and the defunct Saturday Club must not appear.",
  postcode="B97 4DN", radius_miles=5, age=17)
R("adult respite Redditch", "oakenshaw-adult-respite headless-cross-sitting-service bromsgrove-young-adults-respite",
  "Respite for adults (18+) in or serving Redditch.", postcode="B98 8AH", radius_miles=5, age=25)
R("respit", "arrowvale-overnight-breaks oakenshaw-adult-respite malvern-respite-lodge bromsgrove-young-adults-respite droitwich-dementia-day-respite headless-cross-sitting-service carers-emergency-respite",
  "Typo for 'respite': any respite service should rank in the top 5.")
R("short breaks 16-25 Kidderminster", "moving-on-breaks-kidderminster",
  "Only active short-break service for young adults in Wyre Forest.", postcode="DY10 1AB", radius_miles=5, age=19)
R("advocasy", "imca-service care-act-advocacy community-advocacy nhs-complaints-advocacy young-voices-advocacy imha-service",
  "Typo for 'advocacy'.")
R("IMCA", "imca-service", "Record only says 'Independent Mental Capacity Advocate'; needs the glossary expansion.",
  lacks=r"\bIMCA\b")
R("independent mental health advocate", "imha-service", "Record only uses the abbreviation IMHA.",
  lacks=r"independent mental health advoca")
R("Care Act advocate for assessment", "care-act-advocacy", "Statutory advocacy under the Care Act.", age=70)
R("deprivation of liberty safeguards representative", "rpr-dols-advocacy", "Record says 'DoLS' and 'deprived of their liberty'.",
  lacks=r"deprivation of liberty")
R("dementa cafe", "malvern-memory-cafe pershore-dementia-cafe bromsgrove-dementia-cafe kidderminster-memory-cafe redditch-dementia-cafe",
  "Typo for 'dementia'; the Upton memory club is inactive and must not appear.")
R("dementia cafe Pershore", "pershore-dementia-cafe", "Place-specific dementia cafe.", postcode="WR10 1BU", radius_miles=3)
R("day centre for someone with dementia in Pershore", "pershore-day-club", "Day club with dementia-trained staff in Pershore.",
  postcode="WR10 1BU", radius_miles=5, age=82)
R("LD day centre", "needle-mill-day-service stourport-riverside-day hampton-allotment-day",
  "These records only say 'learning disability'; the abbreviation LD must be expanded.", lacks=r"\bLD\b", age=30)
R("learning disability day service Bromsgrove", "bromsgrove-ld-hub",
  "The Bromsgrove hub is described only with 'LD'; the query must be abbreviated or the record expanded.",
  lacks=r"learning disab", postcode="B60 1AD", radius_miles=3, age=30)
R("LD nurse", "cldt-nursing", "Community nursing record only says 'learning disability'.", lacks=r"\bLD\b", age=30)
R("positive behaviour support for adults", "steady-ground-adult-pbs pbs-training-support-staff",
  "Adult records only say 'PBS'.", lacks=r"positive behaviour", age=30)
R("PBS for a child", "steady-ground-children-pbs", "Children's record only says 'positive behaviour support'.",
  lacks=r"\bPBS\b", age=10)
R("CAMHS", "camhs-community-team", "Record spells out 'Child and Adolescent Mental Health Services' and never says CAMHS.",
  lacks=r"\bCAMHS\b", age=14)
R("child and adolescent mental health advice line for professionals", "camhs-advice-line",
  "Record only says 'CAMHS'.", lacks=r"adolescent")
R("moving from CAMHS to adult mental health services", "camhs-to-adult-transitions", "Transition support 17-25.", age=18)
R("EHCP help", "ehcp-help-clinic", "Record only says 'Education, Health and Care Plan'.", lacks=r"\bEHCP\b")
R("education health and care plan appeal", "ehcp-appeals-volunteers send-tribunal-support",
  "Both records only use the abbreviations EHCP and SEND.", lacks=r"education,? health and care")
R("SENDIASS", "send-compass-iass", "SENDIASS-style service; the record never uses the acronym SENDIASS.", lacks=r"SENDIASS")
R("SEND advice for parents", "send-compass-iass send-tribunal-support ehcp-help-clinic", "SEND information and advice.")
R("supported internship", "brightlines-supported-internships", "Supported internships for young people with an EHCP.", age=19)
R("supported employment autism", "brightlines-supported-employment franche-woodwork-workshop",
  "Job coaching and practical work for autistic adults; the Wyre Forest job coaching is inactive.", age=28)
R("walking football", "bromsgrove-walking-football", "Walking football near Bromsgrove.", postcode="B61 8DA", radius_miles=5, age=62)
R("walking football for mental health", "evesham-walking-football-mh", "Walking football for wellbeing in Evesham.", age=35)
R("inclusive swimming", "splash-inclusive-swimming-worcester", "Inclusive swim sessions in Worcester.", postcode="WR1 2ES", radius_miles=5)
R("swimming for autistic child Redditch", "redditch-sen-swim", "SEN swimming in Redditch.", postcode="B97 4DN", radius_miles=5, age=9)
R("food bank", "kidderminster-food-bank", "Food bank in Kidderminster.", postcode="DY10 1AB", radius_miles=3)
R("food bank Evesham Polish", "evesham-food-bank", "Evesham food bank with Polish-speaking volunteers.", postcode="WR11 4RY", radius_miles=5)
R("carers cafe Evesham", "evesham-carers-cafe", "Carers' cafe in Evesham.", postcode="WR11 4RY", radius_miles=5)
R("young carers", "young-carers-service", "Young carers aged 8-17.", age=12)
R("carers assessment", "carers-assessment-line carers-hub-worcester", "Carer's assessment.", age=55)
R("domestic abuse helpline", "safe-harbour-helpline", "24-hour domestic abuse helpline.")
R("drugs and alcohol support for a 15 year old", "clearpath-young-people", "Young people's substance service.", age=15)
R("help with PIP claim", "fairshare-benefits-advice", "PIP claims; the PIP form clinic is defunct and must not appear.")
R("benifits advice", "fairshare-benefits-advice carers-money-advice easy-read-benefits", "Typo for 'benefits'.")
R("Shared Lives", "shared-lives-long-term shared-lives-short-breaks", "Shared Lives scheme.", age=30)
R("employing a PA with direct payments", "pa-connect-direct-payments pa-finder", "Direct payments support and PA finder.")
R("DP payroll", "dp-payroll pa-connect-direct-payments", "Record says 'DPs'; the other says 'direct payment'.")
R("report disability hate crime", "safespeak-hate-crime", "Hate crime reporting.")
R("easy read", "plain-words-easy-read easy-read-benefits", "Easy-read information.")
R("befriending older person Malvern", "malvern-home-befriending telephone-befriending", "Befriending around Malvern.",
  postcode="WR14 3AF", radius_miles=5, age=80)
R("rural befriending Tenbury", "tenbury-rural-befriending", "Befriending in the Teme valley.", postcode="WR15 8AB", radius_miles=5)
R("mental health crisis", "mental-health-crisis-line safe-haven-worcester nightlight-listening-line", "Crisis support.")
R("community mental health team Worcester", "cmht-worcester", "Record only says 'CMHT'.", lacks=r"community mental health team", age=40)
R("SALT for children", "childrens-slt", "Record only says 'speech and language therapy'.", lacks=r"\bSALT\b", age=6)
R("speech and language therapy after stroke", "talkwell-adult-salt", "Record only says 'SALT'.", lacks=r"speech and language", age=60)
R("transport to hospital appointments Evesham", "wychavon-car-scheme", "Volunteer car scheme in Wychavon.", postcode="WR11 4RY", radius_miles=5)
R("social prescribing", "social-prescribing-link-workers young-peoples-social-prescribing community-connectors-wychavon",
  "Social prescribing; the green prescribing project is inactive.")
R("homeless 16 year old", "youth-homelessness-prevention supported-lodgings", "Housing help for young people.", age=16)
R("autisim adults social group", "autistic-adults-social", "Typo for 'autism'.", age=30)
R("ASD social group for adults", "autistic-adults-social", "Record says 'autistic' and never 'ASD'.", lacks=r"\bASD\b", age=30)
R("ADHD support", "adhd-adults-peer-support", "Adult ADHD peer support.", age=30)
R("mens mental health group", "mens-talk-group", "Men's peer group.", age=45)
R("holiday club for disabled child Evesham", "evesham-holiday-playscheme", "Holiday playscheme in Evesham.",
  postcode="WR11 4RY", radius_miles=5, age=8)
R("IDVA", "safe-harbour-idva", "Independent domestic violence advisers.")

# Ages in the words (no age field: the search reads it). `ages` is only checked here, never sent.
A = dict(kind="demo age words")
R("counselling for my daughter who is 15", "young-minds-counselling camhs-community-team",
  "Counselling and mental health help that takes a 15 year old.", ages=(15, 15), **A)
R("lunch club for my 80 year old mum", "droitwich-friendship-club pershore-day-club",
  "Lunch and day clubs for older people; the person asked about is 80.", ages=(80, 80), **A)
R("things to do for a teenager with autism", "astwood-bank-youth-clubs autism-transition-group redditch-disability-multisport alvechurch-canal-adventures",
  "Clubs and activities for disabled or autistic young people of 13 to 19.", ages=(13, 19), **A)
R("under 5s speech therapy", "childrens-slt", "Children's speech and language therapy takes the under-fives.", ages=(0, 4), **A)
R("stay and play for my toddler", "family-hub-redditch dads-group", "Stay and play for a child of 1 to 4.", ages=(1, 4), **A)
R("older people who are lonely", "telephone-befriending droitwich-friendship-club malvern-home-befriending evesham-befriending-polish",
  "Befriending and company for older people.", ages=(65, None), **A)
R("exercise for over 65s", "upton-chair-yoga bromsgrove-walking-football malvern-health-walks",
  "Gentle exercise open to people over 65.", ages=(65, None), **A)
R("housing for young adults 16-25", "youth-homelessness-prevention supported-lodgings independence-skills-flat",
  "Housing help for 16 to 25 year olds.", ages=(16, 25), **A)
R("my son is 14 and drinking", "clearpath-young-people", "Young people's drug and alcohol service; he is 14.", ages=(14, 14), **A)
R("mental health support for a 16-year-old", "young-minds-counselling camhs-community-team",
  "Mental health help that takes 16 year olds (not the 17-25 transition service).", ages=(16, 16), **A)
R("short breaks for a disabled 10 year old", "arrowvale-overnight-breaks lickey-edge-shared-care evesham-holiday-playscheme little-stars-short-breaks",
  "Short breaks for disabled children that take a 10 year old.", ages=(10, 10), **A)
R("young carer aged 12", "young-carers-service", "Young carers 8-17.", ages=(12, 12), **A)
R("dementia support for my dad in his 70s", "dementia-advisers malvern-memory-cafe pershore-dementia-cafe droitwich-dementia-day-respite singing-for-memory",
  "Dementia support for someone in his seventies (not young onset, 18-64).", ages=(70, 79), **A)
R("befriending for an elderly neighbour", "telephone-befriending malvern-home-befriending evesham-befriending-polish bewdley-good-neighbours tenbury-rural-befriending",
  "Befriending for an older person.", ages=(65, None), **A)
R("job help for a 17 year old with a learning disability", "brightlines-supported-internships evesham-work-club",
  "Employment help that takes a 17 year old.", ages=(17, 17), **A)
R("advocacy for a child in care", "young-voices-advocacy", "Advocacy for children in care.", ages=(0, 17), **A)
R("holiday activities for disabled children", "evesham-holiday-playscheme holiday-food-and-fun astwood-bank-youth-clubs",
  "School-holiday clubs for disabled children.", ages=(0, 17), **A)
R("group for parents of teenagers with autism", "autism-parents-group pbs-parent-workshops autism-parenting-course",
  "Groups and courses for the parents (adults), whatever the age of their children.", **A)
R("drug and alcohol help for adults", "clearpath-adult-service recovery-cafe", "Adult drug and alcohol services.", ages=(18, None), **A)
R("19 year old leaving care needs somewhere to live", "supported-lodgings youth-homelessness-prevention independence-skills-flat",
  "Housing for a care leaver of 19.", ages=(19, 19), **A)
R("safe group for LGBT teens", "lgbt-young-peoples-group", "LGBTQ+ youth group 13-19.", ages=(13, 19), **A)
R("debt advice for a pensioner", "fairshare-debt-advice fairshare-benefits-advice", "Money advice that takes people over 65.", ages=(65, None), **A)

R("older people", "telephone-befriending droitwich-friendship-club pershore-day-club malvern-memory-cafe upton-chair-yoga stourport-mens-shed malvern-health-walks",
  "An age group alone: services for older people.", ages=(65, None), **A)
R("young people", "young-minds-counselling lgbt-young-peoples-group young-creatives preparing-for-adulthood-team young-peoples-social-prescribing",
  "An age group alone: services for young people.", **A)
R("activites for disabled kids", "redditch-disability-multisport evesham-holiday-playscheme astwood-bank-youth-clubs",
  "Misspelt, with a broad group.", ages=(0, 17), **A)
R("dementa support for older people", "dementia-advisers malvern-memory-cafe pershore-dementia-cafe pershore-day-club",
  "Misspelt, with an age group.", ages=(65, None), **A)
R("benifits advice for adults", "fairshare-benefits-advice easy-read-benefits carers-money-advice",
  "Misspelt, with a broad group.", ages=(18, None), **A)

# Misspellings with several good answers, where the order among them matters.
M = dict(kind="demo misspellings")
R("mental helth crisis", "mental-health-crisis-line safe-haven-worcester nightlight-listening-line", "Typo for 'health'.", **M)
R("bereavment group", "bereavement-group", "Typo for 'bereavement'.", **M)
R("carers assesment", "carers-assessment-line carers-hub-worcester", "Typo for 'assessment'.", **M)
R("suported living for autistic adults", "kidderminster-autism-supported-living severnside-supported-living shared-lives-long-term",
  "Typo for 'supported'.", ages=(18, None), **M)
R("speach therapy for children", "childrens-slt", "Typo for 'speech'.", ages=(0, 17), **M)
R("alcohol and drug servces", "clearpath-adult-service clearpath-young-people recovery-cafe clearpath-family-support", "Typo for 'services'.", **M)
R("hording help", "hoarding-support", "Typo for 'hoarding'.", **M)
R("befreinding", "telephone-befriending malvern-home-befriending ld-befriending tenbury-rural-befriending evesham-befriending-polish",
  "Letters swapped in 'befriending'.", **M)
R("youth counciling", "young-minds-counselling", "Typo for 'counselling'.", **M)
R("lonliness", "telephone-befriending ld-befriending malvern-home-befriending social-prescribing-link-workers", "Typo for 'loneliness'.", **M)

# Places in the words (no postcode: the search reads the town). `near` is only checked here.
P = dict(kind="demo place words")
R("food bank in Redditch", "redditch-food-bank", "Redditch's food bank.", near=("B97 4DN", 10), **P)
R("memory cafe near Kidderminster", "kidderminster-memory-cafe", "The memory cafe in Kidderminster.", near=("DY10 1AB", 10), **P)
R("day centre around Evesham", "hampton-allotment-day pershore-day-club", "Day services in and near Evesham.", near=("WR11 4RY", 10), **P)
R("befriending Tenbury Wells", "tenbury-rural-befriending", "Befriending in the Teme valley.", near=("WR15 8AB", 10), **P)
R("youth clubs in Astwood Bank", "astwood-bank-youth-clubs", "The village's youth clubs.", near=("B96 6AX", 10), **P)
R("canoeing near Alvechurch", "alvechurch-canal-adventures", "Canal activity days from Alvechurch.", near=("B48 7SA", 10), **P)
R("Bromsgrove walking football", "bromsgrove-walking-football", "A town at the start of the words.", near=("B61 8DA", 10), **P)
R("benefits help in Kidderminster", "fairshare-benefits-advice", "Benefits advice with a Kidderminster venue.", near=("DY10 1AB", 10), **P)
R("carers cafe near WR11", "evesham-carers-cafe", "A postcode district in the words.", near=("WR11 4RY", 10), **P)
R("learning disability day service within 5 miles of Stourport-on-Severn", "stourport-riverside-day franche-woodwork-workshop",
  "LD day services within 5 miles of Stourport.", near=("DY13 8BQ", 5), **P)


# ===========================================================================
# Outputs
# ===========================================================================

def haversine_miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 3958.8 * 2 * math.asin(math.sqrt(h))


def searchable_text(node, key=""):
    """Every human-readable string in a record (not ids, URLs, emails or codes)."""
    skip = ("id", "url", "uri", "email", "website", "term_uri", "code", "postal_code", "number", "byday", "freq")
    if isinstance(node, dict):
        for k, v in node.items():
            if k in skip or k.endswith("_id") or k.endswith("_email") or k.endswith("_at"):
                continue
            yield from searchable_text(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from searchable_text(v, key)
    elif isinstance(node, str):
        yield node


def build_relevance(services: list[dict]) -> list[dict]:
    by_slug = {r["slug"]: (r, s) for r, s in zip(SERVICES, services, strict=True)}
    out = []
    for q in RELEVANCE:
        for slug in q["expected"]:
            assert slug in by_slug, (q["query"], slug)
            rec, svc = by_slug[slug]
            assert svc["status"] == "active", (q["query"], slug, "not active")
            if q.get("age") is not None:
                lo, hi = rec.get("age", (None, None))
                assert (lo is None or lo <= q["age"]) and (hi is None or q["age"] <= hi), (q["query"], slug, "age")
            if q.get("ages") is not None:  # an age read from the words: the service must overlap it
                lo, hi = rec.get("age") or (None, None)
                low, high = q["ages"]
                assert (lo is None or high is None or lo <= high) and (hi is None or hi >= low), (q["query"], slug, "age")
            if q.get("postcode") or q.get("near"):
                postcode, radius = (q["postcode"], q["radius_miles"]) if q.get("postcode") else q["near"]
                lat, lon, district = POSTCODES[postcode]
                near = any(
                    haversine_miles((lat, lon), (sal["location"]["latitude"], sal["location"]["longitude"])) <= radius
                    for sal in svc["service_at_locations"]
                )
                covers = any(a["name"] in (district, "Worcestershire") for a in svc["service_areas"])
                assert near or covers, (q["query"], slug, "not near")
            if q["lacks"]:
                text = " ".join(searchable_text(svc))
                assert not re.search(q["lacks"], text, re.I), (q["query"], slug, "contains", q["lacks"])
        item = {"query": q["query"]}
        for key in ("postcode", "radius_miles", "age", "kind"):
            if q.get(key) is not None:
                item[key] = q[key]
        item["expect_any_in_top"] = 5
        item["expected_ids"] = [by_slug[s][1]["id"] for s in q["expected"]]
        item["expected_names"] = [by_slug[s][1]["name"] for s in q["expected"]]
        item["why"] = q["why"]
        out.append(item)
    return out


def write_postcodes(path: Path, services: list[dict]) -> int:
    used = {a["postal_code"] for s in services for sal in s["service_at_locations"] for a in sal["location"]["addresses"]}
    missing = used - POSTCODES.keys()
    assert not missing, missing
    inward = re.compile(r"^[A-Z]{1,2}\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$")
    rows = []
    for pcds in sorted(POSTCODES):
        assert inward.match(pcds), pcds
        lat, lon, district = POSTCODES[pcds]
        out, inw = pcds.split()
        rows.append({
            "pcd": f"{out:<4}{inw}",          # 7-character form
            "pcd2": f"{out:<5}{inw}",         # 8-character form
            "pcds": pcds,                     # one space
            "dointr": "198001",
            "doterm": "",
            "oscty": COUNTY_CODE,
            "oslaua": DISTRICTS[district],
            "ctry": "E92000001",
            "rgn": "E12000005",
            "lat": f"{lat:.6f}",
            "long": f"{lon:.6f}",
        })
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def dump(path: Path, data) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    services = build_all()
    dump(OUT / "directory.json", services)
    n_pc = write_postcodes(OUT / "postcodes.csv", services)
    relevance = build_relevance(services)
    dump(OUT / "relevance.json", relevance)
    statuses: dict[str, int] = {}
    for s in services:
        statuses[s["status"]] = statuses.get(s["status"], 0) + 1
    print(f"directory.json: {len(services)} services {statuses}")
    print(f"postcodes.csv: {n_pc} postcodes; relevance.json: {len(relevance)} queries")
    sys.path.insert(0, str(HERE))
    from validate import validate

    validate(services)


if __name__ == "__main__":
    main()
