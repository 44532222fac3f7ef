from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("Site pages")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from portal.page_cache import install_triggers

        # After every migrate (and test-database flush): every content table, also new ones,
        # changes the content generation that the page cache keys on.
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="portal-content-triggers")


class PortalAdminConfig(admin_apps.AdminConfig):
    """The Django admin with our site: two-factor login and login throttling for editors."""

    default = False
    default_site = "portal.admin_site.PortalAdminSite"
