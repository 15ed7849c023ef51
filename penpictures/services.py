"""What a worker does with their pen picture: save a new version, choose the current one, print it.

Views, the demo and tests call these; nobody else reads or writes pen pictures.
"""

import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from core.prepared import PreparedQuery

from .models import SECTIONS, ConversationPrompt, PenPicture, PenPictureVersion

PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_SIDE = 600  # pixels: enough for a printed page, small in the database
PHOTO_FORMATS = {"JPEG", "PNG"}


def pen_picture_of(user):
    """The worker's pen picture (made empty the first time)."""
    pen_picture, _ = PenPicture.objects.get_or_create(owner=user)
    return pen_picture


def versions_of(user):
    return PenPictureVersion.objects.filter(pen_picture__owner=user).order_by("-number")


def current_version(user):
    pen_picture = PenPicture.objects.filter(owner=user).select_related("current").first()
    return pen_picture.current if pen_picture else None


def current_version_number(user):
    """The number of the person's current version, or None: without reading its text or photo."""
    rows = _current_number(owner=user.pk)
    return rows[0]["current__number"] if rows else None


# The dashboard asks on every visit: built once per process (core.prepared).
_current_number = PreparedQuery(
    lambda owner: PenPicture.objects.filter(owner=owner, current__isnull=False).order_by("pk").values("current__number")[:1],
    owner=int,
)


def checked_photo(upload):
    """The uploaded photo as a small JPEG (location and camera data dropped), or a ValidationError saying why not."""
    from PIL import Image, UnidentifiedImageError

    if upload.size > PHOTO_MAX_BYTES:
        raise ValidationError("The photo must be smaller than 5 MB")
    try:
        data = upload.read()
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            probe.verify()
        if kind not in PHOTO_FORMATS:
            raise ValidationError("The photo must be a JPG or PNG")
        with Image.open(io.BytesIO(data)) as image:
            image = image.convert("RGB")
            image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
            out = io.BytesIO()
            image.save(out, "JPEG", quality=85)  # a new file: no EXIF, no location
            return out.getvalue()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError("The photo must be a JPG or PNG") from None


@transaction.atomic
def save_version(user, *, texts, photo=None, photo_description="", remove_photo=False):
    """Keep a new version of the worker's pen picture and make it the current one.

    texts: {section key: text}. photo: JPEG bytes from checked_photo, or None to keep the last one.
    """
    pen_picture = PenPicture.objects.select_for_update().get(pk=pen_picture_of(user).pk)
    previous = pen_picture.versions.order_by("-number").first()
    if photo is None and previous is not None and not remove_photo:
        photo, photo_description = previous.photo, photo_description or previous.photo_description
    number = (pen_picture.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = PenPictureVersion.objects.create(
        pen_picture=pen_picture, number=number, photo=photo or None,
        photo_description=photo_description if photo else "",
        **{key: (texts.get(key) or "").strip() for key, _ in SECTIONS},
    )
    pen_picture.current = version
    pen_picture.save(update_fields=["current"])
    return version


def make_current(user, version):
    """Hand over this version from now on. Only the worker's own versions."""
    if version.pen_picture.owner_id != user.pk:
        raise PermissionError("Not your pen picture")
    PenPicture.objects.filter(pk=version.pen_picture_id).update(current=version)
    return version


def prompts():
    return list(ConversationPrompt.objects.all())
