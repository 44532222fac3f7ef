from modeltranslation.translator import TranslationOptions, register

from referral.models import RouteRule


@register(RouteRule)
class RouteRuleTranslationOptions(TranslationOptions):
    fields = ("explanation",)
