"""The directory: Dutch regions and the organisations (meldpunten, kenniscentra) that serve them.

Shaped to map onto Open Referral HSDS: Organisation ≈ organization + service, ContactChannel ≈
phone / contact / location, Language ≈ language, the area fields ≈ service_area.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
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


class Answer(models.TextChoices):
    """A fact about a desk: yes, no, or not known. Unknown stays unknown: never guess."""

    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Not known")


class InformationPractice(models.Model):
    """What happens with your information at a kind of desk (police, Veilig Thuis, an NGO, …).

    The defaults of a desk's role, as data editors can change; an organisation can override each
    answer. Shown as the card "What happens with your information".
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("kind of desk"), max_length=100)
    is_police = models.CharField(
        _("is it the police or an investigation service?"), max_length=10, choices=Answer.choices,
        default=Answer.UNKNOWN,
    )  # fmt: skip
    anonymous = models.CharField(
        _("can you stay anonymous?"), max_length=10, choices=Answer.choices, default=Answer.UNKNOWN
    )
    passes_on = models.CharField(
        _("does it pass your information to the police or CoMensha?"), max_length=10, choices=Answer.choices,
        default=Answer.UNKNOWN,
    )  # fmt: skip
    passes_on_note = models.CharField(_("to whom and when (in plain words)"), max_length=300, blank=True)
    free = models.CharField(_("is it free?"), max_length=10, choices=Answer.choices, default=Answer.UNKNOWN)
    papers_needed = models.CharField(
        _("do you need papers (ID, residence permit)?"), max_length=10, choices=Answer.choices,
        default=Answer.UNKNOWN,
    )  # fmt: skip
    note = models.CharField(_("anything else to know"), max_length=300, blank=True)
    source = models.CharField(_("where these answers come from"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("what happens with your information (defaults per kind of desk)")
        verbose_name_plural = _("what happens with your information (defaults per kind of desk)")

    def __str__(self) -> str:
        return self.name


# --- Organisations --------------------------------------------------------------------------


class OrganisationQuerySet(models.QuerySet):
    def published(self) -> OrganisationQuerySet:
        return self.filter(published=True)

    def serving(self, municipality: Municipality) -> OrganisationQuerySet:
        """National organisations plus every organisation whose area contains the municipality."""
        return self.filter(Q(serves_nationally=True) | Q(is_national_desk=True) | self._area_contains(municipality))

    def serving_by_area(self, municipality: Municipality) -> OrganisationQuerySet:
        """Organisations whose own area (municipality, region, province, police unit) contains it:
        Fier for Fryslân, not every national desk."""
        return self.filter(self._area_contains(municipality))

    @staticmethod
    def _area_contains(municipality: Municipality) -> Q:
        region = municipality.safety_region
        through = Organisation
        return (
            Q(pk__in=through.municipalities.through.objects.filter(municipality=municipality).values("organisation_id"))
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
    information_practice = models.ForeignKey(
        InformationPractice,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("kind of desk (what happens with your information)"),
        help_text=_("Its answers are shown unless you override them below."),
    )
    info_is_police = models.CharField(
        _("override: police or investigation service?"), max_length=10, choices=Answer.choices, blank=True
    )
    info_anonymous = models.CharField(_("override: anonymous?"), max_length=10, choices=Answer.choices, blank=True)
    info_passes_on = models.CharField(
        _("override: passes information on?"), max_length=10, choices=Answer.choices, blank=True
    )
    info_passes_on_note = models.CharField(_("override: to whom and when"), max_length=300, blank=True)
    info_free = models.CharField(_("override: free?"), max_length=10, choices=Answer.choices, blank=True)
    info_papers_needed = models.CharField(
        _("override: papers needed?"), max_length=10, choices=Answer.choices, blank=True
    )
    source = models.CharField(_("source of this record"), max_length=300)
    source_text = models.TextField(
        _("text in the source"), blank=True, help_text=_("As written in the source, kept for editors.")
    )
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    needs_review = models.BooleanField(_("needs an editor's review"), default=False)
    review_note = models.TextField(_("note for editors"), blank=True)
    public_note = models.TextField(
        _("note for the public"),
        blank=True,
        help_text=_("For example: a pilot that has ended. Shown on its page, in the meldroute and in the wizard."),
    )
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

    @property
    def is_reachable(self) -> bool:
        """Someone can contact it: a published phone, e-mail, chat, web form, website, … ."""
        return bool(self.published_channels())


class ContactChannelQuerySet(models.QuerySet):
    def public(self) -> ContactChannelQuerySet:
        """Channels the public may see: from a named public source, or confirmed by an editor."""
        return self.filter(PUBLIC_CHANNEL)

    def published_numbers(self) -> set[str]:
        """Every phone number the public may see (of a published organisation), as dialled: the
        numbers a text may turn into tap-to-call links."""
        phones = self.public().filter(kind=ContactChannel.Kind.PHONE, organisation__published=True)
        return {dialable(value) for value in phones.values_list("value", flat=True)}


class ContactChannel(models.Model):
    """One way to reach an organisation, with where it comes from and who checked it.

    Three provenance states: taken over from a *public source* (its address and the date it was
    taken over), *confirmed* by an editor (who and when, a recorded event), or *to be checked*
    (never shown to the public; in the editors' verification queue).
    """

    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("E-mail")
        WEB_FORM = "web_form", _("Web form")
        CHAT = "chat", _("Chat")
        WEBSITE = "website", _("Website")
        WHATSAPP = "whatsapp", _("WhatsApp")
        WALK_IN = "walk_in", _("Walk-in address")

    class Status(models.TextChoices):
        PUBLIC_SOURCE = "public_source", _("From a public source, not yet confirmed by the organisation")
        CONFIRMED = "confirmed", _("Confirmed by an editor")
        TO_CHECK = "to_check", _("To be checked (not shown to the public)")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    value = models.CharField(_("number, address or link"), max_length=300)
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("Shown to the public: short and plain, for example “Telefoon” or “Telefoon (landelijk)”."),
    )
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    is_24_7 = models.BooleanField(_("open 24 hours a day, 7 days a week"), default=False)
    free_of_charge = models.BooleanField(_("free of charge"), default=False)
    anonymous = models.BooleanField(_("anonymous possible"), default=False)
    languages = models.ManyToManyField(Language, blank=True, verbose_name=_("languages"))
    status = models.CharField(_("provenance"), max_length=20, choices=Status.choices, default=Status.TO_CHECK)
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Shown to the public, e.g. the site's name: comensha.nl")
    )
    source_url = models.URLField(_("source page"), max_length=500, blank=True)
    taken_over = models.DateField(_("taken over from the source on"), null=True, blank=True)
    excerpt = models.TextField(_("excerpt from the source"), blank=True, help_text=_("For editors only."))
    source_note = models.TextField(
        _("what the source file says about it"),
        blank=True,
        help_text=_("The description in the imported file, for example that a page is old. For editors only."),
    )
    review_reason = models.TextField(_("why it needs checking"), blank=True, help_text=_("For editors only."))
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True, editable=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # When the channel last changed: the HSDS API's `modified_after` and `last_modified` read it.
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContactChannelQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("contact channel")
        verbose_name_plural = _("contact channels")
        permissions = [("confirm_contactchannel", _("Can confirm contact channels"))]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    @property
    def is_public(self) -> bool:
        """Public by provenance (what `ContactChannel.objects.public()` selects)."""
        if self.status == self.Status.CONFIRMED:
            return bool(self.confirmed_at)
        return self.status == self.Status.PUBLIC_SOURCE and bool(self.source and self.taken_over)

    @property
    def is_publishable(self) -> bool:
        if not self.is_public:
            return False
        return not (self.kind == self.Kind.WALK_IN and self.organisation.is_shelter)

    @property
    def last_verified(self) -> dt.date | None:
        """The day an editor last confirmed this channel (a recorded event), else None."""
        if self.status == self.Status.CONFIRMED and self.confirmed_at:
            return timezone.localdate(self.confirmed_at)
        return None

    @property
    def checked_since(self) -> dt.date | None:
        """The date the public details go back to: the last confirmation, or when they were taken over."""
        return self.last_verified or self.taken_over

    @property
    def is_stale(self) -> bool:
        """Not confirmed for twelve months: the public page says so, the editors' to-do list shows it."""
        since = self.checked_since
        return since is not None and since < stale_before()

    @property
    def href(self) -> str:
        if self.kind == self.Kind.PHONE:
            return "tel:" + dialable(self.value)
        if self.kind == self.Kind.EMAIL:
            return f"mailto:{self.value}"
        if self.kind in {self.Kind.WEB_FORM, self.Kind.CHAT, self.Kind.WEBSITE}:
            return web_address(self.value)
        return ""

    def clean(self) -> None:
        if self.kind == self.Kind.WALK_IN and self.organisation_id and self.organisation.is_shelter:
            raise ValidationError(
                _("A shelter's own address is never published. Enter its public front-door contact instead.")
            )
        if self.kind in {self.Kind.WEB_FORM, self.Kind.CHAT} and not self.value.startswith("https://"):
            raise ValidationError({"value": _("Enter a full https:// link.")})
        if self.status == self.Status.PUBLIC_SOURCE and not (self.source and self.taken_over):
            raise ValidationError(
                _("A channel from a public source needs the source's name and the date it was taken over.")
            )


PUBLIC_CHANNEL = Q(status=ContactChannel.Status.CONFIRMED, confirmed_at__isnull=False) | (
    Q(status=ContactChannel.Status.PUBLIC_SOURCE, taken_over__isnull=False) & ~Q(source="")
)
CONFIRM_EVERY_DAYS = 365


def stale_before() -> dt.date:
    return timezone.localdate() - dt.timedelta(days=CONFIRM_EVERY_DAYS)


def dialable(number: str) -> str:
    """A number as a tel: link dials it: digits and a leading +; "+31 (0)6" loses its "(0)"."""
    number = number.replace("(0)", "")
    digits = "".join(ch for ch in number if ch.isdigit())
    return "+" + digits if number.strip().startswith("+") else digits


def web_address(value: str) -> str:
    """A link for an address written as on the source ("www.veiligthuis.nl"): https:// is added."""
    value = value.strip()
    if value.startswith(("https://", "http://")):
        return value
    if value and " " not in value and "." in value:
        return "https://" + value
    return ""


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


class ContactImportRecord(models.Model):
    """What the contact import wrote, per organisation and value: the import never overwrites a
    channel an editor changed or deleted since (the same rule as the seed data)."""

    key = models.CharField(max_length=400, unique=True)
    channel = models.ForeignKey(ContactChannel, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    written = models.JSONField(default=dict)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contact import record")
        verbose_name_plural = _("contact import records")

    def __str__(self) -> str:
        return self.key


class UnlistedDesk(models.Model):
    """A desk a public source names that the directory does not hold (yet): for editors only."""

    key = models.SlugField(max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=300)
    notes = models.TextField(_("notes"), blank=True)
    channels = models.JSONField(_("contact routes in the source"), default=list)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("desk not in the directory")
        verbose_name_plural = _("desks not in the directory")

    def __str__(self) -> str:
        return self.name


# --- The public changelog -------------------------------------------------------------------


class DirectoryChangeQuerySet(models.QuerySet):
    def public(self) -> DirectoryChangeQuerySet:
        """What the public changelog shows. About an organisation that is no longer published (or
        no longer exists) only that it was removed; nothing about a shelter's walk-in address."""
        change = DirectoryChange
        still_public = Q(organisation__published=True) & (
            ~Q(channel_kind=ContactChannel.Kind.WALK_IN) | Q(organisation__is_shelter=False)
        )
        return self.filter(still_public | Q(subject=change.Subject.ORGANISATION, action=change.Action.REMOVED))


class DirectoryChange(models.Model):
    """One line of the public changelog: an organisation or contact route added, changed, confirmed
    or removed. Derived from the revision history by `directory.changelog` (never edited by hand);
    it names no editor and no value, only which public fields changed."""

    # Derived data, not in the admin: its labels need no translation.
    class Action(models.TextChoices):
        ADDED = "added"
        CHANGED = "changed"
        CONFIRMED = "confirmed"
        REMOVED = "removed"

    class Subject(models.TextChoices):
        ORGANISATION = "organisation"
        CHANNEL = "channel"

    happened_at = models.DateTimeField()
    action = models.CharField(max_length=20, choices=Action.choices)
    subject = models.CharField(max_length=20, choices=Subject.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("organisation")
    )
    # The name as it was last public: what a "removed" line shows once the organisation is gone.
    organisation_name = models.CharField(_("name"), max_length=200)
    object_id = models.CharField(max_length=191)
    channel_kind = models.CharField(_("kind"), max_length=20, choices=ContactChannel.Kind.choices, blank=True)
    fields = models.JSONField(default=list, blank=True)  # codes of public field groups (changelog.py)
    revision = models.ForeignKey("reversion.Revision", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")  # fmt: skip

    objects = DirectoryChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-happened_at", "-id"]
        indexes = [models.Index(fields=["-happened_at", "-id"], name="directory_change_newest")]
        verbose_name = "change in the directory"  # never in the admin: derived data
        verbose_name_plural = "changes in the directory"

    def __str__(self) -> str:
        return f"{self.happened_at:%Y-%m-%d %H:%M} {self.organisation_name}: {self.action}"
