"""Retention in pen pictures (found by name by core.retention): a leaver's pen picture goes with their other records.

A pen picture is the worker's own introduction of themselves; nobody else relies on it once they
have left, and it holds their photo.
"""

from .models import PenPicture, PenPictureVersion


def expire(policy, *, dry_run):
    report = {}
    if policy.leaver_ids:
        pictures = PenPicture.objects.filter(owner__in=policy.leaver_ids)
        report["Leavers' pen pictures"] = pictures.count()
        report["Versions of leavers' pen pictures"] = PenPictureVersion.objects.filter(pen_picture__in=pictures).count()
        if not dry_run:
            pictures.delete()
    return report
