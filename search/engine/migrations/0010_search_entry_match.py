"""PostgreSQL: the database fallback reads the narrow match rows of the entries (the vector, filter
values and facet keys) instead of 2 KB entry rows for every match; filled here from the entries."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from search.engine import fulltext

    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    fulltext.install(connection)
    with connection.cursor() as cursor:
        fulltext.copy_matches(cursor)


class Migration(migrations.Migration):

    dependencies = [
        ('search_engine', '0009_extend_shipped_vocabulary'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchEntryMatch',
            fields=[
                ('entry', models.OneToOneField(db_column='service_id', on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='match', serialize=False, to='search_engine.searchentry')),
                ('name_sort', models.CharField(max_length=255)),
                ('min_age', models.FloatField(blank=True, null=True)),
                ('max_age', models.FloatField(blank=True, null=True)),
                ('is_free', models.BooleanField(default=False)),
                ('facet_keys', models.JSONField(blank=True, default=list)),
            ],
            options={
                'verbose_name_plural': 'search entry matches',
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
