"""Make the shared cache's table (login limits) as part of migrate, so no deployment can miss it.

Runs `createcachetable`, which does nothing for caches that are not database caches (CACHE_URL
pointing at Redis, say) or whose table exists. scripts/setup and the tests run it as well.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop, elidable=True)]
