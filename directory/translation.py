from modeltranslation.translator import TranslationOptions, register

from directory.models import (
    Audience,
    ChainRole,
    ContactChannel,
    ExploitationForm,
    InformationPractice,
    Language,
    Organisation,
)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("role", "what_happens_next", "info_passes_on_note", "public_note")


@register(ContactChannel)
class ContactChannelTranslationOptions(TranslationOptions):
    fields = ("label", "opening_hours")


@register(ExploitationForm)
class ExploitationFormTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Audience)
class AudienceTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(ChainRole)
class ChainRoleTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Language)
class LanguageTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(InformationPractice)
class InformationPracticeTranslationOptions(TranslationOptions):
    fields = ("name", "passes_on_note", "note")
