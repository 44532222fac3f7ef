"""The two editors' groups and their rights.

- Redacteur: writes and edits drafts of organisations, contact channels, campaigns and their
  material, and information pages; sees everything else.
- Hoofdredacteur: everything a redacteur does, plus publishing, deleting, importing, restoring
  old versions, managing the wizard's routes and reading the anonymous counts and login records.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Redacteur", "Hoofdredacteur")
DRAFT_MODELS = {
    "directory": ["organisation", "contactchannel"],
    "campaigns": ["campaign", "sender", "link", "result", "material"],
    "portal": ["page"],
}
VIEW_APPS = ["directory", "campaigns", "portal", "referral"]
CHIEF_APPS = ["directory", "campaigns", "portal", "referral", "reversion"]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editor, _created = Group.objects.get_or_create(name="Redacteur")
    editor_permissions = list(Permission.objects.filter(content_type__app_label__in=VIEW_APPS, codename__startswith="view_"))
    for app_label, models in DRAFT_MODELS.items():
        for model in models:
            editor_permissions += list(
                Permission.objects.filter(
                    content_type__app_label=app_label,
                    codename__in=[f"add_{model}", f"change_{model}"],
                )
            )
    editor_permissions += list(
        Permission.objects.filter(content_type__app_label="directory", codename="delete_contactchannel")
    )
    editor.permissions.add(*editor_permissions)

    chief, _created = Group.objects.get_or_create(name="Hoofdredacteur")
    chief.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=CHIEF_APPS),
        *Permission.objects.filter(content_type__app_label="axes", codename__startswith="view_"),
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_publish_permission"),
        ("directory", "0004_search_words"),
        ("campaigns", "0001_library"),
        ("referral", "0001_initial"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("axes", "0010_accessattemptexpiration"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
