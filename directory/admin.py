from __future__ import annotations

import datetime as dt

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from reversion.admin import VersionAdmin

from directory.models import (
    Audience,
    ChainRole,
    ContactChannel,
    ExploitationForm,
    Language,
    Municipality,
    Organisation,
    Place,
    PoliceUnit,
    Province,
    SafetyRegion,
    SearchTerm,
)
from directory.resources import OrganisationResource
from directory.search import refresh_words, reindex
from portal.admin_tools import PublishControlMixin, TranslationStatusMixin


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


class VerificationFilter(admin.SimpleListFilter):
    """The "last verified" workflow: which entries need checking again."""

    title = _("verification")
    parameter_name = "verificatie"

    def lookups(self, request, model_admin):
        return [
            ("verlopen", _("Not verified in the last 6 months")),
            ("nooit", _("Never verified")),
            ("recent", _("Verified in the last 6 months")),
        ]

    def queryset(self, request, queryset):
        limit = timezone.localdate() - dt.timedelta(days=VERIFY_EVERY_DAYS)
        if self.value() == "verlopen":
            return queryset.filter(Q(last_verified__isnull=True) | Q(last_verified__lt=limit))
        if self.value() == "nooit":
            return queryset.filter(last_verified__isnull=True)
        if self.value() == "recent":
            return queryset.filter(last_verified__gte=limit)
        return queryset


VERIFY_EVERY_DAYS = 183


@admin.register(Organisation)
class OrganisationAdmin(
    PublishControlMixin, TranslationStatusMixin, ImportExportModelAdmin, VersionAdmin, TranslationAdmin
):
    resource_classes = [OrganisationResource]
    list_display = ("name", "kind", "scale", "published", "needs_review", "last_verified", "translation_status")
    list_filter = (
        "published", VerificationFilter, "needs_review", "kind", "scale", "is_national_desk", "forms", "chain_roles",
    )  # fmt: skip
    actions = ["mark_verified", "publish", "unpublish"]
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

    @admin.action(description=_("Mark the selected organisations as verified today"), permissions=["publish"])
    def mark_verified(self, request, queryset) -> None:
        count = queryset.update(last_verified=timezone.localdate())
        self.message_user(request, _("%(count)d organisations marked as verified today.") % {"count": count})

    @admin.action(description=_("Publish the selected organisations"), permissions=["publish"])
    def publish(self, request, queryset) -> None:
        count = queryset.update(published=True)
        self.message_user(request, _("%(count)d organisations published.") % {"count": count})

    @admin.action(description=_("Unpublish the selected organisations"), permissions=["publish"])
    def unpublish(self, request, queryset) -> None:
        count = queryset.update(published=False)
        self.message_user(request, _("%(count)d organisations unpublished.") % {"count": count})


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


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    """Dutch places and their municipality: what search and the wizard accept as a place."""

    list_display = ("name", "municipality", "postcodes", "other_names")
    list_filter = ("municipality__province",)
    search_fields = ("name", "other_names", "municipality__name", "postcodes")
    list_select_related = ("municipality",)
    autocomplete_fields = ("municipality",)
    readonly_fields = ("updated_at",)
    fields = ("name", "other_names", "municipality", "postcodes", "source", "updated_at")


@admin.register(SearchTerm)
class SearchTermAdmin(admin.ModelAdmin):
    """Words people type, per language, and the directory's words a search for them also finds."""

    list_display = ("words", "language", "means")
    list_filter = ("language",)
    search_fields = ("words", "means")
    fields = ("language", "words", "means")

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        refresh_words()

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        refresh_words()
