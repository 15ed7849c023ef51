"""Factories for pen pictures' tests."""

import io


def photo_bytes(size=(40, 50), color=(200, 120, 40), kind="JPEG"):
    """A small real image file (JPEG or PNG) as bytes."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, kind)
    return out.getvalue()


def texts(**overrides):
    return {"who_i_am": "I am Wendy, your named social worker.", "what_i_do": "I help you plan your support.",
            "what_i_enjoy": "Baking bread.", "how_to_reach_me": "Phone the team on 01632 960000.", **overrides}
