"""Who may do what with the directory search."""

from people import roles


def can_search(user):
    """Everyone signed in is staff and may search the directory."""
    return user.is_authenticated


def can_see_engine_details(user):
    """Why search is in fallback mode (the error itself) is for those who run the site."""
    return user.is_authenticated and roles.can_use_admin(user)
