"""Retention in the directory (found by name by core.retention): leavers' shortlists.

Team notes stay: they are the team's shared knowledge of a service, and their author's account
is anonymised. Shortlists and notes are not in the directory's search index.
"""

from .models import Shortlist


def expire(policy, *, dry_run):
    if not policy.leaver_ids:
        return {}
    shortlists = Shortlist.objects.filter(owner__in=policy.leaver_ids)
    count = shortlists.count()
    if not dry_run:
        shortlists.delete()
    return {"Leavers' shortlists": count}
