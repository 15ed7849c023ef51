"""Build the held-apart evaluation directory: community services in Norfolk (Open Referral UK 3.0).

Kept apart from the demo directory (Worcestershire) and never used to tune the search: the demo
set is for tuning, this one for reporting. Writes, next to this script:

* norfolk_directory.json - nested ORUK 3.0 services, as a council's export would give them
* norfolk_postcodes.csv  - ONS Postcode Directory-shaped rows for every postcode used, plus more
* norfolk_queries.json   - graded queries (0-3 per service) of six kinds

    .venv/bin/python search/evaluation/build_norfolk.py

Grades come from what each kind of service is for (a judgement written once per query, below),
then the query's own limits: inactive and defunct services are never relevant, nor are services
outside the age asked for or far from the place named. Deterministic: uuid5 ids, fixed dates.
All organisations, services and people are fictional; coordinates are approximate.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAMESPACE = uuid.UUID("6f1d2a90-4c1b-5e7a-8f3e-2b9c0d4e5f61")  # never change this


def uid(kind: str, slug: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{slug}"))


def number(slug: str, salt: str = "") -> int:
    return int(hashlib.sha256(f"{salt}:{slug}".encode()).hexdigest()[:12], 16)


def pick(seq, slug: str, salt: str = ""):
    return seq[number(slug, salt) % len(seq)]


def jitter(slug: str, salt: str, size: float) -> float:
    return ((number(slug, salt) % 10_000) / 10_000 - 0.5) * 2 * size


# ---- Geography -------------------------------------------------------------------------------

COUNTY = ("Norfolk", "E10000020")
DISTRICTS = {
    "Breckland": "E07000143",
    "Broadland": "E07000144",
    "Great Yarmouth": "E07000145",
    "King's Lynn and West Norfolk": "E07000146",
    "North Norfolk": "E07000147",
    "Norwich": "E07000148",
    "South Norfolk": "E07000149",
}
# town -> (outward codes, latitude, longitude, district)
TOWNS = {
    "Norwich": (("NR1", "NR2", "NR3", "NR4", "NR5", "NR6"), 52.6309, 1.2974, "Norwich"),
    "Great Yarmouth": (("NR30",), 52.6083, 1.7305, "Great Yarmouth"),
    "Gorleston-on-Sea": (("NR31",), 52.5776, 1.7264, "Great Yarmouth"),
    "King's Lynn": (("PE30",), 52.7543, 0.3976, "King's Lynn and West Norfolk"),
    "Thetford": (("IP24",), 52.4133, 0.7497, "Breckland"),
    "Dereham": (("NR19", "NR20"), 52.6812, 0.9399, "Breckland"),
    "Swaffham": (("PE37",), 52.6486, 0.6867, "Breckland"),
    "Attleborough": (("NR17",), 52.5177, 1.0191, "Breckland"),
    "Watton": (("IP25",), 52.5716, 0.8281, "Breckland"),
    "Cromer": (("NR27",), 52.9316, 1.3018, "North Norfolk"),
    "Sheringham": (("NR26",), 52.9430, 1.2100, "North Norfolk"),
    "North Walsham": (("NR28",), 52.8215, 1.3878, "North Norfolk"),
    "Fakenham": (("NR21",), 52.8307, 0.8469, "North Norfolk"),
    "Holt": (("NR25",), 52.9074, 1.0901, "North Norfolk"),
    "Wymondham": (("NR18",), 52.5703, 1.1160, "South Norfolk"),
    "Diss": (("IP22",), 52.3761, 1.1083, "South Norfolk"),
    "Long Stratton": (("NR15",), 52.4880, 1.2330, "South Norfolk"),
    "Harleston": (("IP20",), 52.4030, 1.2990, "South Norfolk"),
    "Aylsham": (("NR11",), 52.7967, 1.2540, "Broadland"),
    "Sprowston": (("NR7",), 52.6540, 1.3290, "Broadland"),
    "Acle": (("NR13",), 52.6360, 1.5470, "Broadland"),
    "Downham Market": (("PE38",), 52.6019, 0.3826, "King's Lynn and West Norfolk"),
    "Hunstanton": (("PE36",), 52.9390, 0.4906, "King's Lynn and West Norfolk"),
}
# Busier towns hold more venues.
TOWN_ORDER = [
    "Norwich", "Great Yarmouth", "King's Lynn", "Thetford", "Norwich", "Dereham", "Cromer", "Wymondham",
    "North Walsham", "Norwich", "Gorleston-on-Sea", "Diss", "Swaffham", "Fakenham", "King's Lynn", "Attleborough",
    "Aylsham", "Sheringham", "Downham Market", "Norwich", "Watton", "Holt", "Sprowston", "Long Stratton",
    "Hunstanton", "Harleston", "Acle", "Great Yarmouth",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the inward code (no C, I, K, M, O, V)
STREETS = [
    "Market Place", "Church Street", "Station Road", "Queen's Road", "Bridge Street", "London Road", "The Green",
    "Mill Lane", "High Street", "Norwich Road", "Victoria Street", "Priory Walk", "Chapel Lane", "Recreation Road",
    "Westgate", "King Street", "St Andrew's Close", "Yarmouth Road", "Common Lane", "Park Avenue",
]
VENUE_KINDS = [
    "Community Centre", "Library", "Methodist Church Hall", "Family Hub", "Health Centre", "Scout Hut",
    "Village Hall", "Resource Centre", "Youth Hub", "Baptist Church", "Friends Meeting House", "Wellbeing Hub",
]


def postcode_for(town: str, key: str) -> str:
    outwards = TOWNS[town][0]
    outward = pick(outwards, key, "outward")
    n = number(key, "inward")
    return f"{outward} {1 + n % 9}{INWARD_LETTERS[(n // 9) % 20]}{INWARD_LETTERS[(n // 180) % 20]}"


def coordinates(town: str, key: str) -> tuple[float, float]:
    _o, lat, lon, _d = TOWNS[town]
    spread = 0.03 if town == "Norwich" else 0.012
    return round(lat + jitter(key, "lat", spread), 5), round(lon + jitter(key, "lon", spread * 1.6), 5)


def area_uri(code: str) -> str:
    return f"http://statistics.data.gov.uk/id/statistical-geography/{code}"


# ---- Taxonomy ---------------------------------------------------------------------------------

TAXONOMY = ("norfolk-community-support", "Norfolk community support", "How Norfolk's community directory groups services.")
TERMS = {
    "mental-health": "Mental health and wellbeing",
    "money": "Money, debt and benefits",
    "housing": "Housing and homelessness",
    "carers": "Support for carers",
    "send": "SEND and disabled children",
    "older": "Later life",
    "families": "Children, young people and families",
    "addiction": "Drugs, alcohol and gambling",
    "abuse": "Domestic abuse",
    "ld-autism": "Learning disability and autism",
    "advocacy": "Advocacy and rights",
    "health": "Health services",
    "food": "Food and essentials",
    "work": "Jobs, skills and learning",
    "bereavement": "Bereavement",
    "social": "Social groups and loneliness",
    "equipment": "Equipment and home adaptations",
    "dementia": "Memory and dementia",
    "day": "Day opportunities",
    "sensory": "Sight and hearing",
}


# ---- Kinds of service ---------------------------------------------------------------------------
# Each kind: taxonomy terms, (min age, max age), name patterns ({town}), opening sentences and
# further sentences in the providers' own words, and where it runs (venue or phone/online).

K = {}


def kind(slug, terms, ages, names, openers, details, *, count=8, remote=0, cost="free"):
    K[slug] = dict(terms=terms.split(), ages=ages, names=names, openers=openers, details=details, count=count, remote=remote, cost=cost)


kind("talking-therapy", "mental-health health", (18, None),
     ["NHS Talking Therapies Norfolk ({town} clinic)", "{town} Wellbeing Service", "Talking therapies in {town}"],
     ["Free NHS psychological therapy for adults who feel anxious, low or stressed.",
      "Short courses of talking therapy for people with depression, anxiety, panic or worry.",
      "We offer one-to-one and group therapy for common mental health problems."],
     ["You can refer yourself online without seeing your GP first.",
      "Sessions include cognitive behavioural therapy and counselling for depression.",
      "Therapy is offered face to face, by phone or by video.",
      "We also run stress control and sleep workshops."], count=7, remote=2)
kind("cmht", "mental-health health", (18, 65),
     ["{town} Community Mental Health Team", "Adult mental health team ({town})"],
     ["Specialist NHS care for adults with severe and enduring mental illness such as psychosis or bipolar disorder.",
      "A team of psychiatrists, community mental health nurses, psychologists and social workers."],
     ["Referral is through your GP or another professional.",
      "Care coordinators support people living in the community after a stay in hospital.",
      "Approved mental health professionals carry out assessments under the Mental Health Act."], count=5)
kind("amhp", "mental-health advocacy", (18, None),
     ["Norfolk approved mental health professional service", "AMHP hub ({town})"],
     ["Approved mental health professionals who coordinate assessments under the Mental Health Act.",
      "Our approved mental health professionals decide, with doctors, whether someone needs to be detained in hospital."],
     ["Professionals contact us during office hours; out of hours calls go through the emergency duty team.",
      "We make sure the least restrictive option is considered and the nearest relative is informed."], count=3, remote=1)
kind("crisis", "mental-health health", (None, None),
     ["First Response mental health line", "{town} crisis cafe", "Safe Haven ({town})"],
     ["Someone to talk to when you are in a mental health crisis or feel you cannot cope.",
      "An evening drop-in for people in emotional distress, as an alternative to A&E.",
      "Round-the-clock support if you are having thoughts of suicide or self-harm."],
     ["No referral is needed; just call or walk in.", "Trained staff and volunteers listen and help you plan the next few days.",
      "We can link you with the crisis resolution and home treatment team."], count=5, remote=2)
kind("young-mh", "mental-health families", (11, 25),
     ["{town} youth wellbeing service", "Point One young people's counselling ({town})", "Kooth-style online chat for Norfolk teens"],
     ["Free counselling and emotional support for young people aged 11 to 25.",
      "Help for teenagers struggling with anxiety, low mood, self-harm or exam stress.",
      "A safe space for young people to talk about how they feel."],
     ["Young people can refer themselves, or a parent or school can refer with their agreement.",
      "We work alongside the child and adolescent mental health service.",
      "Sessions take place in schools, at our centre or online."], count=7, remote=2)
kind("camhs", "mental-health families health", (0, 17),
     ["Norfolk children and young people's mental health service ({town})", "Child and adolescent mental health team, {town}"],
     ["Specialist NHS assessment and treatment for children and young people with serious mental health difficulties.",
      "Our child and adolescent mental health team helps children with eating disorders, severe anxiety, depression and trauma."],
     ["Referrals come from GPs, schools and social workers.", "We also assess children for ADHD and autism when there are mental health concerns."], count=4)
kind("peer-support", "mental-health social", (18, None),
     ["{town} Hearing Voices group", "Men's mental health walk and talk ({town})", "Recovery college courses in {town}"],
     ["Friendly peer support groups where people with lived experience of mental ill health meet.",
      "Free recovery courses about living well with mental health problems.",
      "A weekly walk and talk for men who want to chat about how life is going."],
     ["No need to book, just turn up.", "Groups are run by people who have been there themselves.",
      "Courses cover managing anxiety, sleep, confidence and planning your recovery."], count=8)
kind("debt-advice", "money", (18, None),
     ["{town} Citizens Advice debt service", "Money advice drop-in ({town})", "Christians Against Poverty debt help ({town})"],
     ["Free, confidential debt advice from trained advisers.",
      "We help people who are behind with rent, council tax, energy bills or loans.",
      "If money worries are keeping you awake, our debt advisers can help you take back control."],
     ["We can talk to creditors for you and set up a manageable payment plan.",
      "Advisers can help with debt relief orders, bankruptcy and breathing space.",
      "Appointments by phone, video or face to face."], count=9, remote=2)
kind("benefits-advice", "money", (16, None),
     ["{town} welfare rights service", "Benefits help at {town} library", "Norfolk welfare rights advice line"],
     ["Help to check which benefits you can claim and to fill in the forms.",
      "Specialist advice on Universal Credit, Personal Independence Payment and Employment and Support Allowance.",
      "Support with benefit claims, mandatory reconsiderations and appeals."],
     ["We help with Attendance Allowance and Carer's Allowance claims.", "We represent people at benefit tribunals.",
      "A benefits check takes about an hour and can make a big difference."], count=8, remote=2)
kind("food-bank", "food money", (None, None),
     ["{town} food bank", "{town} community pantry", "{town} community larder"],
     ["Emergency food parcels for people in crisis, with a voucher from an agency.",
      "A membership food pantry where you pay a small amount each week for a bag of shopping.",
      "Free groceries, toiletries and household essentials for anyone who is struggling."],
     ["We can also help with fuel vouchers and signpost you to money advice.", "Open twice a week; no questions asked.",
      "Baby food, nappies and pet food are often available too."], count=9, cost=None)
kind("energy-help", "money housing", (18, None),
     ["Warm Homes Norfolk", "{town} energy advice service"],
     ["Help if you cannot afford to heat your home or are worried about energy bills.",
      "Free advice on cutting energy costs, grants for insulation and dealing with energy debt."],
     ["We can apply for emergency fuel vouchers and top-ups.", "Home visits for older and disabled people."], count=4, remote=1)
kind("housing-advice", "housing money", (16, None),
     ["{town} housing options team", "Shelter housing advice (Norfolk)", "Tenancy support service, {town}"],
     ["Advice if you are worried about losing your home, have rent arrears or have been served notice by your landlord.",
      "Help to find somewhere to live and to keep your tenancy.",
      "Free advice on renting, eviction, repairs and disputes with landlords."],
     ["We can help you apply for a discretionary housing payment.", "Tenancy support workers visit you at home to help with bills and paperwork.",
      "Under the Homelessness Reduction Act we must help you if you are at risk of homelessness within 56 days."], count=8, remote=1)
kind("homeless", "housing", (18, None),
     ["{town} night shelter", "St Martins-style day centre for people sleeping rough ({town})", "Street outreach team, {town}"],
     ["Emergency beds and hot meals for people sleeping rough.",
      "A day centre where people who are homeless can get a shower, breakfast, laundry and advice.",
      "Our outreach workers go out early in the morning to find and help people sleeping on the streets."],
     ["We work with the council to find emergency accommodation.", "The severe weather emergency protocol opens extra beds in freezing weather.",
      "Support to move into a hostel or supported housing."], count=6)
kind("young-homeless", "housing families", (16, 25),
     ["{town} foyer for young people", "Young people's supported lodgings ({town})"],
     ["Supported accommodation for young people aged 16 to 25 who cannot live at home.",
      "A safe place to stay and a key worker for young people facing homelessness."],
     ["Help with budgeting, cooking, college and finding work.", "Care leavers are welcome."], count=4)
kind("carers", "carers", (18, None),
     ["Carers Matter Norfolk ({town})", "{town} carers' support group", "Carers' breaks and wellbeing service"],
     ["Information, advice and emotional support for anyone who looks after a family member or friend.",
      "A friendly monthly group for unpaid carers to share tips and have a cup of tea.",
      "Support for carers, including carer's assessments and help to plan a break."],
     ["We can help you apply for Carer's Allowance.", "Emergency planning so someone knows what to do if you are taken ill.",
      "Carers of people with dementia, mental ill health or a disability are all welcome."], count=8, remote=1)
kind("young-carers", "carers families", (5, 18),
     ["Norfolk Young Carers ({town})", "{town} young carers' club"],
     ["Clubs, trips and one-to-one support for children and teenagers who help look after someone at home.",
      "A place for young carers to have fun, make friends and take a break from caring."],
     ["Young carers' assessments and support in school.", "Activities run after school and in the holidays."], count=5)
kind("respite", "carers day ld-autism", (18, None),
     ["{town} sitting service", "Respite stays at {town} House", "Short breaks for adults ({town})"],
     ["Overnight short breaks for adults with learning disabilities so their family can have a rest.",
      "A trained sitter comes to your home so you can go out for a few hours.",
      "Planned respite stays in a homely setting with 24-hour support."],
     ["Stays can be booked for a weekend or a week.", "Funded through a personal budget or paid privately."], count=6, cost=None)
kind("short-breaks-children", "send families carers", (5, 18),
     ["{town} short breaks club for disabled children", "Saturday club for children with SEND ({town})"],
     ["After-school and holiday clubs for disabled children and young people.",
      "Short breaks for children with special educational needs and disabilities, giving families a rest."],
     ["Staff are trained in personal care, epilepsy and positive behaviour support.", "Families can use their short breaks budget."], count=6, cost=None)
kind("sendiass", "send advocacy families", (0, 25),
     ["Norfolk SEND information, advice and support service", "SEND parent carer forum ({town})"],
     ["Free impartial advice for parents of children with special educational needs and disabilities.",
      "Help for families with education, health and care plans, assessments and school placements."],
     ["We can help you request an education, health and care needs assessment.", "We explain what the special educational needs coordinator at your school should do.",
      "Support at meetings and with tribunal appeals."], count=4, remote=2)
kind("school-attendance", "families send", (5, 16),
     ["Norfolk school attendance support", "{town} Team Around the School"],
     ["Help for families when a child is struggling to attend school or refuses to go.",
      "Support for children with emotionally based school avoidance and their parents."],
     ["We work with the school, the family and health services on a return-to-school plan.", "Education welfare officers can visit at home."], count=4)
kind("family-support", "families", (0, 18),
     ["{town} Family Hub", "Early help family support ({town})", "Home-Start {town}"],
     ["Practical and emotional support for families with children who are going through a tough time.",
      "Volunteers visit parents of young children at home to help them cope.",
      "Parenting courses, baby groups and help for families under one roof."],
     ["Support with routines, behaviour and getting children to school.", "No referral is needed for our drop-in sessions.",
      "Health visitors and midwives run clinics here."], count=8)
kind("toddler-group", "families social", (0, 4),
     ["{town} stay and play", "Baby and toddler group at {town} church", "Rhyme time at {town} library"],
     ["A relaxed group where parents and carers bring babies and toddlers to play, sing and meet others.",
      "Songs, stories and messy play for under-fives."],
     ["Tea and coffee for grown-ups.", "Just turn up, no need to book."], count=7, cost=[("Per family", 1, "£1 a session, first one free")])
kind("youth-club", "families social", (11, 19),
     ["{town} youth club", "Teen night at {town} Youth Hub", "Detached youth work ({town})"],
     ["Evening sessions for young people aged 11 to 19 with games, sport, cooking and someone to talk to.",
      "A safe place for teenagers to hang out with friends after school."],
     ["Youth workers can help with worries about school, relationships or home.", "Free, and snacks are provided."], count=7)
kind("holiday-activities", "families food", (5, 16),
     ["{town} holiday activities and food", "Summer holiday club ({town})"],
     ["Free holiday clubs with a healthy meal for children who get benefits-related free school meals.",
      "Sports, crafts and trips in the Easter, summer and Christmas holidays."],
     ["Places must be booked with the code from your school."], count=5)
kind("drug-alcohol", "addiction health", (18, None),
     ["Change Grow Live Norfolk ({town})", "{town} drug and alcohol recovery service", "Alcohol support group ({town})"],
     ["Free, confidential help for adults who want to cut down or stop drinking or using drugs.",
      "Treatment and recovery support for people with drug or alcohol problems.",
      "A weekly mutual aid group for people recovering from alcohol dependence."],
     ["We offer detox, prescribing, needle exchange and one-to-one key work.", "Families and friends affected by someone's drinking can get support too."], count=7)
kind("young-substance", "addiction families", (10, 24),
     ["Matter of Fact young people's substance service", "Under-25s drug and alcohol team ({town})"],
     ["Support for young people whose use of alcohol, cannabis or other drugs is causing problems.",
      "Confidential advice for children and young people about drugs and alcohol."],
     ["Workers meet young people at school, home or in town."], count=3)
kind("gambling", "addiction mental-health", (16, None),
     ["Gambling harm support service (Norfolk)", "{town} gamblers' support group"],
     ["Free treatment and support for anyone whose gambling is getting out of control.",
      "Help for people harmed by betting, online casinos or fruit machines, and for their families."],
     ["Counselling by phone, video or face to face.", "We can help you block gambling sites and deal with gambling debts."], count=4, remote=2)
kind("domestic-abuse", "abuse", (16, None),
     ["Leeway domestic abuse service ({town})", "{town} independent domestic violence advisers", "Refuge for women and children (Norfolk)"],
     ["Confidential support for anyone experiencing domestic abuse from a partner, ex-partner or family member.",
      "Safe emergency accommodation for women and children escaping domestic abuse.",
      "Independent advisers who support people at high risk of harm from an abusive partner."],
     ["We help with safety planning, housing, court orders and the police.", "Support for men and LGBTQ+ people as well as women.",
      "Children who have lived with domestic abuse can join our recovery groups."], count=7, remote=2)
kind("ld-daycentre", "ld-autism day social", (18, None),
     ["{town} day centre for adults with learning disabilities", "{town} day opportunities", "Allotment and crafts project ({town})"],
     ["Day opportunities for adults with learning disabilities and autistic adults.",
      "A day centre offering activities, life skills and friendship for adults with learning disabilities."],
     ["Gardening, cooking, art, music and trips out.", "Transport can be arranged.", "Personal care is provided by trained staff."], count=7, cost=None)
kind("older-daycentre", "older day social", (60, None),
     ["{town} day centre for older people", "Age UK Norfolk day service ({town})"],
     ["A friendly day centre for older people who are lonely or need a little help during the day.",
      "Lunch, activities, a chat and a bath service for older people living at home."],
     ["We can pick you up and take you home.", "People living with memory loss are welcome."], count=6, cost=[("Per day", 28, "£28 a day including lunch")])
kind("autism-support", "ld-autism send", (None, None),
     ["Norfolk autism partnership", "{town} autism support group", "Autism advice for adults"],
     ["Information and support for autistic people and their families, before and after diagnosis.",
      "A peer group for autistic adults to meet in a calm and accepting space."],
     ["We can help with sensory needs, work and benefits.", "Parent workshops about understanding autism."], count=5, remote=1)
kind("memory-cafe", "dementia older social carers", (None, None),
     ["{town} memory cafe", "Dementia support group ({town})", "Norfolk dementia advisers"],
     ["A monthly cafe for people living with dementia and the people who care for them.",
      "Advice and support after a diagnosis of dementia or memory problems.",
      "Singing, reminiscence and a cup of tea for people with memory loss."],
     ["Dementia advisers visit at home.", "Carers can talk to others in the same situation."], count=7)
kind("memory-clinic", "dementia health older", (18, None),
     ["Norfolk memory assessment service ({town})"],
     ["NHS memory clinic that assesses and diagnoses dementia and mild cognitive impairment."],
     ["Referral is through your GP.", "We offer cognitive stimulation therapy after diagnosis."], count=3)
kind("befriending", "social older", (50, None),
     ["{town} befriending scheme", "Telephone friendship service", "Good neighbours ({town})"],
     ["A volunteer visits or phones older people who are lonely or isolated each week.",
      "Friendly weekly calls for people who live alone and would like someone to chat to."],
     ["Help to get out to groups and activities in your area.", "Volunteers are DBS checked."], count=7, remote=2)
kind("falls", "older health", (60, None),
     ["Norfolk falls prevention service ({town})", "Strength and balance classes ({town})"],
     ["Help for older people who have fallen or are worried about falling.",
      "Strength and balance exercise classes to reduce the risk of falls."],
     ["A falls assessment at home, with advice on safety and equipment.", "Classes are led by a physiotherapist."], count=5)
kind("home-care", "older equipment", (18, None),
     ["{town} home care agency", "Reablement service ({town})"],
     ["Care workers visit you at home to help with washing, dressing, meals and medication.",
      "Short-term support at home after a hospital stay to help you regain independence."],
     ["Visits from 30 minutes to live-in care.", "Registered with the Care Quality Commission."], count=5, cost=[("Per hour", 27, "£27 an hour")])
kind("adaptations", "equipment housing", (None, None),
     ["Norfolk home improvement agency", "{town} handyperson service", "Community equipment service"],
     ["Help to adapt your home so you can stay living there safely, such as stairlifts, ramps and level-access showers.",
      "Grab rails, key safes and small repairs for older and disabled people.",
      "Loan of equipment such as walking frames, commodes and hospital beds."],
     ["We help you apply for a disabled facilities grant.", "An occupational therapist assesses what you need."], count=6, remote=1)
kind("advocacy", "advocacy", (16, None),
     ["Norfolk advocacy hub", "POhWER advocacy (Norfolk)", "{town} self-advocacy group"],
     ["Independent advocates who help people have their say about their care and treatment.",
      "Statutory advocacy under the Care Act, the Mental Capacity Act and the Mental Health Act.",
      "A group where people with learning disabilities speak up for themselves."],
     ["Includes independent mental capacity advocates and independent mental health advocates.", "NHS complaints advocacy is also available."], count=5, remote=2)
kind("deaf-sight", "sensory", (None, None),
     ["Norfolk and Norwich Association for the Blind ({town})", "{town} hearing support drop-in", "Deaf Connexions Norfolk"],
     ["Support for people with sight loss, including rehabilitation and equipment.",
      "Hearing aid maintenance, new batteries and advice for people with hearing loss.",
      "Services for deaf people who use British Sign Language."],
     ["Volunteers help you get around and use technology.", "Interpreters can be booked."], count=5)
kind("employment", "work", (16, None),
     ["{town} employment support", "Norfolk supported employment for disabled people", "{town} jobs club"],
     ["Help to find work, write a CV and prepare for interviews.",
      "Job coaches support disabled people and people with mental health problems into paid work."],
     ["We help with training, volunteering and Access to Work.", "Drop in on Tuesdays with your laptop or use ours."], count=6)
kind("adult-learning", "work social", (19, None),
     ["Norfolk adult learning ({town})", "English classes for speakers of other languages ({town})"],
     ["Courses for adults in English, maths, computers and wellbeing.",
      "English classes for people who speak other languages, from beginners upwards."],
     ["Many courses are free if you are on a low income."], count=4, cost=None)
kind("bereavement", "bereavement mental-health", (None, None),
     ["Norfolk bereavement support ({town})", "Nelson's Journey (children's bereavement)", "{town} bereavement cafe"],
     ["Counselling and support for adults who have lost someone close.",
      "Support for children and young people after the death of a parent or someone important to them.",
      "A relaxed cafe for anyone who is grieving."],
     ["Support after a death by suicide is available.", "Phone support and groups."], count=5)
kind("gp-health", "health", (None, None),
     ["{town} Medical Practice", "{town} minor injuries unit", "Norfolk social prescribing ({town})"],
     ["Your local GP surgery for appointments, prescriptions and health checks.",
      "Walk-in treatment for cuts, sprains and minor injuries.",
      "Social prescribers help you with things that affect your health, like loneliness, money or housing."],
     ["Register online or at reception.", "Open every day."], count=5)
kind("sexual-health", "health", (13, None),
     ["iCaSH Norfolk sexual health ({town})"],
     ["Free, confidential sexual health clinics: testing, treatment and contraception."],
     ["Young people under 25 can get free condoms."], count=3)
kind("veterans", "advocacy money", (18, None),
     ["Norfolk armed forces veterans' hub", "{town} Royal British Legion branch"],
     ["Help for veterans and ex-service personnel with housing, benefits, health and loneliness."],
     ["Families of serving personnel are welcome."], count=3)
kind("refugee", "advocacy work", (None, None),
     ["Norfolk community law and refugee advice", "{town} welcome group for refugees"],
     ["Advice and friendship for refugees and asylum seekers living in Norfolk."],
     ["Help with immigration, housing and English classes.", "No recourse to public funds advice."], count=3)
kind("care-leavers", "families housing", (16, 25),
     ["Norfolk leaving care service", "Care leavers' drop-in ({town})"],
     ["Support for young people leaving care, with a personal adviser up to age 25."],
     ["Help with housing, money, education and work.", "A hot meal and company every Wednesday."], count=3)
kind("exercise", "social health", (None, None),
     ["{town} walking football", "Parkrun-style walking group ({town})", "Chair yoga at {town} Community Centre"],
     ["Gentle exercise sessions for people who want to get active at their own pace.",
      "Walking football for over-50s and anyone returning to sport."],
     ["All abilities welcome.", "Wear comfortable shoes."], count=5, cost=[("Per session", 3, "£3 a session")])

# ---- Organisations -----------------------------------------------------------------------------

ORG_SUFFIX = ["Trust", "Community Interest Company", "Partnership", "Charity", "Project", "NHS Foundation Trust", "Network"]
ORG_PREFIX = [
    "Broadland", "Waveney Valley", "Brecks", "Fenland", "Wensum", "Yare", "Bure", "Norfolk Coast", "Breckland",
    "West Norfolk", "East Coast", "Nar Valley", "Tas Valley", "Marshland", "Heacham",
]

STATUS_CYCLE = ["active"] * 10 + ["inactive"]  # about one in eleven has stopped


# ---- Building records --------------------------------------------------------------------------


def instances():
    """(kind, instance number, town, slug) for every service."""
    index = 0
    for slug, spec in K.items():
        for n in range(spec["count"] + 1):  # one more than listed: a second venue in another town
            town = TOWN_ORDER[(index * 11 + n) % len(TOWN_ORDER)]
            index += 1
            yield slug, n, town, f"{slug}-{n}"


def description(spec, key):
    opener = spec["openers"][number(key, "o") % len(spec["openers"])]
    rest = list(spec["details"])
    first = number(key, "d1") % len(rest)
    chosen = [rest[first]]
    if len(rest) > 1 and number(key, "two") % 3:
        chosen.append(rest[(first + 1 + number(key, "d2") % (len(rest) - 1)) % len(rest)])
    return " ".join([opener, *chosen])


def status_for(key, position):
    if position % 37 == 36:
        return "defunct"
    return STATUS_CYCLE[position % len(STATUS_CYCLE)] if position % 11 == 10 else "active"


def ages_for(spec, key):
    low, high = spec["ages"]
    shift = number(key, "age") % 3
    if low is not None and low >= 18 and shift == 1:
        low = low  # adults' services keep their own floor
    if high is not None and shift == 2 and high < 30:
        high = high + 1
    return low, high


def term(slug):
    tax_id = uid("taxonomy", TAXONOMY[0])
    return {
        "id": uid("taxonomy_term", slug),
        "name": TERMS[slug],
        "description": f"Services in the group '{TERMS[slug]}'.",
        "taxonomy": TAXONOMY[1],
        "taxonomy_id": tax_id,
        "term_uri": f"https://norfolk-directory.example/taxonomy/{slug}",
        "taxonomy_detail": {"id": tax_id, "name": TAXONOMY[1], "description": TAXONOMY[2], "uri": "https://norfolk-directory.example/taxonomy", "version": "1.0"},
    }


def build():
    services, postcodes = [], {}
    for position, (slug, n, town, key) in enumerate(instances()):
        spec = K[slug]
        sid = uid("service", key)
        name_pattern = spec["names"][n % len(spec["names"])]
        remote = n < spec["remote"]
        name = name_pattern.format(town=town)
        if "{town}" not in name_pattern and spec["count"] > len(spec["names"]) and not remote:
            name = f"{name} - {town}" if n >= len(spec["names"]) else name
        org_key = f"{slug}:{n % 3}"
        org_name = f"{pick(ORG_PREFIX, org_key, 'p')} {pick(ORG_SUFFIX, org_key, 's')}"
        district = TOWNS[town][3]
        low, high = ages_for(spec, key)
        status = status_for(key, position)
        assured_month = 1 + number(key, "month") % 12
        assured_year = 2026 if number(key, "year") % 4 else 2024
        svc = {
            "id": sid,
            "organization_id": uid("organization", org_key),
            "name": name,
            "description": description(spec, key),
            "url": f"https://norfolk-directory.example/s/{sid[:8]}",
            "email": f"contact-{sid[:6]}@norfolk-directory.example",
            "status": status,
            "assured_date": f"{assured_year}-{assured_month:02d}-{1 + number(key, 'day') % 27:02d}",
            "organization": {"id": uid("organization", org_key), "name": org_name, "description": f"{org_name} works with people across Norfolk."},
            "service_areas": [],
            "service_at_locations": [],
            "attributes": [],
            "cost_options": [],
        }
        if low is not None:
            svc["minimum_age"] = low
        if high is not None:
            svc["maximum_age"] = high
        if remote:
            wide = number(key, "wide") % 2 == 0
            area_name, code = COUNTY if wide else (district, DISTRICTS[district])
            svc["service_areas"].append({
                "id": uid("service_area", key), "service_id": sid, "name": area_name,
                "service_area": f"Anyone living in {area_name}.", "uri": area_uri(code),
            })
            svc["description"] += " " + pick(["We work by phone and online across the area.", "Support is by phone, text and video call.", "We visit people at home."], key, "remote")
        else:
            postcode = postcode_for(town, key)
            lat, lon = coordinates(town, key)
            postcodes[postcode] = (lat, lon, district)
            venue = f"{town} {pick(VENUE_KINDS, key, 'venue')}"
            loc_id = uid("location", key)
            svc["service_at_locations"].append({
                "id": uid("service_at_location", key), "service_id": sid, "location_id": loc_id,
                "location": {
                    "id": loc_id, "location_type": "physical", "name": venue, "latitude": lat, "longitude": lon,
                    "addresses": [{
                        "id": uid("address", key), "location_id": loc_id,
                        "address_1": f"{1 + number(key, 'no') % 90} {pick(STREETS, key, 'street')}",
                        "city": town, "state_province": "Norfolk", "postal_code": postcode, "country": "GB", "address_type": "physical",
                    }],
                },
            })
            svc["service_areas"].append({
                "id": uid("service_area", key), "service_id": sid, "name": district,
                "service_area": f"People living in {district}.", "uri": area_uri(DISTRICTS[district]),
            })
        for t in spec["terms"]:
            tt = term(t)
            svc["attributes"].append({"id": uid("attribute", f"{key}:{t}"), "link_id": sid, "taxonomy_term_id": tt["id"], "link_type": "service_category", "taxonomy_term": tt})
        cost = spec["cost"]
        if cost == "free":
            svc["cost_options"].append({"id": uid("cost", key), "service_id": sid, "option": "Free", "amount": 0, "amount_description": "No charge"})
        elif cost:
            for i, (option, amount, text) in enumerate(cost):
                svc["cost_options"].append({"id": uid("cost", f"{key}:{i}"), "service_id": sid, "option": option, "amount": amount, "amount_description": text})
        svc["_kind"], svc["_town"], svc["_remote"] = slug, town, remote
        services.append(svc)
    return services, postcodes


# ---- Queries -----------------------------------------------------------------------------------
# Q(kind of query, text, {service kind: grade}, age=, minimum_age/maximum_age=, town=, miles=)

QUERIES = []


def Q(query_kind, text, grades, **limits):
    QUERIES.append({"kind": query_kind, "search": text, "grades": grades, **limits})


E, A, M, G, P, T = "everyday", "abbreviation", "misspelling", "age", "place", "taxonomy"

# Everyday words: what people say, not what services call themselves.
Q(E, "can't pay the rent", {"housing-advice": 3, "debt-advice": 3, "benefits-advice": 2, "homeless": 1, "energy-help": 1})
Q(E, "behind on my bills", {"debt-advice": 3, "energy-help": 3, "benefits-advice": 2, "food-bank": 1})
Q(E, "worried about money", {"debt-advice": 3, "benefits-advice": 3, "energy-help": 2, "food-bank": 1})
Q(E, "no money for food", {"food-bank": 3, "holiday-activities": 1, "benefits-advice": 2, "debt-advice": 1})
Q(E, "somewhere to live", {"housing-advice": 3, "homeless": 3, "young-homeless": 3})
Q(E, "sleeping on the streets", {"homeless": 3, "housing-advice": 2, "young-homeless": 1})
Q(E, "getting kicked out by my landlord", {"housing-advice": 3, "homeless": 1})
Q(E, "feeling low all the time", {"talking-therapy": 3, "peer-support": 2, "young-mh": 2, "crisis": 1, "cmht": 1})
Q(E, "I feel like ending it all", {"crisis": 3, "talking-therapy": 1, "young-mh": 1})
Q(E, "stressed and can't sleep", {"talking-therapy": 3, "peer-support": 1})
Q(E, "my son won't go to school", {"school-attendance": 3, "young-mh": 1, "sendiass": 1, "family-support": 1})
Q(E, "my daughter is self harming", {"young-mh": 3, "camhs": 3, "crisis": 2})
Q(E, "lonely and on my own", {"befriending": 3, "peer-support": 1, "older-daycentre": 2, "memory-cafe": 1})
Q(E, "someone to talk to", {"befriending": 2, "crisis": 2, "talking-therapy": 2, "peer-support": 2, "young-mh": 1})
Q(E, "my mum keeps falling", {"falls": 3, "adaptations": 2, "home-care": 1})
Q(E, "mum keeps forgetting things", {"memory-clinic": 3, "memory-cafe": 2})
Q(E, "looking after my husband", {"carers": 3, "respite": 2})
Q(E, "need a break from caring", {"respite": 3, "carers": 3, "short-breaks-children": 2})
Q(E, "my partner hits me", {"domestic-abuse": 3})
Q(E, "scared of my boyfriend", {"domestic-abuse": 3})
Q(E, "drinking too much", {"drug-alcohol": 3, "young-substance": 1})
Q(E, "can't stop betting", {"gambling": 3})
Q(E, "help with gambling", {"gambling": 3})
Q(E, "can't manage the stairs", {"adaptations": 3, "home-care": 1, "falls": 1})
Q(E, "help getting washed and dressed", {"home-care": 3})
Q(E, "my dad died", {"bereavement": 3})
Q(E, "lost my job", {"employment": 3, "benefits-advice": 2, "debt-advice": 1})
Q(E, "cold house can't afford heating", {"energy-help": 3, "debt-advice": 1, "food-bank": 1})
Q(E, "my child might be autistic", {"autism-support": 3, "camhs": 1, "sendiass": 2})
Q(E, "things to do for my teenager", {"youth-club": 3, "holiday-activities": 1})
Q(E, "learn English", {"adult-learning": 3, "refugee": 2})
Q(E, "ex army need help", {"veterans": 3})

# Abbreviations: the services spell them out (or the query spells out what services abbreviate).
Q(A, "AMHP", {"amhp": 3, "cmht": 1})
Q(A, "SENCO", {"sendiass": 3, "school-attendance": 1})
Q(A, "EHCP", {"sendiass": 3})
Q(A, "CAMHS", {"camhs": 3, "young-mh": 2})
Q(A, "CMHT", {"cmht": 3, "amhp": 1})
Q(A, "IAPT", {"talking-therapy": 3})
Q(A, "CBT", {"talking-therapy": 3})
Q(A, "PIP", {"benefits-advice": 3})
Q(A, "UC", {"benefits-advice": 3})
Q(A, "ESA", {"benefits-advice": 3})
Q(A, "DFG", {"adaptations": 3})
Q(A, "OT", {"adaptations": 3, "falls": 1})
Q(A, "IMCA", {"advocacy": 3})
Q(A, "IMHA", {"advocacy": 3})
Q(A, "IDVA", {"domestic-abuse": 3})
Q(A, "DA support", {"domestic-abuse": 3})
Q(A, "LD day centre", {"ld-daycentre": 3, "respite": 1, "older-daycentre": 1})
Q(A, "LD respite", {"respite": 3, "short-breaks-children": 1, "ld-daycentre": 1})
Q(A, "SEND short breaks", {"short-breaks-children": 3, "sendiass": 1})
Q(A, "ASD support", {"autism-support": 3})
Q(A, "BSL", {"deaf-sight": 3})
Q(A, "ESOL", {"adult-learning": 3, "refugee": 1})
Q(A, "HAF", {"holiday-activities": 3})
Q(A, "NRPF", {"refugee": 3})
Q(A, "CA claim", {"benefits-advice": 3, "carers": 2})
Q(A, "DHP", {"housing-advice": 3})
Q(A, "A&E alternative", {"crisis": 3, "gp-health": 2})
Q(A, "MCI", {"memory-clinic": 3, "memory-cafe": 1})

# Misspellings.
Q(M, "councelling", {"talking-therapy": 3, "young-mh": 2, "bereavement": 2, "gambling": 1})
Q(M, "bereavment", {"bereavement": 3})
Q(M, "dementa cafe", {"memory-cafe": 3})
Q(M, "demensia support", {"memory-cafe": 3, "memory-clinic": 2})
Q(M, "respit", {"respite": 3, "short-breaks-children": 2, "carers": 1})
Q(M, "carers suport", {"carers": 3, "young-carers": 2})
Q(M, "autisim", {"autism-support": 3, "ld-daycentre": 1})
Q(M, "alchohol", {"drug-alcohol": 3, "young-substance": 2})
Q(M, "gamblng", {"gambling": 3})
Q(M, "foodbank", {"food-bank": 3})
Q(M, "homless shelter", {"homeless": 3, "young-homeless": 2})
Q(M, "domestic abuce", {"domestic-abuse": 3})
Q(M, "befreinding", {"befriending": 3})
Q(M, "benifits advice", {"benefits-advice": 3, "debt-advice": 1})
Q(M, "det advice", {"debt-advice": 3})
Q(M, "advocasy", {"advocacy": 3})
Q(M, "youth clubb", {"youth-club": 3})
Q(M, "toddlers grup", {"toddler-group": 3})
Q(M, "mental heath", {"talking-therapy": 3, "cmht": 3, "peer-support": 2, "crisis": 2, "young-mh": 2, "camhs": 2})
Q(M, "hearing los", {"deaf-sight": 3})

# Age: in the words, or as the API's minimum_age and maximum_age.
Q(G, "activities for a 15 year old", {"youth-club": 3, "holiday-activities": 2, "young-carers": 1})
Q(G, "support for my 80 year old mum", {"befriending": 3, "older-daycentre": 3, "falls": 2, "home-care": 2, "memory-cafe": 1, "carers": 1})
Q(G, "counselling for a teenager", {"young-mh": 3, "camhs": 2, "bereavement": 1})
Q(G, "toddler groups", {"toddler-group": 3, "family-support": 2})
Q(G, "day centre for older people", {"older-daycentre": 3, "memory-cafe": 1, "befriending": 1})
Q(G, "housing for a 17 year old", {"young-homeless": 3, "housing-advice": 2, "care-leavers": 2})
Q(G, "mental health support", {"young-mh": 3, "camhs": 3, "crisis": 2}, minimum_age=14, maximum_age=14)
Q(G, "mental health support", {"talking-therapy": 3, "cmht": 3, "peer-support": 2, "crisis": 2}, minimum_age=40, maximum_age=40)
Q(G, "drug and alcohol help", {"young-substance": 3, "drug-alcohol": 1}, minimum_age=16, maximum_age=16)
Q(G, "short breaks", {"short-breaks-children": 3, "respite": 1}, minimum_age=9, maximum_age=9)
Q(G, "short breaks", {"respite": 3, "carers": 1}, minimum_age=30, maximum_age=30)
Q(G, "young carers 10 years old", {"young-carers": 3})
Q(G, "exercise classes for a 70 year old", {"falls": 3, "exercise": 3})
Q(G, "help for a 19 year old leaving care", {"care-leavers": 3, "young-homeless": 2})
Q(G, "activities", {"toddler-group": 3, "family-support": 1}, minimum_age=2, maximum_age=2)
Q(G, "someone to talk to for my 12 year old", {"young-mh": 3, "camhs": 2})
Q(G, "elderly mum needs care at home", {"home-care": 3, "befriending": 1, "falls": 1})
Q(G, "bereavement support for children", {"bereavement": 3}, maximum_age=12)

# Place (and radius) in the words. "{town}" is filled with the town where the most services of
# the kind asked for are within reach (each town used once), so every place query has answers.
Q(P, "day centre near {town}", {"ld-daycentre": 3, "older-daycentre": 3, "memory-cafe": 1}, miles=10)
Q(P, "food bank in {town}", {"food-bank": 3}, miles=5)
Q(P, "food bank near {town}", {"food-bank": 3}, miles=10)
Q(P, "debt advice {town}", {"debt-advice": 3, "benefits-advice": 1}, miles=10)
Q(P, "carers group near {town}", {"carers": 3, "memory-cafe": 1}, miles=10)
Q(P, "memory cafe in {town}", {"memory-cafe": 3}, miles=10)
Q(P, "youth club near {town}", {"youth-club": 3}, miles=10)
Q(P, "domestic abuse support in {town}", {"domestic-abuse": 3}, miles=10)
Q(P, "counselling near {town}", {"talking-therapy": 3, "young-mh": 2, "bereavement": 2}, miles=10)
Q(P, "befriending near {town}", {"befriending": 3}, miles=10)
Q(P, "stay and play {town}", {"toddler-group": 3, "family-support": 1}, miles=10)
Q(P, "drug and alcohol service {town}", {"drug-alcohol": 3, "young-substance": 1}, miles=10)
Q(P, "family support near {town}", {"family-support": 3, "toddler-group": 1}, miles=10)
Q(P, "housing advice within 5 miles of {town}", {"housing-advice": 3, "homeless": 1}, miles=5)
Q(P, "walking football near {town}", {"exercise": 3}, miles=10)
Q(P, "benefits help in {town}", {"benefits-advice": 3, "debt-advice": 1}, miles=10)
Q(P, "peer support group {town}", {"peer-support": 3, "carers": 1}, miles=10)
Q(P, "employment support {town}", {"employment": 3}, miles=10)
Q(P, "falls prevention near {town}", {"falls": 3}, miles=10)
Q(P, "young carers {town}", {"young-carers": 3}, miles=10)

# Taxonomy: the directory's own category names.
for slug, label in TERMS.items():
    Q(T, label, {k: 3 if slug == spec["terms"][0] else 2 for k, spec in K.items() if slug in spec["terms"]})


def miles_between(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 3958.8 * math.asin(math.sqrt(h))


def overlaps(svc, low, high):
    s_low, s_high = svc.get("minimum_age"), svc.get("maximum_age")
    if high is not None and s_low is not None and s_low > high:
        return False
    if low is not None and s_high is not None and s_high < low:
        return False
    return True


TEXT_AGES = {  # ages the words of a query ask for, as a person reading it would take them
    "15 year old": (15, 15), "80 year old": (80, 80), "teenager": (13, 19), "toddler": (1, 4),
    "older people": (65, None), "17 year old": (17, 17), "10 years old": (10, 10), "70 year old": (70, 70),
    "19 year old": (19, 19), "12 year old": (12, 12), "elderly": (65, None),
}


def grade(query, services):
    low, high = query.get("minimum_age"), query.get("maximum_age")
    for words, (a, b) in TEXT_AGES.items():
        if words in query["search"]:
            low, high = a, b
    graded = {}
    for svc in services:
        g = query["grades"].get(svc["_kind"], 0)
        if not g or svc["status"] != "active" or not overlaps(svc, low, high):
            continue
        if "town" in query:
            _o, lat, lon, district = TOWNS[query["town"]]
            if svc["_remote"]:
                area = svc["service_areas"][0]["name"]
                if area not in (district, COUNTY[0]):
                    continue
                g = max(1, g - 1)  # covers the town, but nobody is nearby
            else:
                loc = svc["service_at_locations"][0]["location"]
                if miles_between((lat, lon), (loc["latitude"], loc["longitude"])) > query["miles"]:
                    continue
        graded[svc["id"]] = g
    return graded


def _venues_in_reach(query, services, best):
    remote = {s["id"] for s in services if s["_remote"]}
    return sum(1 for sid, g in grade(query, services).items() if g == best and sid not in remote)


def place_queries(services):
    """Fill in each place query's town: where most of the best-graded services are, a new town when one has two."""
    used = set()
    for q in QUERIES:
        if "{town}" not in q["search"]:
            continue
        best = max(q["grades"].values())
        top = {k: g for k, g in q["grades"].items() if g == best}
        reaches = {t: _venues_in_reach({**q, "town": t, "grades": top}, services, best) for t in sorted(TOWNS)}
        fresh = [t for t in reaches if t not in used and reaches[t] >= 2]
        town = max(fresh or reaches, key=reaches.get)
        used.add(town)
        q["town"] = town
        q["search"] = q["search"].format(town=town)


def main():
    services, postcodes = build()
    place_queries(services)
    queries = []
    for q in QUERIES:
        graded = grade(q, services)
        assert graded, f"no relevant service for {q['search']!r}"
        out = {"kind": q["kind"], "search": q["search"]}
        for name in ("minimum_age", "maximum_age"):
            if name in q:
                out[name] = q[name]
        out["grades"] = dict(sorted(graded.items(), key=lambda item: (-item[1], item[0])))
        queries.append(out)
    clean = [{k: v for k, v in s.items() if not k.startswith("_")} for s in services]
    (HERE / "norfolk_directory.json").write_text(json.dumps(clean, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (HERE / "norfolk_queries.json").write_text(json.dumps(queries, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    # Extra postcodes around each town, so outward codes have centroids and towns have a spread.
    for town, (*_where, district) in TOWNS.items():
        for i in range(4):
            key = f"extra:{town}:{i}"
            postcodes.setdefault(postcode_for(town, key), (*coordinates(town, key), district))
    with open(HERE / "norfolk_postcodes.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pcd", "pcd2", "pcds", "dointr", "doterm", "oscty", "oslaua", "ctry", "rgn", "lat", "long"])
        for code in sorted(postcodes):
            lat, lon, district = postcodes[code]
            outward, inward = code.split()
            writer.writerow([f"{outward:<4}{inward}", f"{outward:<5}{inward}", code, "199001", "", COUNTY[1], DISTRICTS[district], "E92000001", "E12000006", f"{lat:.6f}", f"{lon:.6f}"])
    active = sum(s["status"] == "active" for s in services)
    by_kind = {}
    for q in queries:
        by_kind[q["kind"]] = by_kind.get(q["kind"], 0) + 1
    print(f"{len(services)} services ({active} active), {len(postcodes)} postcodes, {len(queries)} queries {by_kind}")


if __name__ == "__main__":
    main()
