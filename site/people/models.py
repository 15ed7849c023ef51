"""People, teams, roles and supervision relationships: who may see whose work."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.prepared import PreparedQuery


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)

    def get(self, *args, **kwargs):
        """objects.get(pk=id) from SQL built once per process: Django's authentication asks it on every
        signed-in request (ModelBackend.get_user), and building that query cost more CPU than the
        rest of reading the person. Anything else, and a migration's copy of the model, as Django does."""
        pk = kwargs.get("pk")
        if args or len(kwargs) != 1 or type(pk) is not int or self.model is not User or self._db is not None:
            return super().get(*args, **kwargs)
        rows = _person_by_id(person=pk)
        if not rows:
            raise User.DoesNotExist("User matching query does not exist.")
        return User.from_db(self.db, list(rows[0]), list(rows[0].values()))


class User(AbstractUser):
    """A member of staff. The email address is the login; there is no username."""

    username = None
    email = models.EmailField("email address", unique=True)
    job_title = models.CharField(max_length=120, blank=True)
    swe_registration_number = models.CharField(
        "Social Work England registration number", max_length=20, blank=True
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["first_name", "last_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)


_person_by_id = PreparedQuery(
    lambda person: User._base_manager.filter(pk=person).order_by().values(*[f.attname for f in User._meta.concrete_fields]),
    person=int,
)


class Team(models.Model):
    name = models.CharField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    service_area = models.CharField(
        max_length=150, blank=True, help_text="For example: Community learning disabilities, south."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    WORKER = "worker", "Worker"
    SUPERVISOR = "supervisor", "Supervisor"
    PRACTICE_LEAD = "practice_lead", "Practice lead"
    ADMINISTRATOR = "administrator", "Administrator"


class Membership(models.Model):
    """A person's role in a team. A person may belong to several teams, in several roles."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.WORKER)
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)

    panels = [FieldPanel("team"), FieldPanel("user"), FieldPanel("role"), FieldPanel("joined_on"), FieldPanel("left_on")]

    class Meta:
        ordering = ["team__name", "role", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["team", "user", "role"], name="unique_role_in_team"),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}, {self.team}"

    @property
    def is_current(self):
        return self.left_on is None or self.left_on >= timezone.localdate()


class RelationshipKind(models.TextChoices):
    LINE_MANAGER = "line_manager", "Line manager"
    PRACTICE_SUPERVISOR = "practice_supervisor", "Practice supervisor"
    CLINICAL = "clinical", "Clinical or professional supervisor"


class SupervisionRelationshipQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(start_date__lte=on).filter(Q(end_date__isnull=True) | Q(end_date__gte=on))


class SupervisionRelationship(models.Model):
    """A supervisor supervises a supervisee between two dates. A worker may have several."""

    supervisor = models.ForeignKey(User, on_delete=models.CASCADE, related_name="supervising")
    supervisee = models.ForeignKey(User, on_delete=models.CASCADE, related_name="supervised_by")
    kind = models.CharField(max_length=30, choices=RelationshipKind.choices, default=RelationshipKind.LINE_MANAGER)
    start_date = models.DateField(default=timezone.localdate)
    end_date = models.DateField(null=True, blank=True, help_text="Leave blank while the relationship continues.")

    objects = SupervisionRelationshipQuerySet.as_manager()

    panels = [FieldPanel("supervisor"), FieldPanel("supervisee"), FieldPanel("kind"), FieldPanel("start_date"), FieldPanel("end_date")]

    class Meta:
        ordering = ["supervisee__first_name", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(supervisor=models.F("supervisee")), name="no_self_supervision"
            ),
        ]

    def __str__(self):
        return f"{self.supervisor} supervises {self.supervisee} ({self.get_kind_display()})"

    def clean(self):
        if self.supervisor_id and self.supervisor_id == self.supervisee_id:
            raise ValidationError("A person cannot supervise themselves.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date must be on or after the start date."})

    @property
    def is_current(self):
        today = timezone.localdate()
        return self.start_date <= today and (self.end_date is None or self.end_date >= today)


@register_setting(icon="lock")
class SecuritySettings(BaseGenericSetting):
    """Set by administrators in Settings > Security."""

    require_mfa_for_supervisors = models.BooleanField(
        "Require two-factor authentication for supervisors", default=False
    )
    require_mfa_for_practice_leads = models.BooleanField(
        "Require two-factor authentication for practice leads", default=False
    )
    require_mfa_for_administrators = models.BooleanField(
        "Require two-factor authentication for administrators", default=True
    )

    class Meta:
        verbose_name = "Security"
