"""iCalendar invitations for supervision sessions (RFC 5545, METHOD:REQUEST)."""

from datetime import UTC

from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText


def _address(user, role):
    address = vCalAddress(f"mailto:{user.email}")
    address.params["cn"] = vText(user.get_full_name() or user.email)
    address.params["role"] = vText(role)
    return address


def session_calendar(session, *, method="REQUEST", url="", details=True):
    """A calendar holding one event for the session: same UID every time, times in UTC.

    details=False (someone who may no longer read the session, such as a former supervisor): the
    date, time and status only, no place and no people."""
    cal = Calendar()
    cal.add("prodid", "-//Practice Commons//Supervision//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", session.ical_uid)
    event.add("sequence", session.ical_sequence)
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    # No names of the people supported, and no notes: only what a calendar needs.
    event.add("summary", f"{session.get_mode_display()} supervision")
    if session.place and details:
        event.add("location", session.place)
    description = "Supervision session. Add agenda items in Practice Commons before you meet."
    if url and details:
        description += f"\n{url}"
        event.add("url", url)
    event.add("description", description)
    event.add("status", "CANCELLED" if method == "CANCEL" or session.status == "cancelled" else "CONFIRMED")
    if details:
        event["organizer"] = _address(session.supervisor, "CHAIR")
        for participant in session.participants.all():
            attendee = _address(participant.user, "REQ-PARTICIPANT")
            attendee.params["partstat"] = vText("NEEDS-ACTION")
            attendee.params["rsvp"] = vText("TRUE")
            event.add("attendee", attendee, encode=0)
    cal.add_component(event)
    return cal.to_ical()
