"""Settings for the Informatiepunt Mensenhandel.

Everything that differs between a laptop and production comes from environment variables
(see README, "Configuration"). DJANGO_ENV=production switches on the strict mode in which
`manage.py check --deploy` is clean and missing secrets stop the site from starting.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.env import envbool, envint, envlist, local_secret_key
from portal.pgcluster import local_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

ENVIRONMENT = os.environ.get("DJANGO_ENV", "development").strip().lower()
if ENVIRONMENT not in {"development", "production", "test"}:
    raise ImproperlyConfigured("DJANGO_ENV must be development, production or test")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = envbool("DEBUG", default=ENVIRONMENT == "development")
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production")
    SECRET_KEY = local_secret_key(BASE_DIR / ".secret_key")

ALLOWED_HOSTS = envlist(
    "ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin so it can patch translated fields.
    "modeltranslation",
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # Search lookups (trigram, full text).
    "django.contrib.postgres",
    "reversion",
    "import_export",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "portal",
    "directory",
    "campaigns",
    "referral",
]

MIDDLEWARE = [
    "portal.middleware.DatabaseUnavailableMiddleware",
    "portal.middleware.ReadableQueryMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the page cache, so a page served from it is answered with 304 when unchanged.
    "django.middleware.http.ConditionalGetMiddleware",
    # Public pages from the cache (portal/page_cache.py): what follows runs only on a miss.
    "portal.page_cache.PublicPageCacheMiddleware",
    "portal.page_cache.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.api_errors.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Inside the page cache and ConditionalGet, so the ETag is computed from the isolated page.
    "portal.bidi.RightToLeftIsolationMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

# --- Editors' accounts ----------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # throttles and locks out repeated failed logins
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Never store a one-time code (even a wrong one) in the login records.
AXES_SENSITIVE_PARAMETERS = ["otp_token"]
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# One rule for the client's address (portal/client_address.py), for lockouts and rate limits alike.
AXES_CLIENT_IP_CALLABLE = "portal.client_address.client_address"
# Staff must confirm each login with a one-time code from an authenticator app (TOTP).
ADMIN_REQUIRE_2FA = envbool("ADMIN_REQUIRE_2FA", default=PRODUCTION)
OTP_TOTP_ISSUER = "Informatiepunt Mensenhandel"
# Trusted proxies in front of the app (nginx, and a load balancer if there is one): how many append
# to X-Forwarded-For, and from which networks they connect. A request from any other address reached
# the app directly, and its forwarding headers are ignored.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 1 if PRODUCTION else 0)
TRUSTED_PROXY_NETWORKS = envlist(
    "TRUSTED_PROXY_NETWORKS",
    default=["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
)
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# PostgreSQL everywhere (psycopg 3). Outside production the default is the checkout's own
# cluster that `make run` starts (portal/pgcluster.py); `make test` passes a throwaway one.
if PRODUCTION and not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in production")
DATABASE_URL = os.environ.get("DATABASE_URL") or local_database_url()
_database = dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60))
if _database["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL (postgres://…)")
_database["CONN_HEALTH_CHECKS"] = True
# A slow query must not hang a web worker: PostgreSQL cancels it after this many ms.
_timeout = envint("DB_STATEMENT_TIMEOUT_MS", 5000)
_database.setdefault("OPTIONS", {})["options"] = f"-c statement_timeout={_timeout}"
_database["OPTIONS"]["connect_timeout"] = envint("DB_CONNECT_TIMEOUT", 3)
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Page cache (portal/page_cache.py, ADR 015) ----------------------------------------------
# Each worker keeps rendered public pages in its own memory; the content generation in every key
# keeps them right across workers and containers. Off in the test suite (tests read the template
# context of every response); the page-cache tests switch it on.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": envint("PAGE_CACHE_MAX_ENTRIES", 2000)},
    },
}
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 0 if ENVIRONMENT == "test" else 3600)
# Result cards and API records kept per worker process by content generation (portal/fragments.py,
# ADR 023): a card is 1-3 KB, so 10,000 of them are about 20 MB per worker.
FRAGMENT_CACHE_MAX_ENTRIES = envint("FRAGMENT_CACHE_MAX_ENTRIES", 10000)
# Ranked searches kept per worker the same way (directory/views.py): a broad query at 10,000
# organisations ranks ~6,000 of them, about 1 MB, so at most this many.
SEARCH_RANKINGS_KEPT = envint("SEARCH_RANKINGS_KEPT", 50)

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("bg", _("Bulgarian")),
    ("uk", _("Ukrainian")),
    ("ar", _("Arabic")),
]
# Each language named in itself, for the language switcher.
LANGUAGE_AUTONYMS = {
    "nl": "Nederlands",
    "en": "English",
    "pl": "Polski",
    "ro": "Română",
    "bg": "Български",
    "uk": "Українська",
    "ar": "العربية",
}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# No page may show an empty field: fall back to English, then Dutch.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "nl"), "en": ("nl",)}

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if ENVIRONMENT == "test"
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600

# --- Sessions and cookies: only the admin ever gets a cookie. -------------------------------
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 4)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
LANGUAGE_COOKIE_NAME = "django_language"  # never set: the language lives in the URL

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^te-groot$"]  # te-groot: nginx's page for a too-large body
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 63072000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Where the quick-exit control sends people: a neutral, everyday site.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.buienradar.nl/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "portal.log_filters.WithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Scanners send any Host header; each refusal is one line (and a 400 page), not a traceback.
    "loggers": {"django.security.DisallowedHost": {"filters": ["without_traceback"]}},
}
FORMS_URLFIELD_ASSUME_HTTPS = True  # transitional setting until Django 6: links are https
