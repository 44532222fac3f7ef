"""Editors may extend the search vocabulary and the place list (issue 11 §4).

The editors' groups (portal 0004) were made before these models existed: the Redacteur gets
view/add/change, the Hoofdredacteur also delete. Reversible.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["searchterm", "place"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    rights = {
        "Redacteur": ["view", "add", "change"],
        "Hoofdredacteur": ["view", "add", "change", "delete"],
    }
    for name, actions in rights.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = [f"{action}_{model}" for action in actions for model in MODELS]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="directory", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label="directory", content_type__model__in=MODELS
    )
    for group in Group.objects.filter(name__in=["Redacteur", "Hoofdredacteur"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_places_and_search_terms"),
        ("portal", "0004_editor_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
