from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import ChainRole, ExploitationForm, Organisation, Province
from portal.i18n import shown_language
from referral.flow import PLACE_ABROAD, PLACE_UNSAID, QUESTIONS
from referral.routing import CONDITION_KEYS, Rule

CONDITION_HELP = _("Comma-separated answer codes; empty means any answer. Allowed: %(codes)s")
PLACE_CODES = ("municipality", PLACE_ABROAD, PLACE_UNSAID)


def allowed_codes(key: str) -> tuple[str, ...]:
    return PLACE_CODES if key == "place" else QUESTIONS[key].choices


class RouteRule(models.Model):
    """A routing rule: when the answers match, recommend an organisation or a regional role."""

    key = models.SlugField(_("code"), max_length=60, unique=True)
    priority = models.PositiveSmallIntegerField(_("priority"), default=50, help_text=_("Lower comes first."))
    who = models.CharField(_("who is asking"), max_length=100, blank=True)
    need = models.CharField(_("what is needed"), max_length=100, blank=True)
    form = models.CharField(_("situation (form)"), max_length=100, blank=True)
    minor = models.CharField(_("someone under 18"), max_length=100, blank=True)
    place = models.CharField(_("where"), max_length=100, blank=True)
    anonymous = models.CharField(_("wants to stay anonymous"), max_length=100, blank=True)
    sector = models.CharField(_("professional's sector"), max_length=100, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    chain_role = models.ForeignKey(
        ChainRole,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("regional role"),
        help_text=_("For example: the zorgcoördinator of the person's municipality."),
    )
    explanation = models.TextField(_("why this desk fits"), help_text=_("Shown to the person, in plain words."))
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["priority", "key"]
        verbose_name = _("route rule")
        verbose_name_plural = _("route rules")

    def __str__(self) -> str:
        return self.key

    def conditions(self) -> dict[str, tuple[str, ...]]:
        return {
            key: tuple(code.strip() for code in getattr(self, key).split(",") if code.strip()) for key in CONDITION_KEYS
        }

    def clean(self) -> None:
        errors = {}
        for key, codes in self.conditions().items():
            unknown = [code for code in codes if code not in allowed_codes(key)]
            if unknown:
                errors[key] = _("Unknown answer code(s): %(codes)s. Allowed: %(allowed)s") % {
                    "codes": ", ".join(unknown),
                    "allowed": ", ".join(allowed_codes(key)),
                }
        if bool(self.organisation_id) == bool(self.chain_role_id):
            errors["organisation"] = _("Choose either an organisation or a regional role.")
        if errors:
            raise ValidationError(errors)

    def to_rule(self) -> Rule:
        return Rule(
            key=self.key,
            priority=self.priority,
            conditions=self.conditions(),
            organisation=self.organisation.slug if self.organisation_id else "",
            role=self.chain_role.code if self.chain_role_id else "",
            explanation=self.explanation,
            explanation_lang=shown_language(self, "explanation"),
        )


class RecommendationTally(models.Model):
    """Anonymous counts: how often a desk was recommended, per day, form and province. No answers.

    Written only by referral.tally (one upsert on the unique key); read only as weekly totals.
    """

    day = models.DateField(_("day"))
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, verbose_name=_("organisation"))
    form = models.ForeignKey(ExploitationForm, null=True, blank=True, on_delete=models.SET_NULL)
    province = models.ForeignKey(Province, null=True, blank=True, on_delete=models.SET_NULL)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("recommendation count")
        verbose_name_plural = _("recommendation counts")
        indexes = [models.Index(fields=["day", "organisation"])]
        constraints = [
            # One row per key, also when form or province is empty (NULLS NOT DISTINCT): the
            # upsert in referral.tally relies on it.
            models.UniqueConstraint(
                fields=["day", "organisation", "form", "province"],
                name="referral_tally_one_row_per_key",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.organisation_id}: {self.count}"
