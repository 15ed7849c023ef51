"""The directory's public contract for those who follow its changes (the search engine).

    services_changed                  # Signal, kwarg service_ids (a set of UUIDs)
    watches(model) -> bool            # a directory model whose saves change some service's record
    services_affected_by(instance)    # the ids of the services a saved or deleted record belongs to
    paused()                          # context manager: bulk writes that announce nothing
    start_afresh()                    # forget a batch still waiting (tests simulating a new transaction)

`services_changed` is sent once per committed transaction with the ids of every service whose
ORUK record may have changed: an import, an edit in the admin to a service, its organisation,
one of its locations or one of its taxonomy terms, or a deletion. Nothing is sent for a
transaction that rolls back. The directory itself calls `notify_services_changed` (the
importer, and the save and delete receiver below).
"""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

services_changed = Signal()

_pending = threading.local()


class _Batch:
    def __init__(self, ids):
        self.ids = set(ids)

    def send(self):
        services_changed.send(sender=None, service_ids=self.ids)


def notify_services_changed(service_ids):
    """Announce these service ids when the current transaction commits (at once outside one).

    Ids queued during one transaction go out together, once.
    """
    ids = {i for i in service_ids if i}
    if not ids:
        return
    connection = transaction.get_connection()
    batch = getattr(_pending, "batch", None)
    # The batch is still waiting when its callback is still queued on this connection: a
    # rollback or a commit removes it.
    if (
        batch is not None
        and connection.in_atomic_block
        and any(entry[1] == batch.send for entry in connection.run_on_commit)
    ):
        batch.ids.update(ids)
        return
    batch = _Batch(ids)
    _pending.batch = batch
    transaction.on_commit(batch.send)


def services_affected_by(instance) -> set:
    """The ids of the services whose record shows this directory record (empty when none)."""
    from . import models

    if isinstance(instance, models.Service):
        return {instance.pk}
    service_id = getattr(instance, "service_id", None)
    if service_id:
        return {service_id}
    if isinstance(instance, models.Organization):
        return set(instance.services.values_list("pk", flat=True))
    if isinstance(instance, models.Location):
        return set(models.ServiceAtLocation.objects.filter(location=instance).values_list("service_id", flat=True))
    location_id = getattr(instance, "location_id", None)
    if location_id:
        return set(models.ServiceAtLocation.objects.filter(location_id=location_id).values_list("service_id", flat=True))
    if isinstance(instance, models.OrganizationIdentifier):
        return set(models.Service.objects.filter(organization_id=instance.organization_id).values_list("pk", flat=True))
    if isinstance(instance, models.TaxonomyTerm):
        return set(instance.service_attributes.values_list("service_id", flat=True))
    if isinstance(instance, models.Taxonomy):
        return set(
            models.ServiceAttribute.objects.filter(taxonomy_term__taxonomy=instance).values_list("service_id", flat=True)
        )
    contact_id = getattr(instance, "contact_id", None)
    if contact_id:
        return set(models.Contact.objects.filter(pk=contact_id).values_list("service_id", flat=True))
    return set()


WATCHED = (
    "Service", "Organization", "OrganizationIdentifier", "Location", "Address", "Accessibility",
    "Taxonomy", "TaxonomyTerm", "ServiceAttribute", "ServiceAtLocation", "Schedule", "ServiceArea",
    "CostOption", "Funding", "Contact", "Phone", "Language",
)


def watches(model) -> bool:
    """Whether saving or deleting a `model` row can change some service's record."""
    return model._meta.app_label == "directory" and model.__name__ in WATCHED


@receiver(post_save, dispatch_uid="directory_record_changed")
@receiver(post_delete, dispatch_uid="directory_record_changed")
def _record_changed(sender, instance, **kwargs):
    if not watches(sender):
        return
    if kwargs.get("raw"):
        return
    if getattr(instance, "_skip_change_signal", False):
        return
    try:
        ids = services_affected_by(instance)
    except Exception:  # a half-deleted parent: the parent's own signal covers it
        return
    notify_services_changed(ids)


@contextmanager
def paused():
    """Bulk writes (a benchmark's synthetic services) that announce no change while they run."""
    post_save.disconnect(dispatch_uid="directory_record_changed")
    post_delete.disconnect(dispatch_uid="directory_record_changed")
    try:
        yield
    finally:
        post_save.connect(_record_changed, dispatch_uid="directory_record_changed")
        post_delete.connect(_record_changed, dispatch_uid="directory_record_changed")


def start_afresh():
    """Forget a batch of ids still waiting for its commit, as a new transaction would."""
    _pending.__dict__.clear()
