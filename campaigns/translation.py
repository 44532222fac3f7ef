from modeltranslation.translator import TranslationOptions, register

from campaigns.models import Audience, Campaign, Format, Material, Result


@register(Audience)
class AudienceTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Format)
class FormatTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Campaign)
class CampaignTranslationOptions(TranslationOptions):
    fields = ("title", "goal", "call_to_action", "reach", "evaluation_summary", "reuse_terms")


@register(Result)
class ResultTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(Material)
class MaterialTranslationOptions(TranslationOptions):
    fields = ("title", "reuse_terms")
