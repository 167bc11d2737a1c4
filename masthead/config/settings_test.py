"""Test overlay: the real settings, with a throwaway key and fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("HTTPS", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,.localhost,127.0.0.1,.example.org")

from masthead.config.settings import *  # noqa: E402,F403
from masthead.config.settings import CACHES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "masthead-test"}

import atexit  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path as _Path  # noqa: E402

PAGECACHE_ROOT = _Path(tempfile.mkdtemp(prefix="masthead-pagecache-test-"))
# Every process that loads these settings (the suite, and the commands it starts) makes its own: leave none behind.
atexit.register(shutil.rmtree, PAGECACHE_ROOT, ignore_errors=True)
# The database queue, as in production; with no worker beside the suite, ready tasks run as their transaction commits.
TASKS = {"default": {"BACKEND": "masthead.pipeline.backends.RunAtCommitDatabaseBackend"}}
EDITION_STAMP_FILE = PAGECACHE_ROOT / "edition-stamp"
CACHES["renditions"]["LOCATION"] = str(PAGECACHE_ROOT / "renditions-stamp")
PAGECACHE_ROLLOVER = False  # tests call rollover.roll_over() themselves (a worker they start never rolls over)
