"""The README's "Adding an edition in another language", followed step by step in the admin: an Arabic edition."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from masthead.news.models import ArticlePage, HomePage

HOST = "ar.localhost"


@pytest.fixture(autouse=True)
def arabic_is_a_language(settings):
    # Step 1, MASTHEAD_LANGUAGES=en,ur,ar (read by masthead/config/languages.py, tested in tests/config).
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.LANGUAGES, ("ar", "Arabic")]
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_an_arabic_edition_as_the_readme_builds_it(admin_client, edition, make_story):
    english = make_story(title="Rain floods Karachi")
    # 2. Settings › Locales › Add a locale.
    assert admin_client.post(reverse("wagtaillocales:add"), {"language_code": "ar"}).status_code == 302
    arabic = Locale.objects.get(language_code="ar")
    # 3. A Home page under the tree's root, in Arabic: the form the README's address opens.
    root = Page.get_first_root_node()
    form = admin_client.get(f"/admin/pages/add/news/homepage/{root.pk}/?locale=ar")
    assert form.status_code == 200 and form.context["locale"] == arabic
    home = root.add_child(instance=HomePage(title="أخبار إم إم", slug="akhbar", locale=arabic))
    home.save_revision().publish()
    # 4. Settings › Sites › Add a site.
    site_form = {"hostname": HOST, "port": edition.site.port, "site_name": "أخبار إم إم", "root_page": home.pk}
    assert admin_client.post(reverse("wagtailsites:add"), site_form).status_code == 302
    # 6. Translate, from the story's action menu: the section and year folder are made with it.
    assert (
        admin_client.post(reverse("translation_translate_page", args=[english.pk]), {"locales": [arabic.pk]}).status_code == 302
    )
    translated = ArticlePage.objects.get(locale=arabic, translation_key=english.translation_key)
    assert translated.get_ancestors().filter(depth=2).get().pk == home.pk and not translated.live
    translated.title = "الأمطار تغمر كراتشي"
    translated.save_revision().publish()

    page = admin_client.get("/", HTTP_HOST=HOST)
    assert page.status_code == 200 and b'lang="ar" dir="rtl"' in page.content
    article = admin_client.get(translated.url_path[len(home.url_path) - 1 :], HTTP_HOST=HOST)
    assert article.status_code == 200
    # Search: the edition's own stories, whatever keyboard typed the word (Arabic ي, Urdu ی).
    found = admin_client.get("/search/", {"q": "کراتشی"}, HTTP_HOST=HOST).context["listing"]
    assert [story.title for story in found.items] == ["الأمطار تغمر كراتشي"]
    assert admin_client.get("/search/", {"q": "كراتشي"}).context["listing"].items == []
    assert Site.objects.count() == 2
