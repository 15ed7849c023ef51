"""Each search entry carries its facets as "kind:value" keys, so the database fallback on
PostgreSQL counts facets in one pass over the matching entries instead of joining the facet rows."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from search.engine import fulltext

    connection = schema_editor.connection
    # Adding the column remade the table on SQLite, which dropped its full-text triggers.
    fulltext.install(connection)
    if connection.vendor == "postgresql":
        aggregate = "coalesce(jsonb_agg(f.kind || ':' || f.value ORDER BY f.kind, f.value), '[]'::jsonb)"
    elif connection.vendor == "sqlite":
        aggregate = "coalesce(json_group_array(f.kind || ':' || f.value), '[]')"
    else:
        return  # entries get their keys when next written (directory_index --rebuild)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_engine_searchentry SET facet_keys = "
            f"(SELECT {aggregate} FROM search_engine_searchentryfacet f WHERE f.entry_id = search_engine_searchentry.service_id)"
        )


class Migration(migrations.Migration):
    dependencies = [("search_engine", "0007_search_entry_assured_date")]

    operations = [
        migrations.AddField(model_name="searchentry", name="facet_keys", field=models.JSONField(blank=True, default=list)),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
