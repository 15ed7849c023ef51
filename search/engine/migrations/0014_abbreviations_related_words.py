"""Bring the shipped vocabulary up to date: the glossary's YP, and everyday words that link an
abbreviation to the words services use beside its expansion (CAMHS and CYPMHS to young people's
mental health and counselling; UC, PIP, DLA, ESA and other benefits to benefits advice; EHCP and
SEND support to special educational needs; CLDT to learning disability nurses; DPs and personal
assistants to direct payments). Terms a practice lead added, edited or switched off are left as
they are."""

from django.db import migrations


def load(apps, schema_editor):
    from search.engine.shipped import sync_everyday, sync_glossary

    sync_glossary(apps)
    sync_everyday(apps)


class Migration(migrations.Migration):
    dependencies = [("search_engine", "0013_search_entry_meaning")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
