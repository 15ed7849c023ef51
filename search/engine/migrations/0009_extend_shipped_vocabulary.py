"""Bring the shipped glossary (UK abbreviations such as ASB, PEP, EP, MSK, OOH, ACEs, DVA) and the
everyday words (hoarding, bullying, stopping smoking, eating problems; more ways to say drinking,
drugs, work and things for children to do) up to date. Terms a practice lead added, edited or
switched off are left as they are."""

from django.db import migrations


def load(apps, schema_editor):
    from search.engine.shipped import sync_everyday, sync_glossary

    sync_glossary(apps)
    sync_everyday(apps)


class Migration(migrations.Migration):
    dependencies = [("search_engine", "0008_entry_facet_keys")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
