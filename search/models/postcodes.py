"""Postcodes (the ONS Postcode Directory): where a postcode is, and the areas it lies in."""

from django.db import models


class Postcode(models.Model):
    """One row of the ONS Postcode Directory: where a postcode is."""

    postcode = models.CharField(max_length=8, unique=True, help_text="Upper case with one space: B97 4DN.")
    outward = models.CharField(max_length=4, db_index=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    district_code = models.CharField("local authority district (oslaua)", max_length=9, blank=True, db_index=True)
    county_code = models.CharField("county (oscty)", max_length=9, blank=True, db_index=True)

    class Meta:
        ordering = ["postcode"]

    def __str__(self):
        return self.postcode

    @property
    def area_codes(self):
        return {c for c in (self.district_code, self.county_code) if c}
