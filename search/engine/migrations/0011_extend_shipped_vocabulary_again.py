"""Bring the shipped glossary (JCP, LHA, SSP, GAD, PDA, SLD, ELSA, EHCNA, ARBD, T2D, LARC, blue badge, ...)
and the everyday words (coming home from hospital, continence, a dentist, legal problems, care homes,
abuse of an adult or a child, kinship care, childcare, furniture and essentials, getting online,
pain, prison, exploitation, running away, hate crime, stuck at home, volunteering, LGBTQ+) up to
date. Terms a practice lead added, edited or switched off are left as they are."""

from django.db import migrations


def load(apps, schema_editor):
    from search.engine.shipped import sync_everyday, sync_glossary

    sync_glossary(apps)
    sync_everyday(apps)


class Migration(migrations.Migration):
    dependencies = [("search_engine", "0010_search_entry_match")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
