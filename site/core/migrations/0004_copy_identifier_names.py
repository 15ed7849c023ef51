"""Bring the names practice leads kept in learning's list into the site's privacy core."""

from django.db import migrations


def copy_names(apps, schema_editor):
    old = apps.get_model("learning", "IdentifierName")
    new = apps.get_model("core", "IdentifierName")
    existing = set(new.objects.values_list("name", flat=True))
    new.objects.bulk_create(
        [new(name=name) for name in old.objects.values_list("name", flat=True) if name not in existing]
    )


def copy_back(apps, schema_editor):
    old = apps.get_model("learning", "IdentifierName")
    new = apps.get_model("core", "IdentifierName")
    existing = set(old.objects.values_list("name", flat=True))
    old.objects.bulk_create(
        [old(name=name) for name in new.objects.values_list("name", flat=True) if name not in existing]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_identifiername"),
        ("learning", "0002_logpeergroupshare"),
    ]

    operations = [migrations.RunPython(copy_names, copy_back)]
