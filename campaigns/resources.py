"""CSV/XLSX import and export of campaigns (django-import-export)."""

from __future__ import annotations

from campaigns.models import Audience, Campaign, Format
from directory.models import ExploitationForm, Language, Municipality, Province, SafetyRegion
from portal.import_export_fields import EditorSafeResource, many_by_code


class CampaignResource(EditorSafeResource):
    """One row per campaign, matched on `slug`; vocabularies and regions by code, `;`-separated."""

    audiences = many_by_code(Audience, "audiences")
    forms = many_by_code(ExploitationForm, "forms")
    formats = many_by_code(Format, "formats")
    provinces = many_by_code(Province, "provinces")
    safety_regions = many_by_code(SafetyRegion, "safety_regions")
    municipalities = many_by_code(Municipality, "municipalities")
    languages = many_by_code(Language, "languages")

    class Meta:
        model = Campaign
        import_id_fields = ("slug",)
        fields = (
            "slug", "title_nl", "title_en", "goal_nl", "goal_en", "audiences", "forms", "all_forms", "formats", "scope",
            "region_text", "provinces", "safety_regions", "municipalities", "start_year", "start_month",
            "end_year", "end_month", "status", "call_to_action_nl", "call_to_action_en", "action_link", "reach_nl",
            "evaluation_summary_nl", "evaluation_url", "languages", "reuse_terms_nl", "named_by_respondents", "source",
            "needs_review", "review_note", "published",
        )  # fmt: skip
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def after_save_instance(self, instance, row, **kwargs) -> None:
        super().after_save_instance(instance, row, **kwargs)
        if not kwargs.get("dry_run"):
            instance.reindex()
