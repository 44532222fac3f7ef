from modeltranslation.translator import TranslationOptions, register

from portal.models import Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
