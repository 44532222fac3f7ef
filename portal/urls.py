from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from directory import views as directory_views
from portal import views

urlpatterns = [
    path("", views.root, name="portal-root"),
    path("healthz", views.healthz, name="portal-healthz"),
    path("ping", views.ping, name="portal-ping"),
    path("weg/", views.quick_exit, name="portal-quick-exit"),
    path("te-groot", views.too_large, name="portal-too-large"),
    path("beheer/", admin.site.urls),
    path("", include("directory.open_data_urls")),
    path("plaatsnamen.json", directory_views.place_names, name="directory-place-names"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="portal-home"),
    path("organisaties/", include("directory.urls")),
    path("campagnes/", include("campaigns.urls")),
    path("", include("referral.urls")),
    path("informatie/", views.page_index, name="portal-page-index"),
    path("informatie/<slug:slug>/", views.page_detail, name="portal-page"),
    prefix_default_language=True,
)

handler400 = "portal.views.bad_request"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
