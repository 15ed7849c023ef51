"""Supervision's downloads: the team numbers as CSV (counts and dates, never what was said)."""

from core.exports import csv_response


def team_numbers_csv(numbers):
    """services.team_numbers(...) as a spreadsheet-safe CSV."""
    response, writer = csv_response(f'team-numbers-{numbers["start"]}-{numbers["end"]}.csv')
    writer.writerow(["Team", numbers["team"].name, "From", numbers["start"].isoformat(), "To", numbers["end"].isoformat()])
    writer.writerow([])
    writer.writerow(["Supervision type", "Held", "Signed off", "Due"])
    for row in numbers["supervision"]:
        writer.writerow([row["type"], row["held"], row["signed_off"], "" if row["due"] is None else row["due"]])
    writer.writerow([])
    writer.writerow(["Peer session format", "Sessions", "Member attendances", "Guest attendances", "Hours", "Person-hours"])
    for row in numbers["peer"]:
        writer.writerow([row["format"], row["sessions"], row["attendances"], row["guests"], row["hours"], row["person_hours"]])
    return response
