"""The identifier names list now lives in the site's privacy core (core.IdentifierName)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0002_logpeergroupshare"),
        ("core", "0004_copy_identifier_names"),
    ]

    operations = [migrations.DeleteModel(name="IdentifierName")]
