"""Load the everyday words that ship with the product (later migrations re-run the same sync)."""

from django.db import migrations


def load(apps, schema_editor):
    from search.engine.shipped import sync_everyday

    sync_everyday(apps)


class Migration(migrations.Migration):
    dependencies = [("search_engine", "0004_everyday_words")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
