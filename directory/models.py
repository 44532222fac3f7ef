"""The directory: Dutch regions and the organisations (meldpunten, kenniscentra) that serve them.

Shaped to map onto Open Referral HSDS: Organisation ≈ organization + service, ContactChannel ≈
phone / contact / location, Language ≈ language, the area fields ≈ service_area.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# --- Regions --------------------------------------------------------------------------------


class Province(models.Model):
    code = models.CharField(_("CBS code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name


class PoliceUnit(models.Model):
    """A police unit; its area is also the area of one RIEC."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("police unit")
        verbose_name_plural = _("police units")

    def __str__(self) -> str:
        return self.name


class SafetyRegion(models.Model):
    """A veiligheidsregio: lies in one province and one police unit."""

    code = models.CharField(_("CBS code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="safety_regions")
    police_unit = models.ForeignKey(PoliceUnit, on_delete=models.PROTECT, related_name="safety_regions")

    class Meta:
        ordering = ["name"]
        verbose_name = _("safety region (veiligheidsregio)")
        verbose_name_plural = _("safety regions (veiligheidsregio's)")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("CBS code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    aliases = models.CharField(_("other names"), max_length=200, blank=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="municipalities")
    safety_region = models.ForeignKey(SafetyRegion, on_delete=models.PROTECT, related_name="municipalities")

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    @property
    def police_unit(self) -> PoliceUnit:
        return self.safety_region.police_unit


# --- Vocabularies ---------------------------------------------------------------------------


class ExploitationForm(models.Model):
    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("form of exploitation")
        verbose_name_plural = _("forms of exploitation")

    def __str__(self) -> str:
        return self.name


class Audience(models.Model):
    code = models.SlugField(max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self) -> str:
        return self.name


class ChainRole(models.Model):
    """A role in the regional chain: zorgcoördinator, ketenregisseur, RIEC, Veilig Thuis, …"""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("what this role does"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("chain role")
        verbose_name_plural = _("chain roles")

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    code = models.CharField(_("ISO 639-1 code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name


# --- Organisations --------------------------------------------------------------------------


class OrganisationQuerySet(models.QuerySet):
    def published(self) -> OrganisationQuerySet:
        return self.filter(published=True)

    def serving(self, municipality: Municipality) -> OrganisationQuerySet:
        """National organisations plus every organisation whose area contains the municipality."""
        region = municipality.safety_region
        through = Organisation
        return self.filter(
            Q(serves_nationally=True)
            | Q(is_national_desk=True)
            | Q(
                pk__in=through.municipalities.through.objects.filter(municipality=municipality).values(
                    "organisation_id"
                )
            )
            | Q(pk__in=through.safety_regions.through.objects.filter(safetyregion=region).values("organisation_id"))
            | Q(
                pk__in=through.provinces.through.objects.filter(province=municipality.province_id).values(
                    "organisation_id"
                )
            )
            | Q(
                pk__in=through.police_units.through.objects.filter(policeunit=region.police_unit_id).values(
                    "organisation_id"
                )
            )
        )


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MELDPUNT = "meldpunt", _("Reporting point (meldpunt)")
        KENNISCENTRUM = "kenniscentrum", _("Knowledge centre (kenniscentrum)")
        BOTH = "both", _("Reporting point and knowledge centre")

    class Scale(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")
        LOCAL = "local", _("Local")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address"), max_length=120, unique=True)
    aliases = models.CharField(
        _("other names and abbreviations"), max_length=300, blank=True, help_text=_("Separate with commas.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    role = models.TextField(_("role in plain words"), blank=True)
    what_happens_next = models.TextField(_("what happens after you make contact"), blank=True)
    audiences = models.ManyToManyField(Audience, blank=True, verbose_name=_("audiences"))
    forms = models.ManyToManyField(ExploitationForm, blank=True, verbose_name=_("forms of exploitation"))
    minors_focus = models.BooleanField(_("specialised in minors"), default=False)
    is_shelter = models.BooleanField(
        _("provides shelter (opvang)"),
        default=False,
        help_text=_("A shelter's own address is never published."),
    )
    is_national_desk = models.BooleanField(
        _("national desk"),
        default=False,
        help_text=_("Shown when a search finds nothing and as a fallback route."),
    )
    chain_roles = models.ManyToManyField(ChainRole, blank=True, verbose_name=_("chain roles"))
    scale = models.CharField(_("scale"), max_length=20, choices=Scale.choices)
    serves_nationally = models.BooleanField(_("serves the whole country"), default=False)
    provinces = models.ManyToManyField(Province, blank=True, verbose_name=_("provinces served"))
    safety_regions = models.ManyToManyField(SafetyRegion, blank=True, verbose_name=_("safety regions served"))
    police_units = models.ManyToManyField(PoliceUnit, blank=True, verbose_name=_("police units served"))
    municipalities = models.ManyToManyField(Municipality, blank=True, verbose_name=_("municipalities served"))
    website = models.URLField(_("website"), blank=True)
    source = models.CharField(_("source of this record"), max_length=300)
    source_text = models.TextField(
        _("text in the source"), blank=True, help_text=_("As written in the source, kept for editors.")
    )
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    needs_review = models.BooleanField(_("needs an editor's review"), default=False)
    review_note = models.TextField(_("note for editors"), blank=True)
    published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Filled by directory.search.reindex(): accent-free lower-case text (the source of the
    # "did you mean" words) and a weighted tsvector for full-text search. GIN indexes for both
    # are added by migrations 0002 and 0003.
    search_text = models.TextField(editable=False, blank=True, default="")
    search_vector = SearchVectorField(null=True, editable=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory-organisation", args=[self.slug])

    @property
    def alias_list(self) -> list[str]:
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]

    def published_channels(self) -> list[ContactChannel]:
        return [channel for channel in self.channels.all() if channel.is_publishable]


class ContactChannel(models.Model):
    """One way to reach an organisation. Shown only when its source and verification are known."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("E-mail")
        WEB_FORM = "web_form", _("Web form")
        CHAT = "chat", _("Chat")
        WALK_IN = "walk_in", _("Walk-in address")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    value = models.CharField(_("number, address or link"), max_length=300)
    label = models.CharField(_("label"), max_length=200, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    is_24_7 = models.BooleanField(_("open 24 hours a day, 7 days a week"), default=False)
    free_of_charge = models.BooleanField(_("free of charge"), default=False)
    anonymous = models.BooleanField(_("anonymous possible"), default=False)
    languages = models.ManyToManyField(Language, blank=True, verbose_name=_("languages"))
    source = models.CharField(_("source"), max_length=300)
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("contact channel")
        verbose_name_plural = _("contact channels")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    @property
    def is_publishable(self) -> bool:
        if not self.source or not self.last_verified:
            return False
        return not (self.kind == self.Kind.WALK_IN and self.organisation.is_shelter)

    @property
    def href(self) -> str:
        if self.kind == self.Kind.PHONE:
            return "tel:" + "".join(ch for ch in self.value if ch.isdigit() or ch == "+")
        if self.kind == self.Kind.EMAIL:
            return f"mailto:{self.value}"
        if self.kind in {self.Kind.WEB_FORM, self.Kind.CHAT} and self.value.startswith("https://"):
            return self.value
        return ""

    def clean(self) -> None:
        if self.kind == self.Kind.WALK_IN and self.organisation_id and self.organisation.is_shelter:
            raise ValidationError(
                _("A shelter's own address is never published. Enter its public front-door contact instead.")
            )
        if self.kind in {self.Kind.WEB_FORM, self.Kind.CHAT} and not self.value.startswith("https://"):
            raise ValidationError({"value": _("Enter a full https:// link.")})


class SearchWord(models.Model):
    """Every word of the directory's search documents, to correct typos in searches."""

    word = models.CharField(max_length=100, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word


# --- What people type -----------------------------------------------------------------------


class Place(models.Model):
    """A Dutch place (woonplaats, kern, buurtschap) and the municipality it lies in.

    Lets search and the wizard accept "Ter Apel" or "Naaldwijk", not only the 342 municipality
    names. The same name can lie in several municipalities (Aalst, Beek): one row each.
    """

    name = models.CharField(_("name"), max_length=100)
    other_names = models.CharField(
        _("other names"),
        max_length=300,
        blank=True,
        help_text=_("Other spellings, also in other scripts (for example Венло, فينلو). Separate with commas."),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="places", verbose_name=_("municipality")
    )
    postcodes = models.CharField(
        _("postcodes"),
        max_length=200,
        blank=True,
        help_text=_("Four-digit postcode ranges, for example 1431–1432; 1436–1436."),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    # Derived on save (directory.places.prepare): the accent-free name and other names for
    # matching, a consonant "skeleton" for names typed in another script, and the postcode span
    # for an indexed lookup. Trigram indexes on the names come with a PostgreSQL migration.
    normalised = models.CharField(max_length=100, editable=False, default="", db_index=True)
    other_normalised = models.CharField(max_length=400, editable=False, default="")
    skeleton = models.CharField(max_length=100, editable=False, default="", db_index=True)
    postcode_low = models.PositiveSmallIntegerField(null=True, editable=False, db_index=True)
    postcode_high = models.PositiveSmallIntegerField(null=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "municipality__name"]
        constraints = [models.UniqueConstraint(fields=["name", "municipality"], name="directory_place_unique")]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})" if self.municipality_id else self.name

    def save(self, *args, **kwargs) -> None:
        from directory.places import prepare

        prepare(self)
        super().save(*args, **kwargs)


class SearchTerm(models.Model):
    """A word or phrase people type, in any of the site's languages, and the directory's words for it.

    "handel ludźmi", "торгівля людьми" and "الاتجار بالبشر" all mean "mensenhandel": a search for
    one of them also searches for the words in `means`. Editors extend this list in the admin.
    """

    LANGUAGE_CHOICES = [
        ("nl", "Nederlands"), ("en", "English"), ("pl", "Polski"), ("ro", "Română"), ("bg", "Български"),
        ("uk", "Українська"), ("ar", "العربية"),
    ]  # fmt: skip

    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    words = models.CharField(
        _("what people type"), max_length=100, help_text=_("One word or a short phrase, as a person would type it.")
    )
    means = models.CharField(
        _("the directory's words for it"),
        max_length=300,
        help_text=_("Dutch words used in the directory, separated by commas. A search for the words above also "
                    "finds these."),
    )  # fmt: skip
    normalised = models.CharField(max_length=100, editable=False, default="", db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language", "words"]
        constraints = [models.UniqueConstraint(fields=["language", "words"], name="directory_searchterm_unique")]
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self) -> str:
        return f"{self.words} → {self.means}"

    def save(self, *args, **kwargs) -> None:
        self.prepare()
        super().save(*args, **kwargs)

    def prepare(self) -> None:
        """Fill the accent-free form the search looks the words up by."""
        from directory.search import normalise

        self.normalised = " ".join(normalise(self.words).split())[:100]
