"""Organisations that run services, and their identifiers (charity number and the like)."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, RevisionMixin

from core.safe_urls import web_url_validator

from .common import new_id


class Organization(RevisionMixin, ClusterableModel):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(max_length=500, blank=True, validators=[web_url_validator])
    logo = models.URLField(max_length=500, blank=True, validators=[web_url_validator])
    uri = models.URLField(max_length=500, blank=True, validators=[web_url_validator])
    # Often a body outside the directory, so kept as an id rather than a link.
    parent_organization_uuid = models.UUIDField("parent organisation id", null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
        FieldPanel("logo"),
        FieldPanel("uri"),
        FieldPanel("parent_organization_uuid"),
        InlinePanel("organization_identifiers", heading="Identifiers", label="Identifier"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "organisation"

    def __str__(self):
        return self.name


class OrganizationIdentifier(Orderable):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    organization = ParentalKey(Organization, on_delete=models.CASCADE, related_name="organization_identifiers")
    identifier_scheme = models.CharField(max_length=100, blank=True)
    identifier_type = models.CharField(max_length=255)
    identifier = models.CharField(max_length=255)

    panels = [FieldPanel("identifier_scheme"), FieldPanel("identifier_type"), FieldPanel("identifier")]
