"""A worker's own pen picture (every save a version; the worker picks the current one), and what
practice leads edit: the conversation guide's prompts and the layout of the pen picture.

The person's own pen picture is never stored: the guide is printed blank, and the worker records
what they learnt as a reflective log ("Pen picture conversation" template, in learning).
"""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel

SECTIONS = [
    ("who_i_am", "Who I am"),
    ("what_i_do", "What I do"),
    ("what_i_enjoy", "What I enjoy"),
    ("how_to_reach_me", "How to reach me"),
]


class PenPicture(models.Model):
    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pen_picture")
    current = models.ForeignKey("PenPictureVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Pen picture of {self.owner}"


class PenPictureVersion(models.Model):
    pen_picture = models.ForeignKey(PenPicture, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    who_i_am = models.TextField(blank=True)
    what_i_do = models.TextField(blank=True)
    what_i_enjoy = models.TextField(blank=True)
    how_to_reach_me = models.TextField(blank=True)
    # The photo, re-encoded as a small JPEG (no location or camera data), kept in the database:
    # it has no public address and goes wherever the version goes.
    photo = models.BinaryField(null=True, blank=True, editable=False)
    photo_description = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["pen_picture", "number"], name="one_number_per_pen_picture_version")]

    def __str__(self):
        return f"Version {self.number}"

    def sections(self, layout=None):
        """[(heading, text)] in the layout's headings, leaving out empty sections."""
        headings = (layout or PenPictureLayout.load()).headings()
        return [(headings[key], getattr(self, key)) for key, _ in SECTIONS if getattr(self, key).strip()]


class ConversationPrompt(models.Model):
    """One prompt of the conversation guide a worker prints for the person they support."""

    heading = models.CharField(max_length=120)
    question = models.TextField(help_text="The question in plain words, as the person will read it.")
    writing_lines = models.PositiveSmallIntegerField(default=6, help_text="Blank lines left for writing.")
    sort_order = models.IntegerField(default=0)

    panels = [FieldPanel("heading"), FieldPanel("question"), FieldPanel("writing_lines"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.heading

    @property
    def line_range(self):
        return range(min(self.writing_lines, 30))


class PenPictureLayout(models.Model):
    """The layout of every worker's pen picture: its headings, a line at the top, where the photo goes.

    One row (load() makes it): practice leads edit it in the admin.
    """

    PHOTO_POSITIONS = [("top", "Above the text"), ("side", "Beside the text")]

    title = models.CharField(max_length=120, default="About me")
    introduction = models.CharField(max_length=300, blank=True, default="I am your named social worker.")
    who_i_am_heading = models.CharField(max_length=80, default="Who I am")
    what_i_do_heading = models.CharField(max_length=80, default="What I do")
    what_i_enjoy_heading = models.CharField(max_length=80, default="What I enjoy")
    how_to_reach_me_heading = models.CharField(max_length=80, default="How to reach me")
    photo_position = models.CharField(max_length=10, choices=PHOTO_POSITIONS, default="side")

    panels = [FieldPanel("title"), FieldPanel("introduction"), FieldPanel("who_i_am_heading"),
              FieldPanel("what_i_do_heading"), FieldPanel("what_i_enjoy_heading"),
              FieldPanel("how_to_reach_me_heading"), FieldPanel("photo_position")]

    class Meta:
        verbose_name = "pen picture layout"

    def __str__(self):
        return "Pen picture layout"

    @classmethod
    def load(cls):
        return cls.objects.order_by("pk").first() or cls.objects.create()

    def headings(self):
        return {key: getattr(self, f"{key}_heading") or label for key, label in SECTIONS}
