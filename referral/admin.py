from __future__ import annotations

from django.contrib import admin
from django.db.models import Sum
from django.db.models.functions import TruncWeek
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin

from portal.admin_tools import PublishControlMixin, TranslationStatusMixin
from referral.coverage import check_coverage
from referral.models import RecommendationTally, RouteRule


@admin.register(RouteRule)
class RouteRuleAdmin(PublishControlMixin, TranslationStatusMixin, VersionAdmin, TranslationAdmin):
    list_display = (
        "key", "priority", "organisation", "chain_role", "who", "need", "form", "published", "translation_status",
    )  # fmt: skip
    list_filter = ("published", "chain_role")
    search_fields = ("key", "explanation")
    autocomplete_fields = ("organisation",)
    change_list_template = "admin/referral/routerule/change_list.html"

    def get_urls(self):
        return [
            path("dekking/", self.admin_site.admin_view(self.coverage_view), name="referral_routerule_coverage"),
            *super().get_urls(),
        ]

    def coverage_view(self, request):
        report = check_coverage()
        context = {**self.admin_site.each_context(request), "title": _("Coverage of the routes"), "report": report}
        return TemplateResponse(request, "admin/referral/coverage.html", context)


@admin.register(RecommendationTally)
class RecommendationTallyAdmin(admin.ModelAdmin):
    """Anonymous counts, shown per week."""

    list_display = ("day", "organisation", "form", "province", "count")
    list_filter = ("form", "province")
    date_hierarchy = "day"
    change_list_template = "admin/referral/recommendationtally/change_list.html"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        weekly = (
            RecommendationTally.objects.annotate(week=TruncWeek("day"))
            .values("week", "organisation__name", "form__name", "province__name")
            .annotate(total=Sum("count"))
            .order_by("-week", "-total")[:500]
        )
        return super().changelist_view(request, {**(extra_context or {}), "weekly": weekly})
