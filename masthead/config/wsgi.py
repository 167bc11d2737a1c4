import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.config.settings")
django_application = get_wsgi_application()

from masthead.pagecache.runtime import wrap  # noqa: E402  (needs settings loaded)

application = wrap(django_application)
