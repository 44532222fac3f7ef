from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin

from portal.admin_tools import PublishControlMixin, TranslationStatusMixin
from portal.models import LoadedDataset, Page


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
