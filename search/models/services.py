"""Services and their nested parts: categories, locations, schedules, areas, costs, funding, contacts, phones, languages."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin

from core.safe_urls import web_url_validator

from .common import LISTED_STATUSES, REVIEW_INTERVAL, ServiceStatus, new_id
from .locations import Location
from .organisations import Organization
from .taxonomy import TaxonomyTerm


class ServiceQuerySet(models.QuerySet):
    def listed(self):
        """Services a search or listing may show: not inactive, not defunct."""
        return self.filter(status__in=LISTED_STATUSES)


class Service(RevisionMixin, ClusterableModel):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="services"
    )
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    url = models.URLField(max_length=500, blank=True, validators=[web_url_validator])
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE, db_index=True)
    fees = models.TextField(blank=True, help_text="Free text about charges. Prefer cost options below.")
    accreditations = models.TextField(blank=True)
    minimum_age = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)],
        help_text="Youngest age (in years) the service is for. Leave empty for no lower limit.",
    )
    maximum_age = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)],
        help_text="Oldest age (in years) the service is for. Leave empty for no upper limit.",
    )
    eligibility_description = models.TextField(
        blank=True, help_text="Who else the service is for (conditions, referral routes)."
    )
    # "Last reviewed": ORUK calls it the assured date.
    assured_date = models.DateField("last reviewed", null=True, blank=True)
    assurer_email = models.EmailField("reviewed by (email)", blank=True)
    alert = models.TextField(blank=True, help_text="A short-term notice, such as a temporary change of venue.")
    last_modified = models.DateTimeField(null=True, blank=True, help_text="Set automatically when the service changes.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ServiceQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("organization"), FieldPanel("status"), FieldPanel("alert")],
            heading="The service",
        ),
        MultiFieldPanel(
            [FieldPanel("description"), FieldPanel("accreditations")],
            heading="What it offers",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                FieldPanel("eligibility_description"),
            ],
            heading="Who it is for",
        ),
        InlinePanel("attributes", heading="Categories", label="Category"),
        InlinePanel("cost_options", heading="Cost", label="Cost option"),
        FieldPanel("fees"),
        InlinePanel("schedules", heading="When", label="Opening time"),
        InlinePanel("service_at_locations", heading="Where", label="Location"),
        InlinePanel("service_areas", heading="Areas served", label="Area"),
        MultiFieldPanel([FieldPanel("url"), FieldPanel("email")], heading="How to get in touch"),
        InlinePanel("phones", heading="Phone numbers", label="Phone number"),
        InlinePanel("contacts", heading="Named contacts", label="Contact"),
        InlinePanel("languages", heading="Languages", label="Language"),
        InlinePanel("funding", heading="Funding", label="Funding source"),
        MultiFieldPanel([FieldPanel("assured_date"), FieldPanel("assurer_email")], heading="Review"),
    ]

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["minimum_age", "maximum_age"])]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.minimum_age is not None and self.maximum_age is not None and self.maximum_age < self.minimum_age:
            raise ValidationError({"maximum_age": "The oldest age cannot be younger than the youngest age"})

    def save(self, *args, **kwargs):
        # The importer sets last_modified from the file; editors' saves stamp it.
        if not getattr(self, "_keep_last_modified", False):
            self.last_modified = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("search:service-detail", args=[self.pk])

    @property
    def is_listed(self):
        return self.status in LISTED_STATUSES

    @property
    def last_reviewed(self):
        return self.assured_date

    def review_overdue(self, today=None):
        """True when nobody has confirmed the listing within the last year (or ever)."""
        today = today or timezone.localdate()
        return self.assured_date is None or today - self.assured_date > REVIEW_INTERVAL

    def taxonomy_terms(self):
        return [a.taxonomy_term for a in self.attributes.all() if a.taxonomy_term_id]

    def is_free(self):
        """Free when it has a cost option of nothing (and none that charge)."""
        options = list(self.cost_options.all())
        says_free = any(o.amount == 0 or (o.option or "").strip().lower() == "free" for o in options)
        return says_free and not any(o.amount for o in options)

    def age_range_text(self):
        return age_range_text(self.minimum_age, self.maximum_age)


def _age(value):
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


def age_range_text(minimum, maximum):
    minimum, maximum = _age(minimum), _age(maximum)
    if minimum is None and maximum is None:
        return "Any age"
    if minimum is None:
        return f"Up to {maximum} years"
    if maximum is None:
        return f"{minimum} years and over"
    return f"{minimum} to {maximum} years"


class ServiceAttribute(Orderable):
    """Links a service to a taxonomy term (ORUK's `attributes`)."""

    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="attributes")
    taxonomy_term = models.ForeignKey(TaxonomyTerm, on_delete=models.CASCADE, related_name="service_attributes")
    link_type = models.CharField(max_length=100, blank=True)

    panels = [FieldPanel("taxonomy_term"), FieldPanel("link_type")]

    class Meta(Orderable.Meta):
        verbose_name = "category"


class ServiceAtLocation(Orderable):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_at_locations")
    description = models.TextField(blank=True)

    panels = [FieldPanel("location"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "service at location"

    def __str__(self):
        return f"{self.service} at {self.location}"


class Schedule(Orderable):
    """When a service (or the service at one location) is open: an RFC 5545 recurrence."""

    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="schedules")
    # Set when the times apply at one location only.
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    dtstart = models.DateField(null=True, blank=True)
    freq = models.CharField(
        max_length=10, blank=True, choices=[("WEEKLY", "Weekly"), ("MONTHLY", "Monthly")]
    )
    interval = models.PositiveSmallIntegerField(null=True, blank=True)
    byday = models.CharField(max_length=100, blank=True, help_text="Days, e.g. MO,TU or 1MO (first Monday).")
    bymonthday = models.CharField(max_length=100, blank=True)
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    description = models.TextField(blank=True)
    schedule_link = models.URLField(max_length=500, blank=True, validators=[web_url_validator])
    attending_type = models.CharField(max_length=255, blank=True)
    notes = models.TextField(blank=True)

    panels = [
        FieldRowPanel([FieldPanel("freq"), FieldPanel("interval"), FieldPanel("byday"), FieldPanel("bymonthday")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to"), FieldPanel("dtstart")]),
        FieldPanel("description"),
        FieldPanel("attending_type"),
        FieldPanel("notes"),
        FieldPanel("schedule_link"),
    ]

    def summary(self):
        """The times in plain words: the editor's description, or one made from the rule."""
        if self.description:
            return self.description
        parts = []
        days = self.days()
        if days:
            names = [DAY_NAMES.get(d, d) for d in days]
            every = "Every other " if (self.interval or 1) == 2 and len(names) == 1 else ""
            if self.freq == "MONTHLY":
                parts.append("Monthly on " + _join(names))
            else:
                parts.append(every + _join([n + ("" if every else "s") for n in names]))
        if self.opens_at and self.closes_at:
            parts.append(f"{clock(self.opens_at)} to {clock(self.closes_at)}")
        elif self.opens_at:
            parts.append(f"from {clock(self.opens_at)}")
        return ", ".join(parts) or self.notes or "Times not given"

    def days(self):
        """Two-letter weekday codes this schedule runs on ("1MO" counts as MO)."""
        return [re.sub(r"^[-+]?\d+", "", d.strip()).upper() for d in self.byday.split(",") if d.strip()]


DAY_NAMES = {
    "MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday",
    "SA": "Saturday", "SU": "Sunday",
}


def _join(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def clock(value):
    """10:00 -> "10am", 13:30 -> "1:30pm", 12:00 -> "midday"."""
    if value.hour == 12 and value.minute == 0:
        return "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


class ServiceArea(Orderable):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(max_length=255, blank=True)
    service_area = models.TextField("description", blank=True)
    extent = models.TextField(blank=True)
    extent_type = models.CharField(max_length=50, blank=True)
    uri = models.CharField(max_length=500, blank=True, validators=[web_url_validator])
    # The ONS area code (E07000236 etc.) taken from the uri, which postcodes are matched against.
    gss_code = models.CharField("area code", max_length=12, blank=True, db_index=True, editable=False)

    panels = [FieldPanel("name"), FieldPanel("service_area"), FieldPanel("uri")]

    def save(self, *args, **kwargs):
        self.gss_code = gss_code_from(self.uri) or gss_code_from(self.extent)
        super().save(*args, **kwargs)

    def __str__(self):
        return self.name or self.service_area[:60]


_GSS = re.compile(r"\b([EWSNK]\d{8})\b")


def gss_code_from(text):
    match = _GSS.search(text or "")
    return match.group(1) if match else ""


class CostOption(Orderable):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=255, blank=True, help_text="Who or what this price applies to.")
    amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=255, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("option"), FieldPanel("amount"), FieldPanel("amount_description")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
    ]

    def __str__(self):
        if self.amount is None:
            return self.option or self.amount_description
        if self.amount == 0:
            return f"{self.option or 'Free'}"
        amount = f"£{self.amount:,.2f}".replace(".00", "")
        return " ".join(p for p in [self.option + ":" if self.option else "", amount, self.amount_description] if p)


class Funding(Orderable):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="funding")
    source = models.TextField()

    panels = [FieldPanel("source")]


class Contact(Orderable):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=255, blank=True)
    title = models.CharField("job title", max_length=255, blank=True)
    department = models.CharField(max_length=255, blank=True)
    email = models.EmailField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("department"), FieldPanel("email")]

    def __str__(self):
        return ", ".join(p for p in [self.name, self.title] if p)


class Phone(Orderable):
    """A phone number for a service, a location or a named contact (exactly one of them)."""

    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    service = ParentalKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    location = ParentalKey(Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(max_length=50)
    extension = models.CharField(max_length=20, blank=True)
    type = models.CharField(max_length=20, blank=True, help_text="For example: voice, text, textphone.")
    description = models.CharField(max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("number"), FieldPanel("extension"), FieldPanel("type")]), FieldPanel("description")]

    def __str__(self):
        return self.number


class Language(Orderable):
    id = models.UUIDField(primary_key=True, default=new_id, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="languages")
    name = models.CharField(max_length=100, blank=True)
    code = models.CharField(max_length=20, blank=True, help_text="ISO 639 code, e.g. en, cy, pa.")
    note = models.CharField(max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("code")]), FieldPanel("note")]

    def __str__(self):
        return self.name or self.code
