"""Rights on what the reach work added: a hoofdredacteur confirms contact channels, edits the
"what happens with your information" defaults and reads the desks the directory lacks; a
redacteur sees them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

NEW_MODELS = ["informationpractice", "unlisteddesk", "contactimportrecord"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    directory = Permission.objects.filter(content_type__app_label="directory")
    chief = Group.objects.filter(name="Hoofdredacteur").first()
    if chief:
        chief.permissions.add(
            *directory.filter(content_type__model__in=NEW_MODELS), *directory.filter(codename="confirm_contactchannel")
        )
    editor = Group.objects.filter(name="Redacteur").first()
    if editor:
        editor.permissions.add(*directory.filter(content_type__model__in=NEW_MODELS, codename__startswith="view_"))


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0009_reach_provenance"),
        ("portal", "0004_editor_groups"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
