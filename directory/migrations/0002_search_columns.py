"""Search support: a GIN trigram index for typo-tolerant search."""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS directory_org_search_trgm ON directory_organisation USING gin (search_text gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS directory_org_search_trgm",
]


def forward(apps, schema_editor):
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial"), ("portal", "0001_postgres_search")]
    operations = [migrations.RunPython(forward, backward)]
