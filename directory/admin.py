from __future__ import annotations

import datetime as dt

import reversion
from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from reversion.admin import VersionAdmin

from directory.models import (
    Audience,
    ChainRole,
    ContactChannel,
    ExploitationForm,
    InformationPractice,
    Language,
    Municipality,
    Organisation,
    Place,
    PoliceUnit,
    Province,
    SafetyRegion,
    SearchTerm,
    UnlistedDesk,
    stale_before,
)
from directory.resources import OrganisationResource
from directory.search import refresh_words, reindex
from portal.admin_tools import EditorialAdmin, TranslationStatusMixin, can_publish


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
        "status",
        ("source", "source_url", "taken_over"),
        "review_reason",
        "excerpt",
        "source_note",
        ("confirmed_at", "confirmed_by"),
        "order",
    )
    readonly_fields = ("excerpt", "source_note", "confirmed_at", "confirmed_by")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request):
            fields.append("status")  # only a hoofdredacteur puts a channel in front of the public
        return fields


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
class OrganisationAdmin(EditorialAdmin):
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
        (_("What happens with your information"), {"fields": ("information_practice", "info_is_police",
                                                              "info_anonymous", "info_passes_on",
                                                              "info_passes_on_note", "info_free",
                                                              "info_papers_needed")}),
        (_("Source and checks"), {"fields": ("source", "source_text", "last_verified", "needs_review",
                                             "review_note", "public_note", "created_at", "updated_at")}),
    )  # fmt: skip

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        reindex([form.instance.pk])

    @admin.action(description=_("Mark the selected organisations as verified today"), permissions=["publish"])
    def mark_verified(self, request, queryset) -> None:
        count = _save_each_in_revision(request, queryset, last_verified=timezone.localdate())
        self.message_user(request, _("%(count)d organisations marked as verified today.") % {"count": count})

    @admin.action(description=_("Publish the selected organisations"), permissions=["publish"])
    def publish(self, request, queryset) -> None:
        count = _save_each_in_revision(request, queryset, published=True)
        self.message_user(request, _("%(count)d organisations published.") % {"count": count})

    @admin.action(description=_("Unpublish the selected organisations"), permissions=["publish"])
    def unpublish(self, request, queryset) -> None:
        count = _save_each_in_revision(request, queryset, published=False)
        self.message_user(request, _("%(count)d organisations unpublished.") % {"count": count})


def _save_each_in_revision(request, queryset, **values) -> int:
    """Set `values` on each selected organisation with a revision of its own (not one UPDATE),
    so the history, and the public changelog made from it, know what happened and when."""
    count = 0
    for organisation in queryset:
        with reversion.create_revision():
            for name, value in values.items():
                setattr(organisation, name, value)
            organisation.save(update_fields=[*values, "updated_at"])
            reversion.set_user(request.user)
        count += 1
    return count


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


class ChannelCheckFilter(admin.SimpleListFilter):
    """The editors' verification queue and to-do list for contact channels."""

    title = _("check")
    parameter_name = "controle"

    def lookups(self, request, model_admin):
        return [
            ("wachtrij", _("To be checked (not public)")),
            ("onbevestigd", _("Public source, not yet confirmed")),
            ("verlopen", _("Not confirmed in the last 12 months")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "wachtrij":
            return queryset.filter(status=ContactChannel.Status.TO_CHECK)
        if self.value() == "onbevestigd":
            return queryset.filter(status=ContactChannel.Status.PUBLIC_SOURCE)
        if self.value() == "verlopen":
            limit = stale_before()
            return queryset.filter(
                Q(status=ContactChannel.Status.CONFIRMED, confirmed_at__date__lt=limit)
                | Q(status=ContactChannel.Status.PUBLIC_SOURCE, taken_over__lt=limit)
            )
        return queryset


@admin.register(ContactChannel)
class ContactChannelAdmin(TranslationStatusMixin, VersionAdmin, TranslationAdmin):
    """All contact channels; filtered to "to be checked" it is the verification queue."""

    list_display = ("value", "kind", "organisation", "status", "source_link", "excerpt", "review_reason",
                    "taken_over", "confirmed_at", "translation_status")  # fmt: skip
    list_filter = (ChannelCheckFilter, "status", "kind")
    list_select_related = ("organisation",)
    search_fields = ("value", "organisation__name", "label", "excerpt", "source_note")
    autocomplete_fields = ("organisation",)
    actions = ["confirm"]
    readonly_fields = ("excerpt", "source_note", "source_link", "confirmed_at", "confirmed_by")
    fields = (
        "organisation", ("kind", "value"), "label", ("opening_hours", "is_24_7"), ("free_of_charge", "anonymous"),
        "languages", "status", ("source", "source_url", "source_link", "taken_over"), "review_reason", "excerpt",
        "source_note", ("confirmed_at", "confirmed_by"), "order",
    )  # fmt: skip
    filter_horizontal = ("languages",)

    @admin.display(description=_("source page"))
    def source_link(self, obj: ContactChannel) -> str:
        if not obj.source_url:
            return obj.source or "–"
        return format_html('<a href="{}" rel="noopener noreferrer" target="_blank">{}</a>', obj.source_url,
                           obj.source or obj.source_url)  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request):
            fields.append("status")
        return fields

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not can_publish(request):
            actions.pop("confirm", None)
        return actions

    @admin.action(description=_("Confirm: checked with the organisation today (publishes the channel)"))
    def confirm(self, request, queryset) -> None:
        """One action: the channel becomes confirmed by this editor, now; kept in the history."""
        now = timezone.now()
        count = 0
        for channel in queryset.select_related("organisation"):
            with reversion.create_revision():
                channel.status = ContactChannel.Status.CONFIRMED
                channel.confirmed_at = now
                channel.confirmed_by = request.user
                channel.review_reason = ""
                channel.save()
                reversion.set_user(request.user)
                reversion.set_comment(f"Bevestigd door {request.user.get_username()} op {now:%Y-%m-%d %H:%M}")
            self.log_change(request, channel, [{"changed": {"fields": ["status", "confirmed_at", "confirmed_by"]}}])
            count += 1
        reindex(queryset.values_list("organisation_id", flat=True).distinct())
        self.message_user(request, _("%(count)d contact channels confirmed.") % {"count": count})


@admin.register(UnlistedDesk)
class UnlistedDeskAdmin(admin.ModelAdmin):
    """Desks a public source names that the directory lacks: for editors to decide on, never public."""

    list_display = ("name", "key", "imported_at")
    search_fields = ("name", "notes")
    readonly_fields = ("key", "name", "notes", "channels", "imported_at")

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(InformationPractice)
class InformationPracticeAdmin(TranslationStatusMixin, VersionAdmin, TranslationAdmin):
    list_display = ("name", "is_police", "anonymous", "passes_on", "free", "papers_needed", "translation_status")
