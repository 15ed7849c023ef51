"""Subject access: the person's account, roles and supervision relationships (see core.subject_access)."""

from .models import Membership, SupervisionRelationship


def export(user):
    memberships = Membership.objects.filter(user=user).select_related("team").order_by("joined_on", "pk")
    relationships = (
        SupervisionRelationship.objects.filter(supervisee=user) | SupervisionRelationship.objects.filter(supervisor=user)
    ).select_related("supervisor", "supervisee").order_by("start_date", "pk")
    account = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "job_title": user.job_title,
        "social_work_england_registration_number": user.swe_registration_number,
        "account_created": user.date_joined,
        "last_signed_in": user.last_login,
        "active": user.is_active,
    }
    return {
        "title": "Your account",
        "parts": [
            {"key": "account", "title": "Account", "items": [account]},
            {
                "key": "memberships",
                "title": "Teams and roles",
                "items": [
                    {"team": m.team.name, "role": m.get_role_display(), "joined_on": m.joined_on, "left_on": m.left_on}
                    for m in memberships
                ],
            },
            {
                "key": "supervision_relationships",
                "title": "Supervision relationships",
                "items": [
                    {
                        "you_are": "supervisee" if r.supervisee_id == user.pk else "supervisor",
                        "other_person": str(r.supervisor if r.supervisee_id == user.pk else r.supervisee),
                        "kind": r.get_kind_display(),
                        "start_date": r.start_date,
                        "end_date": r.end_date,
                    }
                    for r in relationships
                ],
            },
        ],
    }
