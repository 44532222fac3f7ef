from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from portal.models import Page


@admin.register(Page)
class PageAdmin(TranslationAdmin):
    list_display = ("title", "slug", "section", "published", "updated_at")
    list_filter = ("section", "published")
    search_fields = ("title", "slug", "body")
    prepopulated_fields = {"slug": ("title",)}
