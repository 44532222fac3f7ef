from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from campaigns.forms import MaterialAdminForm
from campaigns.models import Audience, Campaign, Format, Link, Material, Result, Sender
from campaigns.resources import CampaignResource
from campaigns.views import download_response
from portal.admin_tools import EditorialAdmin


class SenderInline(admin.TabularInline):
    model = Sender
    extra = 0
    fields = ("name", "organisation", "order")


class LinkInline(admin.TabularInline):
    model = Link
    extra = 0
    fields = ("url", "label", "order")


class ResultInline(TranslationTabularInline):
    model = Result
    extra = 0
    fields = ("text", "source", "order")


def staff_file_url(material: Material) -> str:
    return reverse("admin:campaigns_material_file", args=[material.pk])


class MaterialInline(TranslationStackedInline):
    model = Material
    form = MaterialAdminForm
    extra = 0
    fields = ("title", "kind", "file", "url", "language", "reuse_terms", "order", "file_details")
    readonly_fields = ("file_details",)

    @admin.display(description=_("checked file"))
    def file_details(self, obj: Material) -> str:
        if not obj.pk or not obj.file:
            return "–"
        size = filesizeformat(obj.size_bytes) if obj.size_bytes else "?"
        return format_html(
            '<a href="{}" download>{}</a> · {} · {}',
            staff_file_url(obj),
            obj.original_name or _("download"),
            obj.file_format or obj.content_type,
            size,
        )


class HasMaterialFilter(admin.SimpleListFilter):
    title = _("material")
    parameter_name = "material"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [("yes", _("Has material")), ("no", _("No material"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(materials__isnull=False).distinct()
        if self.value() == "no":
            return queryset.filter(materials__isnull=True)
        return queryset


@admin.register(Campaign)
class CampaignAdmin(EditorialAdmin):
    resource_classes = [CampaignResource]
    list_display = (
        "title", "scope", "status", "start_year", "published", "needs_review", "named_by_respondents",
        "translation_status",
    )  # fmt: skip
    list_filter = (
        "published",
        "needs_review",
        "named_by_respondents",
        "scope",
        "status",
        HasMaterialFilter,
        "audiences",
        "forms",
        "formats",
        "provinces",
    )
    search_fields = ("title", "slug", "senders__name", "region_text", "proposer_organisation")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("audiences", "forms", "formats", "provinces", "safety_regions", "municipalities", "languages")
    inlines = [SenderInline, MaterialInline, LinkInline, ResultInline]
    actions = ["publish", "unpublish"]
    readonly_fields = ("proposed_at", "created_at", "updated_at")
    fieldsets = [
        (None, {"fields": ("title", "slug", "published", "goal")}),
        (_("Audiences and forms"), {"fields": ("audiences", "forms", "all_forms", "formats")}),
        (
            _("Where and when"),
            {
                "fields": (
                    "scope",
                    "region_text",
                    "provinces",
                    "safety_regions",
                    "municipalities",
                    ("start_year", "start_month"),
                    ("end_year", "end_month"),
                    "status",
                )
            },
        ),
        (_("Call to action"), {"fields": ("call_to_action", "action_link")}),
        (_("Results and evaluation"), {"fields": ("reach", "evaluation_summary", "evaluation_url")}),
        (_("Reuse"), {"fields": ("languages", "reuse_terms")}),
        (
            _("Source and review"),
            {"fields": ("named_by_respondents", "source", "source_text", "needs_review", "review_note")},
        ),
        (
            _("Proposal"),
            {
                "classes": ("collapse",),
                "fields": ("proposed_at", "proposer_name", "proposer_email", "proposer_organisation"),
            },
        ),
        (_("Record"), {"classes": ("collapse",), "fields": ("created_at", "updated_at")}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("senders")

    def get_urls(self):
        view = self.admin_site.admin_view(self.material_file)
        return [path("material/<int:pk>/file/", view, name="campaigns_material_file"), *super().get_urls()]

    def material_file(self, request: HttpRequest, pk: int) -> HttpResponse:
        """An uploaded file for editors to review, also of drafts and proposals: staff only, as a
        download. The media folder itself is never served."""
        item = get_object_or_404(Material.objects.select_related("campaign"), pk=pk)
        if not self.has_view_permission(request, item.campaign):
            raise PermissionDenied
        return download_response(item, cache_control="private, no-store")

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        form.instance.reindex()

    @admin.action(description=_("Publish the selected campaigns"), permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        updated = queryset.update(published=True)
        self.message_user(request, _("%(count)d campaigns published.") % {"count": updated})

    @admin.action(description=_("Unpublish the selected campaigns"), permissions=["publish"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        updated = queryset.update(published=False)
        self.message_user(request, _("%(count)d campaigns unpublished.") % {"count": updated})


@admin.register(Audience)
class AudienceAdmin(TranslationAdmin):
    list_display = ("name", "code", "order")
    list_editable = ("order",)
    search_fields = ("name", "code")


@admin.register(Format)
class FormatAdmin(TranslationAdmin):
    list_display = ("name", "code", "order")
    list_editable = ("order",)
    search_fields = ("name", "code")
