"""Fills the archive with synthetic stories fast, for scale benchmarks.

Wagtail's ``add_child`` saves one page, one revision and one search-index
row at a time: fine for a newsroom, hours for a million stories. This
writes tree rows directly, in batches: treebeard paths are computed here
(each year page's children numbered in its 36-letter alphabet), then page
rows, article rows and tag links are bulk-inserted, and each year page's
child count is set once. Stories are live, without revisions and without
search-index entries unless ``index`` (the default) adds them in bulk. The
sections' listing anchors are derived once at the end.
"""

from __future__ import annotations

import json
import random
import uuid
from contextlib import contextmanager
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from masthead.news import positions, services
from masthead.news.models import ArchiveYearPage, ArticlePage, ArticleTag, HomePage, SectionPage
from masthead.news.models.articles import sitemap_month

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORDS = (
    "council budget river port transit rains court minister market power grid water farmers school hospital "
    "cricket final league strike talks treaty election harbour railway bridge festival museum startup "
    "exports textiles prices fuel monsoon drought heat flood relief census tax bank loan reform"
).split()
SECTIONS = ["world", "pakistan", "business", "sport", "technology"]
TAGS = [f"topic-{n}" for n in range(200)]


def step(number: int, length: int = Page.steplen) -> str:
    digits = []
    for _ in range(length):
        number, remainder = divmod(number, len(ALPHABET))
        digits.append(ALPHABET[remainder])
    return "".join(reversed(digits))


def seed(
    articles: int, *, per_day: int = 150, batch: int = 2000, seed_value: int = 20261125, index: bool = True, progress=None
) -> int:
    """Add ``articles`` live stories at ``per_day`` a day, going back in time from the oldest already there.

    An archive grows by years of publishing, not by a newsroom publishing
    more each day: a million stories at 150 a day is eighteen years. So a
    month, the last 48 hours or a day's front page hold as many stories at
    a million as at ten thousand, and only the archive behind them grows.
    """
    rng = random.Random(seed_value)
    home = HomePage.objects.order_by("path").first()
    if home is None:
        from masthead.demo.load import remove_wagtail_welcome_page

        remove_wagtail_welcome_page()
        home = services.create_edition(name="Bench News").root_page.specific
    sections = []
    for slug in SECTIONS:
        section = SectionPage.objects.child_of(home).filter(slug=slug).first()
        sections.append(section or services.create_section(home, title=slug.title(), slug=slug))
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=TAGS)}
    missing = [Tag(name=name, slug=name) for name in TAGS if name not in tags]
    Tag.objects.bulk_create(missing)
    tag_ids = list(Tag.objects.filter(name__in=TAGS).values_list("pk", flat=True))
    content_type = ContentType.objects.get_for_model(ArticlePage)
    oldest = (
        ArticlePage.objects.filter(section__in=[section.pk for section in sections])
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    newest = oldest or timezone.now()
    span = timedelta(days=articles / per_day)
    created = 0
    # Oldest first, spread evenly, so the yearly archives fill in publication order.
    moments = sorted(newest - span * rng.random() for _ in range(articles))
    folders: dict[tuple[int, int], ArchiveYearPage] = {}
    next_child: dict[int, int] = {}
    for start in range(0, articles, batch):
        chunk = moments[start : start + batch]
        pages, rows = [], []
        with transaction.atomic():
            for moment in chunk:
                section = sections[rng.randrange(len(sections))]
                folder = folders.get((section.pk, moment.year))
                if folder is None:
                    folder = services.year_folder_for(section, moment.year)
                    folder.refresh_from_db()
                    folders[(section.pk, moment.year)] = folder
                    next_child[folder.pk] = folder.numchild
                next_child[folder.pk] += 1
                title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 11))).capitalize()
                slug = f"{'-'.join(title.lower().split()[:6])}-{uuid.uuid4().hex[:8]}"
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=folder.path + step(next_child[folder.pk]),
                        depth=folder.depth + 1,
                        numchild=0,
                        url_path=f"{folder.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=moment,
                        last_published_at=moment,
                        locale_id=folder.locale_id,
                        translation_key=uuid.uuid4(),
                    )
                )
                rows.append((section.pk, folder.pk, moment))
            Page.objects.bulk_create(pages)
            article_rows, tag_rows = [], []
            for page, (section_id, folder_id, moment) in zip(pages, rows, strict=True):
                body = [
                    {"type": "paragraph", "value": f"<p>{_sentence(rng)} {_sentence(rng)}</p>", "id": str(uuid.uuid4())}
                    for _ in range(rng.randint(6, 12))
                ]
                article_rows.append(
                    (
                        page.pk,
                        rng.choice(["Karachi", "Lahore", "Islamabad", "Moscow", ""]),
                        _sentence(rng),
                        json.dumps(body),
                        section_id,
                        folder_id,
                        moment,
                        moment,
                        sitemap_month(moment),
                    )
                )
                for tag_id in rng.sample(tag_ids, 3):
                    tag_rows.append(ArticleTag(tag_id=tag_id, content_object_id=page.pk, published_at=moment))
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {ArticlePage._meta.db_table} (page_ptr_id, dateline, standfirst, body, hero_caption, section_id, folder_id, published_at,"
                    " changed_at, sitemap_month) VALUES (%s, %s, %s, %s, '', %s, %s, %s, %s, %s)",
                    article_rows,
                )
            ArticleTag.objects.bulk_create(tag_rows)
            for folder in folders.values():
                Page.objects.filter(pk=folder.pk).update(numchild=next_child[folder.pk])
            if index:
                # Through Wagtail's own search backend, so search reads what it would on a real site.
                with _each_body_read_once():
                    get_search_backend().add_bulk(
                        ArticlePage, list(ArticlePage.objects.filter(pk__in=[page.pk for page in pages]))
                    )
        created += len(chunk)
        if progress:
            progress(created)
    # The stories went in older than every anchor: derive the sections' anchors again.
    for section in sections:
        positions.rebuild(section.pk)
    return created


@contextmanager
def _each_body_read_once():
    """Wagtail's indexers extract a story body's text once per vector they build: three times a story,
    half the time of seeding. The body field remembers its text per story for the batch instead."""
    field = ArticlePage._meta.get_field("body")
    texts: dict[int, tuple[object, list[str]]] = {}

    def searchable_content(value):
        if id(value) not in texts:
            texts[id(value)] = (value, type(field).get_searchable_content(field, value))  # holding value keeps its id unique
        return texts[id(value)][1]

    field.get_searchable_content = searchable_content
    try:
        yield
    finally:
        del field.get_searchable_content


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 22))).capitalize() + "."
