"""Locations (shared between services), their addresses and accessibility."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from core.safe_urls import web_url_validator

from .common import new_id


class LocationType(models.TextChoices):
    PHYSICAL = "physical", "Physical"
    POSTAL = "postal", "Postal"
    VIRTUAL = "virtual", "Virtual"



class Location(ClusterableModel):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    location_type = models.CharField(max_length=20, choices=LocationType.choices, default=LocationType.PHYSICAL)
    name = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    latitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    external_identifier = models.CharField(max_length=255, blank=True)
    external_identifier_type = models.CharField(max_length=100, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("location_type"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Map position"),
        FieldRowPanel([FieldPanel("external_identifier"), FieldPanel("external_identifier_type")]),
        InlinePanel("addresses", heading="Addresses", label="Address"),
        InlinePanel("accessibility", heading="Accessibility", label="Accessibility feature"),
        InlinePanel("phones", heading="Phone numbers", label="Phone number"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        address = self.addresses.first()
        if address and address.postal_code:
            return f"{self.name or 'Unnamed location'} ({address.postal_code})"
        return self.name or "Unnamed location"

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None


class Address(Orderable):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.CharField(max_length=255, blank=True)
    address_1 = models.CharField("address line 1", max_length=255)
    address_2 = models.CharField("address line 2", max_length=255, blank=True)
    city = models.CharField("town or city", max_length=255)
    region = models.CharField(max_length=255, blank=True)
    state_province = models.CharField("county", max_length=255)
    postal_code = models.CharField("postcode", max_length=20)
    country = models.CharField(max_length=2, default="GB")
    address_type = models.CharField(max_length=20, choices=LocationType.choices, default=LocationType.PHYSICAL)

    panels = [
        FieldPanel("address_1"),
        FieldPanel("address_2"),
        FieldPanel("city"),
        FieldPanel("state_province"),
        FieldPanel("postal_code"),
        FieldPanel("region"),
        FieldPanel("country"),
        FieldPanel("address_type"),
        FieldPanel("attention"),
    ]

    class Meta(Orderable.Meta):
        verbose_name_plural = "addresses"

    def __str__(self):
        return self.one_line()

    def one_line(self):
        parts = [self.address_1, self.address_2, self.city, self.postal_code]
        return ", ".join(p for p in parts if p)


class Accessibility(Orderable):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="accessibility")
    description = models.TextField(blank=True)
    details = models.TextField(blank=True)
    url = models.URLField(max_length=500, blank=True, validators=[web_url_validator])
    accessibility = models.TextField(blank=True, help_text="ORUK's summary of the feature, if different.")

    panels = [FieldPanel("description"), FieldPanel("details"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "accessibility feature"
        verbose_name_plural = "accessibility features"

    def __str__(self):
        return self.description or self.accessibility
