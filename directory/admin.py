from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from directory.models import (
    Audience,
    ChainRole,
    ContactChannel,
    ExploitationForm,
    Language,
    Municipality,
    Organisation,
    PoliceUnit,
    Province,
    SafetyRegion,
)
from directory.search import reindex


class ContactChannelInline(TranslationStackedInline):
    model = ContactChannel
    extra = 0
    filter_horizontal = ("languages",)
    fields = (
        ("kind", "value"),
        "label",
        ("opening_hours", "is_24_7"),
        ("free_of_charge", "anonymous"),
        "languages",
        ("source", "last_verified"),
        "order",
    )


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ("name", "kind", "scale", "published", "needs_review", "last_verified")
    list_filter = ("published", "needs_review", "kind", "scale", "is_national_desk", "forms", "chain_roles")
    search_fields = ("name", "aliases", "role", "source_text")
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("audiences", "forms", "chain_roles", "provinces", "safety_regions", "police_units",
                         "municipalities")  # fmt: skip
    inlines = [ContactChannelInline]
    readonly_fields = ("source_text", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "slug", "aliases", "kind", "published")}),
        (_("What it does"), {"fields": ("role", "what_happens_next", "audiences", "forms", "minors_focus",
                                        "is_shelter", "is_national_desk", "chain_roles", "website")}),
        (_("Area served"), {"fields": ("scale", "serves_nationally", "provinces", "safety_regions", "police_units",
                                       "municipalities")}),
        (_("Source and checks"), {"fields": ("source", "source_text", "last_verified", "needs_review",
                                             "review_note", "created_at", "updated_at")}),
    )  # fmt: skip

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        reindex([form.instance.pk])


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "province", "safety_region")
    list_filter = ("province", "safety_region")
    search_fields = ("name", "code", "aliases")


@admin.register(SafetyRegion)
class SafetyRegionAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "province", "police_unit")


admin.site.register(Province)
admin.site.register(PoliceUnit)


@admin.register(ExploitationForm, Audience, Language)
class VocabularyAdmin(TranslationAdmin):
    list_display = ("name",)


@admin.register(ChainRole)
class ChainRoleAdmin(TranslationAdmin):
    list_display = ("name", "code")
