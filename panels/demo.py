"""Panels demo content: a panel with members from several agencies, requests in different states,
a signed-off meeting with a decision agreed with conditions and a review date. Idempotent."""

import datetime

from django.utils import timezone

PANEL_NAME = "Mental Capacity Act team risk enablement panel"

TERMS = (
    "<h2>Purpose</h2><p>The panel helps workers and the people they support try options that others think too risky, "
    "and shares the decision and the responsibility for it.</p>"
    "<h2>How it works</h2><ul><li>A worker brings a request, with their supervisor's agreement.</li>"
    "<li>The person, their family and advocates are invited.</li>"
    "<li>The panel agrees, agrees with conditions, does not agree or asks for more information, and sets a review date.</li></ul>"
)


def seed(log):
    from core.demo import DEMO_TEAM
    from people.models import Team, User

    from . import services
    from .models import ExternalMember, Outcome, Panel, TermsOfReference

    if Panel.objects.filter(name=PANEL_NAME).exists():
        return
    people = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    chair, member = people.get("supervisor2@example.org"), people.get("worker6@example.org")
    if chair is None or member is None:
        return
    panel = Panel.objects.create(name=PANEL_NAME, team=Team.objects.filter(name=DEMO_TEAM).first(), chair=chair,
                                 meeting_rhythm="Monthly, on the second Tuesday afternoon")
    panel.members.set([chair, member, people["supervisor1@example.org"]])
    for role, organisation in [("Community nurse", "NHS learning disability team"),
                               ("Occupational therapist", "NHS community health"),
                               ("Housing officer", "District council")]:
        ExternalMember.objects.create(panel=panel, role=role, organisation=organisation)
    TermsOfReference.objects.create(panel=panel, body=TERMS)

    supervisor1 = people["supervisor1@example.org"]
    today = timezone.localdate()

    def request(worker, reference, wants, option):
        r = services.start_request(panel=panel, worker=people[worker], case_reference=reference)
        services.save_request(
            r, people[worker], what_person_wants=wants, option_proposed=option,
            benefits_to_person="More independence and confidence; a life less shaped by services.",
            benefits_to_others="Family carers get time for themselves.",
            risks_to_person="Getting lost or being taken advantage of; a fall.",
            risks_to_others="None identified.",
            what_has_been_tried="Accompanied practice for three months.",
            persons_view="Wants to try and is frustrated at being accompanied everywhere.",
            capacity_considerations="Has capacity for this decision (assessed this year).",
        )
        return r

    # A draft worker1 is still writing, waiting for their supervisor's agreement.
    request("worker1@example.org", "CLD-3110", "To cook a hot meal in their own kitchen.", "Cooking with a hob guard and a timer.")
    # A request waiting to be scheduled.
    waiting = request("worker2@example.org", "CLD-2875", "To go swimming at the leisure centre alone.", "Swimming at quiet times with a lifeguard told.")
    services.agree_request(waiting, supervisor1)
    services.submit_request(waiting, people["worker2@example.org"])
    # Decided with conditions at last month's meeting, with a review date and an action.
    decided = request("worker3@example.org", "CLD-2041", "To take the bus to the day centre alone.",
                      "Travel training for four weeks, then travelling alone with a mobile phone.")
    services.agree_request(decided, supervisor1)
    services.submit_request(decided, people["worker3@example.org"])
    held = services.schedule_meeting(panel=panel, chair=chair, meets_on=today - datetime.timedelta(days=28), place="Room 2, Bromsgrove office")
    services.add_to_agenda(held, chair, decided)
    services.record_attendance(held, chair, attendees=[chair, member, supervisor1],
                               guests=[{"role": "The person", "organisation": "–"}, {"role": "Advocate", "organisation": "Local advocacy service"}])
    services.record_decision(
        held, chair, decided, outcome=Outcome.AGREED_WITH_CONDITIONS,
        rationale="The benefits to the person outweigh the risks, which the conditions reduce.",
        conditions="Carries a charged phone; texts on arrival for the first month.",
        shared_by=[chair, member, supervisor1], review_on=today + datetime.timedelta(days=14),
        actions=[("Arrange travel training with the provider", people["worker3@example.org"], today + datetime.timedelta(days=7))],
    )
    services.sign_off(held, chair)
    services.schedule_meeting(panel=panel, chair=chair, meets_on=today + datetime.timedelta(days=7), place="Room 2, Bromsgrove office")
    log("Panels: a risk enablement panel with requests and a decided case")
