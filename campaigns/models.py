"""The campaign library: awareness campaigns, their reusable material, and who sent them.

Forms of exploitation, provinces, safety regions, municipalities and languages are the
directory's; audiences and formats are the library's own, because campaigns speak to other
groups (consumers, parents, politicians, …) than the directory's organisations serve.
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from directory.models import ExploitationForm, Language, Municipality, Organisation, Province, SafetyRegion
from portal.text import normalise

# --- Vocabularies ---------------------------------------------------------------------------


class Audience(models.Model):
    """Whom a campaign speaks to: burgers, professionals, jongeren, ouders, consumenten, …"""

    code = models.SlugField(max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("campaign audience")
        verbose_name_plural = _("campaign audiences")

    def __str__(self) -> str:
        return self.name


class Format(models.Model):
    """How a campaign reaches people: video, posters, social media, website, toolkit, …"""

    code = models.SlugField(max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("campaign format")
        verbose_name_plural = _("campaign formats")

    def __str__(self) -> str:
        return self.name


# --- Campaigns ------------------------------------------------------------------------------


class CampaignQuerySet(models.QuerySet):
    def published(self) -> CampaignQuerySet:
        return self.filter(published=True)

    def in_province_codes(self, codes: list[str]) -> CampaignQuerySet:
        """Regional campaigns whose region lies (wholly or partly) in one of the provinces."""
        through = Campaign.provinces.through.objects.filter(province__code__in=codes)
        regions = Campaign.safety_regions.through.objects.filter(safetyregion__province__code__in=codes)
        places = Campaign.municipalities.through.objects.filter(municipality__province__code__in=codes)
        return self.filter(
            Q(pk__in=through.values("campaign_id"))
            | Q(pk__in=regions.values("campaign_id"))
            | Q(pk__in=places.values("campaign_id")),
            scope=Campaign.Scope.REGIONAL,
        )


class Campaign(models.Model):
    class Scope(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")
        UNKNOWN = "unknown", _("Not known")

    class Status(models.TextChoices):
        ONGOING = "ongoing", _("Still running")
        ENDED = "ended", _("Ended")
        UNKNOWN = "unknown", _("Not known")

    class ActionLink(models.TextChoices):
        REFERRAL = "referral", _("The referral guide (verwijswijzer)")
        DIRECTORY = "directory", _("The directory of organisations")
        NONE = "none", _("No link")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("address"), max_length=120, unique=True)
    goal = models.TextField(_("goal"), blank=True)
    audiences = models.ManyToManyField(Audience, blank=True, verbose_name=_("audiences"))
    forms = models.ManyToManyField(ExploitationForm, blank=True, verbose_name=_("forms of exploitation"))
    all_forms = models.BooleanField(
        _("about human trafficking in general"),
        default=False,
        help_text=_("The campaign is about human trafficking in general rather than one form."),
    )
    formats = models.ManyToManyField(Format, blank=True, verbose_name=_("formats"))
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, default=Scope.UNKNOWN)
    region_text = models.CharField(
        _("region as written"),
        max_length=200,
        blank=True,
        help_text=_("The region in words, e.g. “Hillegom, Lisse en Teylingen”. Link the places below."),
    )
    provinces = models.ManyToManyField(Province, blank=True, verbose_name=_("provinces"))
    safety_regions = models.ManyToManyField(SafetyRegion, blank=True, verbose_name=_("safety regions"))
    municipalities = models.ManyToManyField(Municipality, blank=True, verbose_name=_("municipalities"))
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    start_month = models.PositiveSmallIntegerField(_("start month"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    end_month = models.PositiveSmallIntegerField(_("end month"), null=True, blank=True)
    status = models.CharField(_("running or ended"), max_length=20, choices=Status.choices, default=Status.UNKNOWN)
    call_to_action = models.TextField(
        _("call to action (handelingsperspectief)"), blank=True, help_text=_("What the campaign asks people to do.")
    )
    action_link = models.CharField(
        _("call to action links to"), max_length=20, choices=ActionLink.choices, default=ActionLink.REFERRAL
    )
    reach = models.TextField(_("reach figures"), blank=True)
    evaluation_summary = models.TextField(_("evaluation summary"), blank=True)
    evaluation_url = models.URLField(_("link to the evaluation"), blank=True)
    languages = models.ManyToManyField(Language, blank=True, verbose_name=_("languages"))
    reuse_terms = models.TextField(
        _("reuse terms"), blank=True, help_text=_("May others use and adapt the material, and on what terms?")
    )
    named_by_respondents = models.BooleanField(
        _("named by respondents only"),
        default=False,
        help_text=_("Only the name is known: respondents of the inventory mentioned it."),
    )
    source = models.CharField(_("source of this record"), max_length=300, blank=True)
    source_text = models.TextField(
        _("text in the source"), blank=True, help_text=_("Each column as written in the source, kept for editors.")
    )
    needs_review = models.BooleanField(_("needs an editor's review"), default=False)
    review_note = models.TextField(_("note for editors"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    proposed_at = models.DateTimeField(_("proposed on"), null=True, blank=True)
    proposer_name = models.CharField(_("proposed by (name)"), max_length=200, blank=True)
    proposer_email = models.EmailField(_("proposed by (e-mail)"), blank=True)
    proposer_organisation = models.CharField(_("proposed by (organisation)"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept by save() and reindex(): a sortable start (yyyymm) and accent-free text for search.
    start_sort = models.PositiveIntegerField(editable=False, null=True, db_index=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = [models.F("start_sort").desc(nulls_last=True), "slug"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.start_sort = self.start_year * 100 + (self.start_month or 0) if self.start_year else None
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("campaigns-detail", args=[self.slug])

    def clean(self) -> None:
        errors = {}
        for field in ("start_month", "end_month"):
            value = getattr(self, field)
            if value is not None and not 1 <= value <= 12:
                errors[field] = _("Enter a month from 1 to 12.")
        for field in ("start_year", "end_year"):
            value = getattr(self, field)
            if value is not None and not 1900 <= value <= 2100:
                errors[field] = _("Enter a year such as 2024.")
        if self.start_month and not self.start_year:
            errors["start_year"] = _("Enter the year of the month.")
        if self.end_month and not self.end_year:
            errors["end_year"] = _("Enter the year of the month.")
        if (
            not errors
            and self.start_year
            and self.end_year
            and (self.end_year, self.end_month or 12) < (self.start_year, self.start_month or 1)
        ):
            errors["end_year"] = _("The end lies before the start.")
        if errors:
            raise ValidationError(errors)

    # --- Period ---------------------------------------------------------------------------

    @property
    def start_date(self) -> dt.date | None:
        return dt.date(self.start_year, self.start_month or 1, 1) if self.start_year else None

    @property
    def end_date(self) -> dt.date | None:
        return dt.date(self.end_year, self.end_month or 1, 1) if self.end_year else None

    @property
    def is_ongoing(self) -> bool:
        return self.status == self.Status.ONGOING

    # --- Search index ---------------------------------------------------------------------

    def index_text(self) -> str:
        """Every word someone may search for, in every language, accent-free."""
        from django.conf import settings

        parts: list[str] = []
        for field in ("title", "goal", "call_to_action", "reuse_terms", "reach", "evaluation_summary"):
            for code, _name in settings.LANGUAGES:
                parts.append(getattr(self, f"{field}_{code}", "") or "")
        parts.append(self.region_text)
        parts.extend(sender.name for sender in self.senders.all())
        parts.extend(sender.organisation.name for sender in self.senders.all() if sender.organisation_id)
        parts.extend(place.name for place in self.municipalities.all())
        parts.extend(place.name for place in self.safety_regions.all())
        parts.extend(place.name for place in self.provinces.all())
        return normalise(" ".join(dict.fromkeys(part for part in parts if part)))

    def reindex(self) -> None:
        self.search_text = self.index_text()
        Campaign.objects.filter(pk=self.pk).update(search_text=self.search_text)


class Sender(models.Model):
    """One sender of a campaign: a directory organisation where it exists there, else its name."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="senders")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="campaign_senders",
        verbose_name=_("organisation in the directory"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("sender")
        verbose_name_plural = _("senders")

    def __str__(self) -> str:
        return self.name

    @property
    def url(self) -> str:
        """The organisation's page in the directory, when it is published there."""
        organisation = self.organisation
        if organisation is None or not organisation.published:
            return ""
        try:
            return organisation.get_absolute_url()
        except NoReverseMatch:
            return ""


# Campaign sites have long addresses (tracking codes, deep pages); the proposal form allows as much.
LINK_MAX_LENGTH = 500


class Link(models.Model):
    """A link to the campaign's own site or page. Without an address, only the text is shown."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"), max_length=LINK_MAX_LENGTH, blank=True, help_text=_("A full https:// address."))
    label = models.CharField(_("text"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.label or self.url

    def clean(self) -> None:
        if not self.url and not self.label:
            raise ValidationError(_("Enter an address or a text."))

    @property
    def href(self) -> str:
        return self.url if self.url.startswith(("https://", "http://")) else ""


class Result(models.Model):
    """One result or evaluation finding of a campaign, with where it comes from."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="results")
    text = models.TextField(_("result"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("result or evaluation finding")
        verbose_name_plural = _("results and evaluation")

    def __str__(self) -> str:
        return self.text[:80]


def material_upload_to(instance: Material, filename: str) -> str:
    """A random name under campaigns/; the extension is the one the content was checked to be."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"campaigns/{secrets.token_urlsafe(18)}{suffix}"


class Material(models.Model):
    """Reusable material of a campaign: an uploaded file or a link to it elsewhere."""

    class Kind(models.TextChoices):
        VIDEO = "video", _("Video")
        POSTER = "poster", _("Poster")
        FLYER = "flyer", _("Flyer or brochure")
        SOCIAL_MEDIA = "social_media", _("Social media post")
        IMAGE = "image", _("Image")
        DOCUMENT = "document", _("Document")
        PRESENTATION = "presentation", _("Presentation")
        TOOLKIT = "toolkit", _("Toolkit")
        TRAINING = "training", _("Training material")
        OTHER = "other", _("Other")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(_("file"), upload_to=material_upload_to, max_length=200, blank=True)
    url = models.URLField(_("link to the material elsewhere"), blank=True)
    original_name = models.CharField(_("file name for downloads"), max_length=150, blank=True, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    size_bytes = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True, editable=False)
    language = models.ForeignKey(Language, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("language"))
    reuse_terms = models.TextField(
        _("reuse terms"), blank=True, help_text=_("Leave empty when the campaign's reuse terms apply.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("material")
        verbose_name_plural = _("material")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.file:
            self.original_name, self.content_type, self.size_bytes = "", "", None
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.file and self.url:
            raise ValidationError(_("Upload a file or enter a link: one of the two."))

    @property
    def is_download(self) -> bool:
        return bool(self.file)

    def get_download_url(self) -> str:
        return reverse("campaigns-material", args=[self.pk])

    @property
    def file_format(self) -> str:
        """A short name for the file's format (PDF, PNG, …), from its checked content type."""
        from campaigns.uploads import FORMAT_NAMES

        return FORMAT_NAMES.get(self.content_type, "")


@receiver(pre_delete, sender=Material)
def _remove_proposed_file(sender, instance: Material, **kwargs) -> None:
    """A material's stored file stays when its row is deleted (ADR 018): it is published content,
    and an editor who recovers the material or its campaign (django-reversion) gets the same
    download back. The one exception is a file sent in with a proposal that was never published:
    deleting it removes what a member of the public uploaded, once the deletion is committed (a
    delete that is rolled back, such as the preview of a recovery, keeps the file)."""
    if not instance.file:
        return
    unpublished_proposal = Campaign.objects.filter(
        pk=instance.campaign_id, proposed_at__isnull=False, published=False
    ).exists()
    if unpublished_proposal:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))


class ProposalAttempt(models.Model):
    """A proposal sent through the public form, for the rate limit. Holds no address, only a salted hash."""

    client = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("proposal attempt")
        verbose_name_plural = _("proposal attempts")

    def __str__(self) -> str:
        return f"{self.client[:8]}… {self.created_at:%Y-%m-%d %H:%M}"
