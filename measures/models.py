"""The one thing measures stores: the smallest group whose figures may be shown."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from people.permission_policies import AdministratorRolePolicy

DEFAULT_SMALLEST_GROUP = 5


@register_setting(icon="table")
class MeasuresSettings(BaseGenericSetting):
    """Set by administrators in Settings > Measures (practice leads read the measures, not this)."""

    smallest_group = models.PositiveSmallIntegerField(
        "Smallest group shown",
        default=DEFAULT_SMALLEST_GROUP,
        validators=[MinValueValidator(3), MaxValueValidator(50)],
        help_text=(
            "No figure is shown for fewer people than this: the page, CSV and report say 'Fewer than N' instead. "
            "5 is the usual rule for statistics about staff; 3 is the least allowed."
        ),
    )

    panels = [FieldPanel("smallest_group")]

    class Meta:
        verbose_name = "Measures"

    @classmethod
    def get_permission_policy(cls):
        return AdministratorRolePolicy(cls, actions=("change",))
