"""The site's pages: the home dashboard and editable guidance."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import GuidanceStreamBlock
from .dashboard import panels_for


class HomePage(Page):
    """Each signed-in person's "My practice" dashboard; the panels come from the apps."""

    welcome = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("welcome")]
    subpage_types = ["core.GuidanceIndexPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["panels"] = panels_for(request)
        return context


class GuidanceIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["core.GuidancePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guidance_pages"] = self.get_children().live().specific().order_by("title")
        return context


class GuidancePage(Page):
    summary = models.CharField(max_length=250, blank=True)
    intro = RichTextField(blank=True)
    body = StreamField(GuidanceStreamBlock(), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["core.GuidanceIndexPage", "core.GuidancePage"]
