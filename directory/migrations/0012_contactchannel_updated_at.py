import django.utils.timezone
from django.db import migrations, models

# Existing channels get their organisation's last change, not the day of this migration: the
# HSDS API's modified_after should not report every channel as changed today.
FROM_ORGANISATION = """
UPDATE directory_contactchannel AS channel SET updated_at = organisation.updated_at
FROM directory_organisation AS organisation WHERE organisation.id = channel.organisation_id
"""


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0011_reach_corrections"),
    ]

    operations = [
        migrations.AddField(
            model_name="contactchannel",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.RunSQL(FROM_ORGANISATION, migrations.RunSQL.noop),
    ]
