"""The demo's Urdu edition: its own Site on ur.localhost, built as Wagtail translations of the English edition.

Its sections and their year folders, three authors, the APP agency and four
of its stories share a ``translation_key`` with their English counterparts,
which is all Wagtail needs to link translations (hreflang, the admin's
"translations" menu); the two homes do not (see ``load_urdu_edition``). Pages are made by the same services as English ones (create_edition,
create_section, file_story), so paths, year folders, purges and search
indexing do not differ; a translation is then linked by taking its source's
key. Revisions keep the page's key (``with_content_json``), so later edits
keep the link.

``load_demo`` is wrapped below: the Urdu edition is added to a demo made
before it existed too, and left as it is once there.
"""

from __future__ import annotations

from functools import wraps

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site

from masthead.calendars.spellings import HijriStyle
from masthead.curation.demo import curate_home
from masthead.demo import content, content_ur
from masthead.demo.filing import file_stories
from masthead.news import services
from masthead.news.models import Agency, AgencyAlias, ArticlePage, Author, HomePage
from masthead.web.models import EditionSettings


def adds_the_urdu_edition(load_demo):
    @wraps(load_demo)
    def load_both(*args, **kwargs):
        result = load_demo(*args, **kwargs)
        load_urdu_edition()
        return result

    return load_both


def urdu_home() -> HomePage | None:
    return HomePage.objects.filter(locale__language_code=content_ur.LANGUAGE, title=content_ur.SITE_NAME).first()


@transaction.atomic
def load_urdu_edition() -> HomePage | None:
    """Build the Urdu edition beside the English demo edition; None if there is no English edition to translate."""
    english = HomePage.objects.filter(title=content.SITE_NAME).first()
    if english is None:
        return None
    existing = urdu_home()
    if existing is not None:
        return existing

    locale, _ = Locale.objects.get_or_create(language_code=content_ur.LANGUAGE)
    english_site = Site.objects.filter(root_page=english).first()
    site = services.create_edition(
        name=content_ur.SITE_NAME,
        hostname=content_ur.HOSTNAME,
        port=english_site.port if english_site else 80,  # the port Wagtail matches on, as the English edition's
        is_default=False,
        locale=locale,
    )
    # The homes stay unlinked: Wagtail counts a translation of a Site's root page as another root of that same
    # Site (Site.get_site_root_paths), so the English Site would claim the Urdu tree and give Urdu stories
    # localhost addresses. The edition's home is found by its Site and locale instead (translation/services.py).
    home = site.root_page.specific
    english_settings = EditionSettings.for_site(english_site) if english_site else None
    EditionSettings.objects.update_or_create(
        site=site,
        defaults={
            "tagline": content_ur.TAGLINE,
            "hijri_style": HijriStyle.URDU.value,
            "time_zone": english_settings.time_zone if english_settings else "Asia/Karachi",
            "share_picture": english_settings.share_picture if english_settings else None,
            "app_cta_text": content_ur.APP_CTA,
            "app_store_url": english_settings.app_store_url if english_settings else "",
            "play_store_url": english_settings.play_store_url if english_settings else "",
        },
    )

    english_sections = {section.slug: section for section in english.get_children().specific()}
    sections = {}
    for spec in content_ur.SECTIONS:
        section = services.create_section(home, title=spec.title, slug=spec.slug, intro=spec.intro)
        sections[spec.slug] = _as_translation_of(section, english_sections.get(spec.slug))

    authors = {}
    for spec in content_ur.AUTHORS:
        source = Author.objects.filter(locale=english.locale, slug=spec.key).first()
        authors[spec.key] = Author.objects.create(
            name=spec.name,
            slug=spec.key,  # Latin, as the English author's: readable /authors/<slug>/ addresses in both editions
            role=spec.role,
            bio=spec.bio,
            locale=locale,
            **({"translation_key": source.translation_key} if source else {}),
        )
    agencies = {}
    english_agencies = {spec.key: spec for spec in content.AGENCIES}
    for spec in content_ur.AGENCIES:
        source = Agency.objects.filter(locale=english.locale, name=english_agencies[spec.key].name).first()
        agency = Agency.objects.create(
            name=spec.name,
            short_name=spec.short_name,
            slug=source.slug if source else spec.key,
            url=source.url if source else "",
            locale=locale,
            **({"translation_key": source.translation_key} if source else {}),
        )
        AgencyAlias.objects.bulk_create(AgencyAlias(agency=agency, alias=alias) for alias in spec.aliases)
        agencies[spec.key] = agency

    english_stories = _english_stories(english)
    now = timezone.now()
    stories = file_stories(
        content_ur.STORIES,
        sections=sections,
        authors=authors,
        agencies=agencies,
        now=now,
        latin_slugs=True,
        picture_prefix="demo-ur",
    )
    for key, story in stories.items():
        _as_translation_of(story, english_stories.get(content_ur.TRANSLATION_OF.get(key, "")))

    for slug, section in sections.items():  # year folders too, so a story translated later finds its parents
        if slug in english_sections:
            english_years = {page.slug: page for page in english_sections[slug].get_children()}
            for folder in section.get_children():
                _as_translation_of(folder.specific, english_years.get(folder.slug))

    curate_home(home, stories, content_ur.LEAD_STORY, now)
    return home


def _as_translation_of(page, source):
    """Link ``page`` to ``source`` (same translation key, other locale); as it is when there is no source."""
    if source is not None:
        type(page).objects.filter(pk=page.pk).update(translation_key=source.translation_key)
        page.translation_key = source.translation_key
    return page


def _english_stories(english: HomePage) -> dict[str, ArticlePage]:
    """The English demo stories the Urdu ones translate, by story key (found by title: keys are not stored)."""
    titles = {spec.title: spec.key for spec in content.STORIES if spec.key in set(content_ur.TRANSLATION_OF.values())}
    found = ArticlePage.objects.descendant_of(english).filter(title__in=titles)
    return {titles[page.title]: page for page in found}
