from __future__ import annotations

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _

from portal.admin_login import TwoFactorLoginForm


class PortalAdminSite(AdminSite):
    """The editors' admin. With ADMIN_REQUIRE_2FA (on in production) every login needs a
    one-time code from the editor's authenticator app, on top of the password."""

    site_header = _("Informatiepunt Mensenhandel: beheer")
    site_title = _("Informatiepunt Mensenhandel")
    index_title = _("Content management")

    @property
    def login_form(self):
        return TwoFactorLoginForm if settings.ADMIN_REQUIRE_2FA else AdminAuthenticationForm

    def has_permission(self, request) -> bool:
        allowed = super().has_permission(request)
        if settings.ADMIN_REQUIRE_2FA:
            return allowed and request.user.is_verified()
        return allowed

    def get_urls(self):
        from django.urls import path

        return [
            path("vertalingen/", self.admin_view(self.missing_translations_view), name="missing-translations"),
            *super().get_urls(),
        ]

    def missing_translations_view(self, request):
        """Every published object with a Dutch text that is not yet translated, per language."""
        from django.template.response import TemplateResponse

        from portal.admin_tools import missing_languages, translated_fields

        rows = []
        for model, model_admin in self._registry.items():
            if not translated_fields(model) or not model_admin.has_view_permission(request):
                continue
            for obj in model._default_manager.all()[:2000]:
                for language, fields in missing_languages(obj).items():
                    rows.append(
                        {
                            "model": model._meta.verbose_name,
                            "object": obj,
                            "language": language,
                            "fields": ", ".join(fields),
                            "url": f"../{model._meta.app_label}/{model._meta.model_name}/{obj.pk}/change/",
                        }
                    )
        language = request.GET.get("taal", "")
        if language:
            rows = [row for row in rows if row["language"] == language]
        context = {
            **self.each_context(request),
            "title": _("Missing translations"),
            "rows": rows[:1000],
            "total": len(rows),
            "languages": [code for code, _name in settings.LANGUAGES if code != "nl"],
            "chosen": language,
        }
        return TemplateResponse(request, "admin/missing_translations.html", context)
