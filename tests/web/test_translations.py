"""Every string a reader sees is translated: the Urdu catalogue, and the Urdu edition's pages, feeds and API errors.

Two editions: English on ``testserver`` (tests/conftest.py's ``edition``) and Urdu on ``ur.localhost``, a
Site whose home is in the Urdu locale. The Urdu pages must show none of the English interface strings
listed below; the English edition must still read as before.
"""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from masthead.news import services
from masthead.news.models import Author

URDU_HOST = "ur.localhost"
CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "ur" / "LC_MESSAGES" / "django.po"

# What an English interface shows around the stories: none of it may be left on an Urdu page.
ENGLISH_INTERFACE = [
    "Home",
    "Search stories",
    "Search",
    "Lite version",
    "Exit lite version",
    "Skip to content",
    "Back to top",
    "Sections",
    "By",
    "and",
    "Published",
    "Updated",
    "Read more",
    "This article is more than",
    "Tags",
    "Mobile app",
    "Install the app",
    "Download",
    "Lead story",
    "Top stories",
    "Latest",
    "latest news",
    "No stories",
    "Type a word",
    "Page not found",
    "front page",
    "search the archive",
    "Pages",
    "Older stories",
    "Newer stories",
    "Page",
]
# Attributes whose values a reader hears or sees (screen readers, tooltips, placeholders, browser tabs).
READER_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt", "content"}


class _ReaderText(HTMLParser):
    """The text a reader meets: text outside scripts and styles, and the values of the attributes above."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in READER_ATTRIBUTES and value and not (tag == "meta" and not _is_description(attrs)):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _is_description(attrs) -> bool:
    return dict(attrs).get("name") == "description"


def reader_text(html: str) -> str:
    parser = _ReaderText()
    parser.feed(html)
    # The title is in the text too (the browser's tab reads it).
    return "\n".join(parser.parts)


def english_left(html: str) -> list[str]:
    text = reader_text(html)
    return [phrase for phrase in ENGLISH_INTERFACE if re.search(rf"(?<![A-Za-z]){re.escape(phrase)}(?![A-Za-z])", text)]


@pytest.fixture
def urdu_edition(edition):
    """The Urdu edition: its own Site and home in the Urdu locale, a section, an author and three stories."""
    urdu = Locale.objects.create(language_code="ur")
    site = services.create_edition(name="ایم ایم نیوز", hostname=URDU_HOST, is_default=False, locale=urdu)
    home = site.root_page.specific
    section = services.create_section(home, title="پاکستان", slug="pakistan")
    writers = [
        Author.objects.create(name="ثنا قریشی", slug="sana", locale=urdu),
        Author.objects.create(name="علی رضا", slug="ali", locale=urdu),
    ]
    body = [f"<p>یہ نمونے کی خبر کا پیراگراف {n} ہے: کونسل نے منگل کو بجٹ منظور کیا۔</p>" for n in range(1, 7)]
    older = services.file_story(
        section,
        services.StoryDraft(title="سیلاب کے بعد امدادی کام", slug="floods", paragraphs=body, tags=["سیلاب"]),
        publish=True,
        published_at=timezone.now() - timedelta(days=800),
    )
    services.file_story(
        section,
        services.StoryDraft(title="کونسل کا اجلاس", slug="council", paragraphs=body, tags=["سیلاب"]),
        publish=True,
        published_at=timezone.now() - timedelta(days=1),
    )
    story = services.file_story(
        section,
        services.StoryDraft(
            title="بجٹ منظور", slug="budget", paragraphs=body, authors=writers, tags=["سیلاب"], standfirst="کونسل کا اجلاس"
        ),
        publish=True,
    )
    return site, story, older


def path_of(page) -> str:
    return page.get_url_parts()[2]


def get_html(client, url: str, host: str = URDU_HOST, status: int = 200) -> str:
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


# --- The catalogue -----------------------------------------------------------------------------


def test_the_urdu_catalogue_has_no_untranslated_or_fuzzy_entry():
    with CATALOGUE.open("rb") as file:
        catalogue = read_po(file)
    assert str(catalogue.locale) == "ur"
    assert catalogue.plural_forms == "nplurals=2; plural=(n != 1);"
    untranslated, fuzzy = [], []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert len(catalogue) > 50
    assert untranslated == [] and fuzzy == []
    assert not catalogue.obsolete
    # Placeholders kept: %(name)s and friends in every translation (Babel's own checks).
    assert [(message.id, errors) for message, errors in catalogue.check()] == []


def test_the_catalogue_is_compiled_and_newer_than_its_source():
    compiled = CATALOGUE.with_suffix(".mo")
    assert compiled.exists(), f"{compiled} is missing: `make` compiles it (pybabel compile)"
    assert compiled.stat().st_mtime >= CATALOGUE.stat().st_mtime, f"{compiled} is older than its .po: run `make`"


# --- The Urdu edition's pages ------------------------------------------------------------------


def test_urdu_home_shows_no_english_interface_string(client, urdu_edition):
    html = get_html(client, "/")
    assert '<html lang="ur"' in html
    assert english_left(html) == []
    assert "صفحۂ اول" in html and "ہلکا ورژن" in html and "خبریں تلاش کریں" in html and "اوپر جائیں" in html


def test_urdu_article_shows_no_english_interface_string(client, urdu_edition):
    _, story, older = urdu_edition
    html = get_html(client, path_of(story))
    assert english_left(html) == []
    assert "از " in html and "ثنا قریشی</a> اور <a" in html  # the byline: از …، … اور …
    assert "شائع شدہ" in html and "مزید پڑھیں:" in html and "ایم ایم نیوز کی موبائل ایپ ڈاؤن لوڈ کریں" in html
    assert "ایپ انسٹال کریں</button>" in html

    old = get_html(client, path_of(older))
    assert english_left(old) == []
    assert "یہ خبر 2 سال سے زیادہ پرانی ہے" in old or "یہ خبر ۲ سال سے زیادہ پرانی ہے" in old


def test_urdu_lite_article_shows_no_english_interface_string(client, urdu_edition):
    _, story, _ = urdu_edition
    html = get_html(client, path_of(story) + "?lite=1")
    assert english_left(html) == []
    assert "مکمل ورژن پر جائیں" in html and "ایم ایم نیوز (ہلکا ورژن)" in html


def test_urdu_search_shows_no_english_interface_string(client, urdu_edition):
    for url in ("/search/", "/search/?q=zzzz", "/search/?q=بجٹ", "/search/?q=بجٹ&lite=1"):
        html = get_html(client, url)
        assert english_left(html) == [], url
    assert "آرکائیو میں تلاش کے لیے" in get_html(client, "/search/")


def test_urdu_404_shows_no_english_interface_string(client, urdu_edition):
    html = get_html(client, "/no-such-page/", status=404)
    assert english_left(html) == []
    assert "صفحہ نہیں ملا" in html


def test_urdu_section_offline_and_corrections_pages_show_no_english_interface_string(client, urdu_edition):
    for url in ("/pakistan/", "/offline/", "/corrections/", "/pakistan/?lite=1"):
        html = get_html(client, url)
        assert english_left(html) == [], url


def test_english_edition_still_reads_in_english(client, urdu_edition, make_story, author):
    story = make_story(title="Budget passes", authors=[author], tags=["budget"])
    make_story(title="Council meets", tags=["budget"], days_ago=1)
    home = get_html(client, "/", host="testserver")
    assert '<html lang="en" dir="ltr">' in home
    assert ">Home</a>" in home and ">Lite version</a>" in home and 'placeholder="Search stories"' in home
    article = get_html(client, story.url, host="testserver")
    assert "By <a" in article and "<span>Published <time" in article and "<strong>Read more:</strong>" in article
    assert "Download MM News mobile application and keep yourself updated." in article
    assert "صفحۂ اول" not in home + article


def test_an_editors_own_app_call_to_action_is_shown_as_written(client, urdu_edition):
    from masthead.web.models import EditionSettings

    site, story, _ = urdu_edition
    EditionSettings.objects.update_or_create(site=site, defaults={"app_cta_text": "{site_name} ایپ: ہر خبر آپ کے فون پر"})
    html = get_html(client, path_of(story))
    assert "ایم ایم نیوز ایپ: ہر خبر آپ کے فون پر" in html and "باخبر رہیں" not in html


# --- Feeds, the manifest and the API -----------------------------------------------------------


def test_feed_channel_texts_are_urdu_on_the_urdu_edition(client, urdu_edition):
    rss = get_html(client, "/feed/")
    assert "<description>ایم ایم نیوز کی تازہ ترین خبریں</description>" in rss
    assert "<language>ur</language>" in rss
    section = get_html(client, "/pakistan/feed/")
    assert "ایم ایم نیوز سے پاکستان کی تازہ ترین خبریں" in section
    assert 'title="ایم ایم نیوز (ایٹم فیڈ)"' in get_html(client, "/")
    assert "The latest stories from MM News" in get_html(client, "/feed/", host="testserver")


def test_manifest_description_is_in_the_editions_language(client, urdu_edition):
    assert client.get("/manifest.webmanifest", HTTP_HOST=URDU_HOST).json()["description"] == "ایم ایم نیوز کی تازہ ترین خبریں"
    assert client.get("/manifest.webmanifest").json()["description"] == "The latest stories from MM News"


@pytest.mark.parametrize(
    ("host", "accept_language", "language"),
    [
        ("testserver", None, "en"),
        ("testserver", "ur", "ur"),
        ("testserver", "ur-PK,ur;q=0.9,en;q=0.8", "ur"),
        ("testserver", "fr, de;q=0.5", "en"),  # nothing we speak: the edition's
        ("testserver", "ur;q=0, en", "en"),  # q=0 refuses
        (URDU_HOST, None, "ur"),
        (URDU_HOST, "en-GB", "en"),
        (URDU_HOST, "*", "ur"),
    ],
)
def test_api_error_messages_follow_accept_language_else_the_edition(client, urdu_edition, host, accept_language, language):
    headers = {"HTTP_HOST": host} | ({"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {})
    for url, english, urdu in [
        ("/api/v1/articles/999999", "No published story with that id in this edition.", "اس ایڈیشن میں اس شناخت کی"),
        ("/api/v1/no-such-thing", "No such endpoint.", "ایسا کوئی اینڈ پوائنٹ موجود نہیں۔"),
        ("/api/v1/articles?section=nowhere", "No such section.", "ایسا کوئی زمرہ موجود نہیں۔"),
        ("/api/v1/articles?limit=abc", "The request's parameters are not valid.", "درخواست کے پیرامیٹر درست نہیں۔"),
    ]:
        response = client.get(url, **headers)
        assert response.status_code in (404, 422), (url, response.status_code)
        message = response.json()["error"]["message"]
        assert message.startswith(english if language == "en" else urdu), (url, message)
        assert response["Content-Language"] == language
        assert "Accept-Language" in response["Vary"]
        assert response["Cache-Control"] == "no-store"


def test_api_answers_that_are_cached_do_not_follow_accept_language(client, urdu_edition):
    plain = client.get("/api/v1/sections", HTTP_HOST=URDU_HOST)
    asked = client.get("/api/v1/sections", HTTP_HOST=URDU_HOST, HTTP_ACCEPT_LANGUAGE="en")
    assert plain.status_code == asked.status_code == 200
    assert plain.content == asked.content
    assert "Accept-Language" not in plain.get("Vary", "")


def test_api_method_refusal_is_worded_in_the_asked_language(client, urdu_edition):
    response = client.post("/api/v1/articles", HTTP_ACCEPT_LANGUAGE="ur")
    assert response.status_code == 405
    assert response.json()["error"]["message"].endswith("استعمال کریں۔")
    assert response["Allow"].split(", ")[0] == "GET" and response["Allow"] in response.json()["error"]["message"]
    english = client.post("/api/v1/articles", HTTP_HOST=URDU_HOST, HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["error"]["message"] == f"Use {english['Allow']}."


def test_a_missing_or_stale_catalogue_is_reported_by_the_system_check(tmp_path, settings):
    import os

    from masthead.web.checks import catalogues_compiled

    folder = tmp_path / "ur" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_text(CATALOGUE.read_text())
    settings.LOCALE_PATHS = [tmp_path]
    assert [problem.id for problem in catalogues_compiled()] == ["masthead.W001"]
    (folder / "django.mo").write_bytes(b"")
    os.utime(folder / "django.mo", (0, 0))
    assert [problem.id for problem in catalogues_compiled()] == ["masthead.W001"]
    os.utime(folder / "django.mo")
    assert catalogues_compiled() == []


# What `make messages` reads (the Makefile's --ignore list): the reader's side, not the admin's own screens.
NOT_READER_FACING = {"desk", "ingest", "schedule", "users", "demo", "locale"}
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}


def marked_strings() -> set[tuple[str | None, str]]:
    """Every (context, msgid) the reader-facing code and templates mark, read without GNU gettext."""
    import io

    from babel.messages.extract import extract_python
    from django.utils.translation.template import templatize

    package = Path(settings.PACKAGE_DIR)
    found = set()
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package).as_posix()
        if relative.split("/")[0] in NOT_READER_FACING or "/migrations/" in relative:
            continue
        if path.suffix == ".html" and "/templates/" in relative:
            code = templatize(path.read_text(), origin=str(path))
        elif path.suffix == ".py":
            code = path.read_text()
        else:
            continue
        for _line, function, message, _comments in extract_python(io.BytesIO(code.encode()), KEYWORDS, [], {}):
            context = message[0] if function.startswith(("pgettext", "npgettext")) else None
            parts = message[1:] if context else message
            msgid = parts[0] if isinstance(parts, tuple) else parts
            if msgid:  # None: a call on a variable, such as gettext(DEFAULT_APP_CTA), marked where it is defined
                found.add((context, msgid))
    return found


def test_every_string_the_reader_side_marks_is_in_the_urdu_catalogue():
    with CATALOGUE.open("rb") as file:
        catalogue = read_po(file)
    marked = marked_strings()
    assert ("byline, before the authors' names", "By") in marked and (None, "Read more:") in marked
    missing = sorted((context or "", msgid) for context, msgid in marked if catalogue.get(msgid, context=context) is None)
    assert missing == [], "new strings to translate: run `make messages` and translate them in " + str(CATALOGUE)
