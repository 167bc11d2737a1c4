"""Masthead settings: one module, every value from the environment.

Secrets fail loudly: outside the demo and the test suite a missing
``SECRET_KEY`` stops start-up instead of running with a guessable key.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from masthead.config.env import env_bool, env_list, masthead_home
from masthead.config.languages import languages_from_env

PACKAGE_DIR = Path(__file__).resolve().parent.parent
HOME = masthead_home()

DEMO = env_bool("MASTHEAD_DEMO", False)
DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    if DEMO:
        # The demo keeps a random key of its own under var/ so sessions survive restarts.
        from masthead.config.env import demo_secret_key

        return demo_secret_key(HOME)
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set it in the environment (e.g. `export SECRET_KEY=$(python -c "
        "'import secrets; print(secrets.token_urlsafe(50))')`), or run `masthead demo` for a demo."
    )


SECRET_KEY = _secret_key()
# ".localhost" is localhost and every name under it (ur.localhost: the demo's Urdu edition), all loopback.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", ".localhost"] if (DEMO or DEBUG) else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "masthead.users",
    "masthead.images",
    "masthead.news",
    "masthead.web",
    "masthead.search",
    "masthead.ingest",
    "masthead.feeds",
    "masthead.api",
    "masthead.pagecache",
    "masthead.pipeline",
    "masthead.schedule",
    "masthead.desk",
    "masthead.breaking",
    "masthead.curation",
    "masthead.corrections",
    "masthead.live",
    "masthead.translation",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: behind a trusted proxy, the client's own address and scheme for everything after it.
    "masthead.web.client_address.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Brotli/gzip for anonymous readers only (never a page with a secret: BREACH); outside the ETag it weakens.
    "masthead.pagecache.middleware.CompressionMiddleware",
    # ETag and 304s for what Django answers; outside the cache headers, so private pages (no-store) get none.
    "masthead.pagecache.middleware.ConditionalGetMiddleware",
    # Outside the session middleware, so it sees every cookie a response sets.
    "masthead.pagecache.middleware.CacheHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Inside the messages middleware: an e-mail notification that fails is shown to the editor (users/mail.py).
    "masthead.users.mail.MailFailureMiddleware",
    # The admin in the edition's time zone for editors whose profile names none (masthead/desk/middleware.py).
    "masthead.desk.middleware.EditionTimeZoneMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "masthead.web.middleware.ContentSecurityPolicyMiddleware",
    "masthead.web.middleware.LiteVersionMiddleware",
    "masthead.web.middleware.EditionMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so a locked-out login answers before any view runs.
    "axes.middleware.AxesMiddleware",
    # Innermost: an editor's change and the tasks of its side effects commit together (masthead/pipeline).
    "masthead.pipeline.middleware.AtomicAdminWritesMiddleware",
]

ROOT_URLCONF = "masthead.config.urls"
WSGI_APPLICATION = "masthead.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "masthead.web.context_processors.edition",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite is the embedded default: WAL so readers never wait for the writer,
# IMMEDIATE transactions so two writers queue instead of dead-locking, and a
# busy timeout so they queue rather than fail.
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{HOME / 'masthead.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = None
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # A server that stops answering (rather than refusing) must not hold an app thread for ever.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
    if "postgresql" in DATABASES["default"]["ENGINE"]:
        # Every query of a page is a short index read. Parallel workers cost more to start than
        # such a read takes (a month sitemap: 27 ms with two, 7 ms without) and take the cores
        # the app servers need under load.
        workers = int(os.environ.get("DATABASE_PARALLEL_WORKERS", "0"))
        DATABASES["default"]["OPTIONS"].setdefault("options", f"-c max_parallel_workers_per_gather={workers}")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Redis down or slow is a cache miss, not an error page (masthead/lib/resilient_cache.py).
    REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))  # seconds, to connect and for each answer
    CACHES = {
        "default": {
            "BACKEND": "masthead.lib.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "masthead"}}
# Renditions as objects in each process, dropped everywhere when one is deleted
# (see masthead/images/rendition_cache.py): a story page reads four of them.
CACHES["renditions"] = {
    "BACKEND": "masthead.images.rendition_cache.ProcessRenditionCache",
    "LOCATION": os.environ.get("RENDITIONS_STAMP_FILE", str(HOME / "renditions-stamp")),
    "OPTIONS": {"MAX_ENTRIES": 20000},
}

# --- Auth -----------------------------------------------------------------
AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Admin login throttling: five failures per user name and address lock that
# pair out for fifteen minutes; a success resets the count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/lockout.html"
# The client's address, not the proxy's: see BEHIND_PROXY and TRUSTED_PROXIES below.
AXES_CLIENT_IP_CALLABLE = "masthead.web.client_address.client_address"

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "en"
# MASTHEAD_LANGUAGES="en,ur,ar": each a language an edition may publish in (README: "Adding an edition in another language").
LANGUAGES = languages_from_env()
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The reader-facing interface strings, compiled from .po to .mo by `make` (pybabel; see the Makefile).
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", HOME / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", HOME / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = "Masthead"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.Picture"
# Uploads are decoded and written again, never stored as sent (masthead/images/reencode.py); pictures of more
# pixels than this (width x height x frames) are refused: 50 million holds any camera's photo, decodes in 200 MB.
WAGTAILIMAGES_IMAGE_FORM_BASE = "masthead.images.forms.PictureForm"
# Wagtail's default is 80. At 70 WebP still looks as good as the JPEG fallback at 85 and is a fifth smaller: most
# of a home page's bytes on a phone are its card pictures, drawn at 2x where compression shows least.
WAGTAILIMAGES_WEBP_QUALITY = 70
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("MASTHEAD_IMAGE_MAX_PIXELS", "50000000"))
# Wagtail's database backend; admin page searches answer newest first from the index (masthead/search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "masthead.search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party avatars: the admin's policy allows only our own images, and an editor's e-mail
# hash is not Gravatar's business.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_COMMENTS_ENABLED = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# --- Security -------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail marks its own preview views SAMEORIGIN; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
HTTPS = env_bool("HTTPS", not (DEMO or DEBUG))
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Behind a proxy (nginx), X-Forwarded-For and X-Forwarded-Proto are believed from TRUSTED_PROXIES
# (addresses or networks) alone, and dropped from anyone else (masthead/web/client_address.py).
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", ["127.0.0.1", "::1"])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is not an IP address or network") from None
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy on every response (django-csp). Reader pages use no
# inline script; the lite version's one inline style is allowed by its hash.
from masthead.web.lite import LITE_STYLE_CSP_SOURCE  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'", LITE_STYLE_CSP_SOURCE],
        "script-src": ["'self'"],
        "frame-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin relies on inline scripts and styles; it gets a looser policy.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "frame-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# --- E-mail -----------------------------------------------------------------
# EMAIL_URL (smtp://user:password@host:587, smtps://…, console:, file:///path) or the usual EMAIL_HOST,
# EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS/EMAIL_USE_SSL; DEFAULT_FROM_EMAIL. The demo
# writes mail as files under $MASTHEAD_HOME/mail. A notification that fails is shown to the editor.
from masthead.config.env import email_settings  # noqa: E402

try:
    globals().update(email_settings(demo_dir=HOME / "mail" if DEMO else None))
except ValueError as _error:
    raise ImproperlyConfigured(str(_error)) from None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django_tasks_db": {"level": "WARNING"},  # its worker loop says "starting" at every turn of ours
        "wagtail": {"level": "WARNING"},
    },
}

# --- Page cache (masthead/pagecache) ----------------------------------------
# Anonymous readers' pages are rendered once, kept as files under
# PAGECACHE_ROOT (served by nginx directly, or by the app's own fast path)
# and purged exactly when a story is published, updated or withdrawn.
PAGECACHE_ENABLED = env_bool("PAGECACHE", True)
PAGECACHE_ROOT = Path(os.environ.get("PAGECACHE_ROOT", HOME / "pagecache"))
PAGECACHE_TTL = int(os.environ.get("PAGECACHE_TTL", "3600"))  # capped at the edition's next midnight
PAGECACHE_ROLLOVER = env_bool("PAGECACHE_ROLLOVER", True)  # empty an edition's cache at its midnight (for nginx)
SESSION_COOKIE_NAME = "sessionid"
PAGECACHE_PRIVATE_COOKIES = (SESSION_COOKIE_NAME,)  # a session may mean an editor: never share their pages
# Touched whenever an edition's site, sections or settings change (see web/snapshot.py).
EDITION_STAMP_FILE = Path(os.environ.get("EDITION_STAMP_FILE", HOME / "edition-stamp"))
PAGECACHE_EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/search/", "/api/v1/search", "/media/", "/static/", "/offline/")

# --- Breaking news (masthead/breaking) --------------------------------------
# How long a story stays breaking when the editor does not say (they can change it).
BREAKING_DEFAULT_MINUTES = int(os.environ.get("BREAKING_DEFAULT_MINUTES", "180"))

# --- Task queue (masthead/pipeline) -----------------------------------------
# A story change's side effects (purges, warm renders, CDN purges) and Wagtail's
# own background work are rows in the database, written in the change's own
# transaction and run by `masthead worker` (which `serve` and `demo` start).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WORKER_POLL_INTERVAL = float(os.environ.get("MASTHEAD_WORKER_POLL_INTERVAL", "0.1"))  # seconds between looks at an idle queue

# --- Wire desk (masthead/ingest) --------------------------------------------
# Limits and defaults for `masthead ingest`, `masthead poll` and the admin's
# wire desk. INGEST_FETCH_ALLOW_LOOPBACK is for the test suite only (it serves
# feeds from 127.0.0.1); it has no environment variable on purpose.
INGEST_MAX_PAYLOAD_BYTES = int(os.environ.get("MASTHEAD_INGEST_MAX_BYTES", str(10 * 1024 * 1024)))
# Per item, in characters as received: longer items are rejected (why, and how long, on the desk and in the CLI).
# 255 is an article title's column; 200,000 holds the longest long read with its markup (ingest/formats/base.py).
INGEST_MAX_HEADLINE_CHARS = int(os.environ.get("MASTHEAD_INGEST_MAX_HEADLINE_CHARS", "255"))
INGEST_MAX_BODY_CHARS = int(os.environ.get("MASTHEAD_INGEST_MAX_BODY_CHARS", "200000"))  # the summary too
INGEST_FETCH_TIMEOUT = float(os.environ.get("MASTHEAD_INGEST_FETCH_TIMEOUT", "20"))
INGEST_FETCH_ALLOW_LOOPBACK = False
INGEST_SCHEMA_DIR = os.environ.get("MASTHEAD_INGEST_SCHEMAS", "")  # IPTC ninjs/NewsML-G2 schemas; see ingest/schemas.py
INGEST_DEFAULT_SECTION = os.environ.get("MASTHEAD_INGEST_SECTION", "world")  # slug; else the default site's first section
INGEST_STALE_AFTER_DAYS = int(os.environ.get("MASTHEAD_INGEST_STALE_DAYS", "30"))

# --- Channels: feeds, sitemaps, the app API and the installable app ----------
# (masthead/feeds, masthead/api, masthead/web/pwa.py). Feed length and full
# text are per-edition settings (FeedSettings), not deploy-time ones. The
# service worker and the web app manifest are same-origin; say so explicitly
# rather than leaning on default-src.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["worker-src"] = ["'self'"]
CONTENT_SECURITY_POLICY["DIRECTIVES"]["manifest-src"] = ["'self'"]
# Browser apps on other origins may GET the app API (masthead/api/cors.py): comma-separated origins, or "*" (the
# default: the API is public and read-only and takes no credentials, so "*" shows nothing a server-side fetch
# could not read, and keeps one cached copy per URL); empty for none.
API_CORS_ORIGINS = [origin.strip() for origin in os.environ.get("API_CORS_ORIGINS", "*").split(",") if origin.strip()]
