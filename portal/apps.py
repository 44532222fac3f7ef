from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("Site pages")


class PortalAdminConfig(admin_apps.AdminConfig):
    """The Django admin with our site: two-factor login and login throttling for editors."""

    default = False
    default_site = "portal.admin_site.PortalAdminSite"
