from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Membership
from .roles import sync_user_groups


@receiver([post_save, post_delete], sender=Membership)
def keep_admin_groups_in_step(sender, instance, **kwargs):
    sync_user_groups(instance.user)
