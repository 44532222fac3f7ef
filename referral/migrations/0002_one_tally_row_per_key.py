"""One tally row per (day, organisation, form, province), and only the Hoofdredacteur reads them.

Before this, two simultaneous first results of a day could create two rows for one key (and
every later result of that day failed). Duplicates are merged into the oldest row, keeping the
sum, before the unique constraint is added. Backwards the constraint goes and the Redacteur
group gets its old view permission back; merged rows stay merged (their sum is unchanged).
"""

from django.db import migrations, models
from django.db.models import Count, Min, Sum


def merge_duplicates(apps, schema_editor):
    Tally = apps.get_model("referral", "RecommendationTally")
    keys = ("day", "organisation_id", "form_id", "province_id")
    duplicated = (
        Tally.objects.values(*keys)
        .annotate(rows=Count("id"), keep=Min("id"), total=Sum("count"))
        .filter(rows__gt=1)
    )
    for group in duplicated:
        same_key = Tally.objects.filter(**{key: group[key] for key in keys})
        same_key.filter(id=group["keep"]).update(count=group["total"])
        same_key.exclude(id=group["keep"]).delete()


def chief_editors_only(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(content_type__app_label="referral", codename="view_recommendationtally")
    for group in Group.objects.filter(name="Redacteur"):
        group.permissions.remove(*view.values_list("pk", flat=True))


def editors_too(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(content_type__app_label="referral", codename="view_recommendationtally")
    for group in Group.objects.filter(name="Redacteur"):
        group.permissions.add(*view.values_list("pk", flat=True))


class Migration(migrations.Migration):
    dependencies = [
        ("referral", "0001_initial"),
        ("portal", "0004_editor_groups"),
    ]

    operations = [
        migrations.RunPython(merge_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="recommendationtally",
            constraint=models.UniqueConstraint(
                fields=("day", "organisation", "form", "province"),
                name="referral_tally_one_row_per_key",
                nulls_distinct=False,
            ),
        ),
        migrations.RunPython(chief_editors_only, editors_too),
    ]
