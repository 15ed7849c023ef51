"""Words people read: counts with the right plural ("1 service", "2 services")."""


def count(number, singular, plural=None):
    """'1 service', '3 services', '1 entry' / '2 entries' with count(n, "entry", "entries")."""
    return f"{number:,} {singular if number == 1 else plural or singular + 's'}"
