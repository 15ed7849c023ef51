from django.shortcuts import render

from .roles import current_supervisees, current_supervisors, roles_of, teams_of


def my_account(request):
    """Who you are here: teams, roles, supervisors and supervisees."""
    user = request.user
    return render(
        request,
        "people/my_account.html",
        {
            "teams": teams_of(user),
            "roles": sorted(roles_of(user)),
            "supervisors": current_supervisors(user),
            "supervisees": current_supervisees(user),
        },
    )
