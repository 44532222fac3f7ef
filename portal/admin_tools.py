"""What every editable content type in the admin shares: publishing rights, revision history,
translation status and CSV/XLSX import and export.

Two groups (created by a migration): a *redacteur* writes and edits drafts; a *hoofdredacteur*
also publishes, imports, restores old versions and manages the wizard's routes.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import admin, messages
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import NotRegistered, translator
from reversion.admin import VersionAdmin

logger = logging.getLogger(__name__)

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


class TruthfulImportMixin:
    """The confirm step of an import says what really happened. When a row or the database fails,
    the whole import is rolled back (EditorSafeResource), the editor is told that nothing was
    imported and why, and the admin log names no object (it would name objects that do not exist)."""

    def process_import(self, request: HttpRequest, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except DatabaseError as error:
            # For example a failure when the transaction commits: nothing of the import is stored.
            logger.warning("Import failed in the database: %s", error.__class__.__name__)
            return self._import_failed(
                request, _("the database refused the changes (%(error)s)") % {"error": error.__class__.__name__}
            )

    def process_result(self, result, request: HttpRequest):
        if result.has_errors() or result.has_validation_errors():
            return self._import_failed(request, _failure_reason(result))
        return super().process_result(result, request)

    def _import_failed(self, request: HttpRequest, reason: str):
        messages.error(
            request,
            _(
                "Nothing was imported: %(reason)s. Everything is as it was before the import; fix the file "
                "and import it again."
            )
            % {"reason": reason},
        )
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import"))


def _failure_reason(result) -> str:
    for row_number, errors in result.row_errors():
        error = errors[0].error
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
        return _("row %(row)s could not be stored (%(error)s)") % {"row": row_number, "error": first_line[:200]}
    if result.base_errors:
        return _("the import could not be completed (%(error)s)") % {
            "error": result.base_errors[0].error.__class__.__name__
        }
    rows = ", ".join(str(row.number) for row in result.invalid_rows[:10])
    return _("rows %(rows)s are not valid") % {"rows": rows}


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


class EditorialAdmin(
    PublishControlMixin,
    TranslationStatusMixin,
    TruthfulImportMixin,
    ImportExportModelAdmin,
    VersionAdmin,
    TranslationAdmin,
):
    """The admin of a published, translated content type that editors also import (the
    directory's organisations, the campaign library): publishing rights, translation status,
    truthful imports and the revision history."""
