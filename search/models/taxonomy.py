"""Taxonomies and their terms (a service's categories)."""

from django.db import models
from wagtail.admin.panels import FieldPanel

from core.safe_urls import web_url_validator

from .common import new_id


class Taxonomy(models.Model):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    uri = models.URLField(max_length=500, blank=True, validators=[web_url_validator])
    version = models.CharField(max_length=100, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("uri"), FieldPanel("version")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "taxonomies"

    def __str__(self):
        return self.name


class TaxonomyTerm(models.Model):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    taxonomy = models.ForeignKey(
        Taxonomy, null=True, blank=True, on_delete=models.SET_NULL, related_name="terms"
    )
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    # ORUK allows a parent that is not in this directory, so the parent is kept as an id.
    parent_uuid = models.UUIDField("parent term id", null=True, blank=True, db_index=True)
    term = models.CharField(max_length=255, blank=True, help_text="The term's code in its taxonomy, if any.")
    term_uri = models.URLField(max_length=500, blank=True, validators=[web_url_validator])

    panels = [
        FieldPanel("taxonomy"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("term"),
        FieldPanel("term_uri"),
        FieldPanel("parent_uuid"),
    ]

    class Meta:
        ordering = ["taxonomy__name", "name"]

    def __str__(self):
        return self.name

    @property
    def parent(self):
        if self.parent_uuid is None:
            return None
        return TaxonomyTerm.objects.filter(pk=self.parent_uuid).first()
