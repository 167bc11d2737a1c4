"""Query count and HTML size of the demo's reader pages (run by hand).

    .venv/bin/python bench/page_figures.py

Loads the demo into a scratch MASTHEAD_HOME (SQLite), then asks each page
twice through Django's test client and reports the second, warm view:
renditions and other first-view work are not the page's steady cost.
"""

from __future__ import annotations

import os
import sys
import tempfile


def main() -> int:
    home = tempfile.mkdtemp(prefix="masthead-figures-")
    os.environ.update(MASTHEAD_HOME=home, MASTHEAD_DEMO="1", DJANGO_SETTINGS_MODULE="masthead.config.settings")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from masthead.demo.load import load_demo
    from masthead.news.models import ArticlePage

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    load_demo()
    article = ArticlePage.objects.filter(agency__name="Interfax", live=True).order_by("-published_at").first()
    section = article.section
    client = Client(HTTP_HOST="localhost")
    pages = {
        "home": "/",
        "section": "/" + section.slug + "/",
        "article": article.url,
        "article (lite)": article.url + "?lite=1",
        "tag": "/tags/climate/",
        "search": "/search/?q=river",
    }
    print(f"{'page':<16} {'queries':>7} {'bytes':>8}  url")
    for name, url in pages.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        print(f"{name:<16} {len(queries):>7} {len(response.content):>8}  {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
