"""The database fallback's full-text search: a word list with document frequencies (trigram index
on PostgreSQL), a weighted tsvector column with a GIN index on PostgreSQL, an FTS5 table on SQLite."""

from collections import Counter

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


def install(apps, schema_editor):
    from search.engine import fulltext

    fulltext.install(schema_editor.connection)
    # Count the words of the entries already there.
    SearchEntry = apps.get_model("search_engine", "SearchEntry")
    SearchWord = apps.get_model("search_engine", "SearchWord")
    terms, spellings = Counter(), Counter()
    for all_terms, spelling in SearchEntry.objects.values_list("all_terms", "spelling").iterator(chunk_size=2000):
        terms.update(set(all_terms.split()))
        spellings.update(set(spelling.split()))
    SearchWord.objects.bulk_create(
        [SearchWord(kind="t", word=w, entries=n) for w, n in terms.items() if len(w) <= 100]
        + [SearchWord(kind="s", word=w, entries=n) for w, n in spellings.items() if len(w) <= 100],
        batch_size=2000,
    )


def uninstall(apps, schema_editor):
    from search.engine import fulltext

    fulltext.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search_engine", "0005_load_shipped_everyday_words")]

    operations = [
        TrigramExtension(),  # PostgreSQL only (Django skips it elsewhere)
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("t", "Prepared word (stemmed, as searched)"), ("s", "Word as written (for spelling suggestions)")], max_length=1)),
                ("word", models.CharField(max_length=100)),
                ("entries", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("kind", "word"), name="search_word_kind_word")],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
