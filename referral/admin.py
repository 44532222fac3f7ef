from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin

from portal.admin_tools import PublishControlMixin, TranslationStatusMixin
from referral.coverage import check_coverage
from referral.models import RecommendationTally, RouteRule
from referral.tally import SMALL_COUNT, weekly_counts


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
        # Managing the routes and their coverage is the Hoofdredacteur's task (README, "Editors").
        if not self.has_change_permission(request):
            raise PermissionDenied
        report = check_coverage()
        context = {**self.admin_site.each_context(request), "title": _("Coverage of the routes"), "report": report}
        return TemplateResponse(request, "admin/referral/coverage.html", context)


@admin.register(RecommendationTally)
class RecommendationTallyAdmin(admin.ModelAdmin):
    """Anonymous counts, only as weekly totals (below 5 shown as "< 5"), only for the Hoofdredacteur.

    A single day's row could point to one person (day, province, form and desks), so there is no
    per-day list and no page per row; reading needs `view_recommendationtally`, which only the
    Hoofdredacteur group has (referral migration 0002).
    """

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return obj is None and super().has_view_permission(request)

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Recommendations per week"),
            "opts": self.model._meta,
            "weekly": weekly_counts(),
            "small_count": SMALL_COUNT,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/referral/recommendationtally/weekly.html", context)
