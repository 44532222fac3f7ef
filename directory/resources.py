"""CSV/XLSX import and export of organisations (django-import-export)."""

from __future__ import annotations

from directory.models import (
    Audience,
    ChainRole,
    ExploitationForm,
    Municipality,
    Organisation,
    PoliceUnit,
    Province,
    SafetyRegion,
)
from directory.search import reindex
from portal.import_export_fields import EditorSafeResource, many_by_code


class OrganisationResource(EditorSafeResource):
    """One row per organisation; related vocabularies and regions by their codes, `;`-separated.

    Rows are matched on `slug`: an existing slug updates that organisation, a new one adds it.
    """

    audiences = many_by_code(Audience, "audiences")
    forms = many_by_code(ExploitationForm, "forms")
    chain_roles = many_by_code(ChainRole, "chain_roles")
    provinces = many_by_code(Province, "provinces")
    safety_regions = many_by_code(SafetyRegion, "safety_regions")
    police_units = many_by_code(PoliceUnit, "police_units")
    municipalities = many_by_code(Municipality, "municipalities")

    class Meta:
        model = Organisation
        import_id_fields = ("slug",)
        fields = (
            "slug", "name", "aliases", "kind", "scale", "role_nl", "role_en", "what_happens_next_nl",
            "what_happens_next_en", "audiences", "forms", "minors_focus", "is_shelter", "is_national_desk",
            "chain_roles", "serves_nationally", "provinces", "safety_regions", "police_units", "municipalities",
            "website", "source", "last_verified", "needs_review", "review_note", "published",
        )  # fmt: skip
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def after_import(self, dataset, result, **kwargs) -> None:
        super().after_import(dataset, result, **kwargs)
        if not kwargs.get("dry_run") and not result.has_errors() and not result.has_validation_errors():
            reindex()
