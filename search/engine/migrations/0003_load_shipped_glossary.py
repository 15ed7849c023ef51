"""Load the UK health and social care glossary that ships with the product.

Re-running the sync in a later migration (after extending shipped/glossary.json) adds the new
terms and updates untouched shipped ones; local additions and edits are never overwritten.
"""

from django.db import migrations


def load(apps, schema_editor):
    from search.engine.shipped import sync_glossary

    sync_glossary(apps)


class Migration(migrations.Migration):
    dependencies = [("search_engine", "0002_shipped_vocabulary")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
