"""PostgreSQL: indexes that let a search with a place read the venues in its bounding box, the
entries serving its areas and what it needs of each match row without visiting the rows."""

from django.db import migrations


def install(apps, schema_editor):
    from search.engine import fulltext

    if schema_editor.connection.vendor == "postgresql":
        fulltext.install(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('search_engine', '0011_extend_shipped_vocabulary_again'),
    ]

    operations = [
        migrations.RunPython(install, migrations.RunPython.noop),
    ]
