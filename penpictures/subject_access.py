"""Subject access: every version of the person's own pen picture (found by name by core.subject_access)."""

from .models import SECTIONS, PenPictureVersion


def export(user):
    versions = PenPictureVersion.objects.filter(pen_picture__owner=user).select_related("pen_picture").order_by("number")
    items = []
    for v in versions:
        item = {"version": v.number, "saved_at": v.created_at, "current": v.pen_picture.current_id == v.pk}
        item.update({key: getattr(v, key) for key, _ in SECTIONS})
        item["photo"] = "A photo (JPEG, kept with this version)" if v.photo else ""
        item["photo_description"] = v.photo_description
        items.append(item)
    return {"title": "Pen picture", "parts": [{
        "key": "pen_picture_versions", "title": "Your pen picture, every version",
        "description": "What you wrote about yourself to give the people you support. The photo itself is in the "
                       "pen picture's PDF (My pen picture, Download PDF).",
        "items": items,
    }]}
