"""CSV/XLSX import and export of campaigns (django-import-export)."""

from __future__ import annotations

from import_export import fields, resources, widgets

from campaigns.models import Audience, Campaign, Format
from directory.models import ExploitationForm, Language, Municipality, Province, SafetyRegion


def _many(model, field: str, column: str) -> fields.Field:
    return fields.Field(
        attribute=column, column_name=column, widget=widgets.ManyToManyWidget(model, field=field, separator=";")
    )


class CampaignResource(resources.ModelResource):
    """One row per campaign, matched on `slug`; vocabularies and regions by code, `;`-separated."""

    audiences = _many(Audience, "code", "audiences")
    forms = _many(ExploitationForm, "code", "forms")
    formats = _many(Format, "code", "formats")
    provinces = _many(Province, "code", "provinces")
    safety_regions = _many(SafetyRegion, "code", "safety_regions")
    municipalities = _many(Municipality, "code", "municipalities")
    languages = _many(Language, "code", "languages")

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
