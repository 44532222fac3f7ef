"""Enable PostgreSQL's search tools: unaccent, pg_trgm and an accent-insensitive Dutch config.

The project runs on PostgreSQL only (docs/arch/005-local-postgres.md).
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'dutch_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION dutch_unaccent (COPY = pg_catalog.dutch);
            ALTER TEXT SEARCH CONFIGURATION dutch_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
        END IF;
    END
    $$;
    """,
    # unaccent() is only STABLE; indexes need an IMMUTABLE wrapper with a fixed dictionary.
    """
    CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $func$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $func$;
    """,
]
BACKWARD = [
    "DROP FUNCTION IF EXISTS immutable_unaccent(text)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS dutch_unaccent",
]


def forward(apps, schema_editor):
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []
    operations = [migrations.RunPython(forward, backward, elidable=False)]
