"""What every editable content type in the admin shares: publishing rights, revision history,
translation status and CSV/XLSX import and export.

Two groups (created by a migration): a *redacteur* writes and edits drafts; a *hoofdredacteur*
also publishes, imports, restores old versions and manages the wizard's routes.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

PUBLISH_PERMISSION = "portal.publish_content"


def can_publish(request: HttpRequest) -> bool:
    return request.user.has_perm(PUBLISH_PERMISSION)


def translated_fields(model) -> list[str]:
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def missing_languages(obj) -> dict[str, list[str]]:
    """Per language, the translatable fields that are filled in Dutch but empty in that language."""
    missing: dict[str, list[str]] = {}
    for field in translated_fields(type(obj)):
        if not getattr(obj, f"{field}_nl", ""):
            continue
        for code, _name in settings.LANGUAGES:
            if code != "nl" and not getattr(obj, f"{field}_{code}", ""):
                missing.setdefault(code, []).append(field)
    return missing


class PublishControlMixin:
    """Only a hoofdredacteur publishes; a redacteur edits drafts (unpublished objects) only."""

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return can_publish(request)

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request) and "published" not in fields:
            fields.append("published")
        return fields

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and getattr(obj, "published", False) and not can_publish(request):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and getattr(obj, "published", False) and not can_publish(request):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        if not change and not can_publish(request):
            obj.published = False
        super().save_model(request, obj, form, change)

    def get_actions(self, request: HttpRequest):
        actions = super().get_actions(request)
        if not can_publish(request):
            for name in ("publish", "unpublish", "mark_verified"):
                actions.pop(name, None)
        return actions

    def has_import_permission(self, request: HttpRequest) -> bool:
        return can_publish(request)


def machine_made_languages(obj) -> list[str]:
    """The languages in which some of this object's text is machine-made and not yet reviewed."""
    from portal.models import MachineTranslation

    label = f"{obj._meta.app_label}.{obj._meta.model_name}"
    return sorted(
        set(
            MachineTranslation.objects.filter(model=label, object_id=str(obj.pk), reviewed=False).values_list(
                "language", flat=True
            )
        )
    )


class TranslationStatusMixin:
    """A column that shows, per object, which languages still miss a translation, and which
    languages hold machine-made text that a native speaker still has to review."""

    @admin.display(description=_("missing translations"))
    def translation_status(self, obj) -> str:
        from django.urls import reverse
        from django.utils.html import format_html

        missing = missing_languages(obj)
        status = (
            format_html_join(" ", '<abbr title="{}">{}</abbr>', ((", ".join(f), code) for code, f in missing.items()))
            if missing
            else "✓"
        )
        machine = machine_made_languages(obj)
        if not machine:
            return status
        url = reverse("admin:portal_machinetranslation_changelist")
        label = f"{obj._meta.app_label}.{obj._meta.model_name}"
        return format_html(
            '{} <a href="{}?model={}&amp;object_id={}&amp;reviewed__exact=0">{}: {}</a>',
            status,
            url,
            label,
            obj.pk,
            _("machine-made, to review"),
            " ".join(machine),
        )
