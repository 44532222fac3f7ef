from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin

from portal.admin_tools import PublishControlMixin, TranslationStatusMixin
from portal.models import LoadedDataset, MachineTranslation, Page


@admin.register(Page)
class PageAdmin(PublishControlMixin, TranslationStatusMixin, VersionAdmin, TranslationAdmin):
    list_display = ("title", "slug", "section", "published", "updated_at", "translation_status")
    list_filter = ("section", "published")
    search_fields = ("title", "slug", "body")
    prepopulated_fields = {"slug": ("title",)}


@admin.register(LoadedDataset)
class LoadedDatasetAdmin(admin.ModelAdmin):
    list_display = ("name", "rows", "loaded_at")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(MachineTranslation)
class MachineTranslationAdmin(admin.ModelAdmin):
    """Content translations that were machine-made: a native speaker reads each and marks it."""

    list_display = ("object_link", "model", "field", "language", "reviewed", "reviewed_by", "loaded_at")
    list_filter = ("reviewed", "language", "model", "field")
    search_fields = ("object_label",)
    actions = ["mark_reviewed"]
    readonly_fields = [f.name for f in MachineTranslation._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=_("object"), ordering="object_label")
    def object_link(self, obj: MachineTranslation) -> str:
        try:
            url = reverse(f"admin:{obj.model.replace('.', '_')}_change", args=[obj.object_id])
        except NoReverseMatch:
            return obj.object_label
        return format_html('<a href="{}">{}</a>', url, obj.object_label)

    @admin.action(description=_("Mark as reviewed by a native speaker"))
    def mark_reviewed(self, request, queryset) -> None:
        count = queryset.update(reviewed=True, reviewed_at=timezone.now(), reviewed_by=request.user.get_username())
        self.message_user(
            request,
            ngettext("%(count)d text marked as reviewed.", "%(count)d texts marked as reviewed.", count)
            % {"count": count},
        )
