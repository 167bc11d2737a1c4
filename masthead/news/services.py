"""Writes: every caller (admin, demo, ingest, API) files and publishes stories through these."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import COMMENTS_RELATION_NAME, Locale, Page, Site

from masthead.news import positions
from masthead.news.models import Agency, ArchiveYearPage, ArticlePage, Author, HomePage, SectionPage
from masthead.news.models.articles import sitemap_month
from masthead.news.tree import below


@dataclass
class StoryDraft:
    """What a story is made of before it is filed, whoever wrote it."""

    title: str
    paragraphs: list[str] = field(default_factory=list)  # HTML paragraphs, already clean
    dateline: str = ""
    standfirst: str = ""
    slug: str = ""
    authors: list[Author] = field(default_factory=list)
    agency: Agency | None = None
    tags: list[str] = field(default_factory=list)
    hero_image: object | None = None
    hero_caption: str = ""
    related_article: ArticlePage | None = None
    body: list[tuple[str, object]] | None = None  # raw StreamField blocks; overrides paragraphs


def create_edition(
    *, name: str, hostname: str = "localhost", port: int = 80, is_default: bool = True, locale: Locale | None = None
) -> Site:
    """A new edition: a home page under the tree root and a Wagtail Site serving it."""
    root = Page.get_first_root_node()
    locale = locale or Locale.get_default()
    with transaction.atomic():
        # A name in another script slugifies to nothing: "home-ur", not a second "home" beside Wagtail's own.
        home = root.add_child(instance=HomePage(title=name, slug=slugify(name) or f"home-{locale.language_code}", locale=locale))
        home.save_revision().publish()
        if is_default:
            Site.objects.filter(is_default_site=True).update(is_default_site=False)
        return Site.objects.create(hostname=hostname, port=port, site_name=name, root_page=home, is_default_site=is_default)


def create_section(home: HomePage, *, title: str, slug: str = "", intro: str = "") -> SectionPage:
    section = home.add_child(
        instance=SectionPage(title=title, slug=slug or slugify(title), intro=intro, show_in_menus=True, locale=home.locale)
    )
    section.save_revision().publish()
    return section


def year_folder_for(section: SectionPage, year: int) -> ArchiveYearPage:
    """The section's archive page for a year, made the first time a story is filed in it."""
    existing = ArchiveYearPage.objects.filter(below(section.path), depth=section.depth + 1, slug=str(year)).first()
    if existing is not None:
        return existing
    folder = section.add_child(
        instance=ArchiveYearPage(
            title=f"{section.title} {year}", slug=str(year), year=year, show_in_menus=False, locale=section.locale
        )
    )
    folder.save_revision().publish()
    return folder


def _body_from(draft: StoryDraft) -> list[tuple[str, object]]:
    if draft.body is not None:
        return draft.body
    from wagtail.rich_text import RichText

    return [("paragraph", RichText(paragraph)) for paragraph in draft.paragraphs]


@transaction.atomic
def file_story(
    section: SectionPage,
    draft: StoryDraft,
    *,
    publish: bool = False,
    published_at: datetime | None = None,
    updated_at: datetime | None = None,
    user=None,
) -> ArticlePage:
    """File a story under its section (in the yearly archive of its publication date), as a draft or published.

    ``published_at`` backdates the first publication (agency copy filed late,
    demo content); ``updated_at`` records a later update.
    """
    when = published_at or timezone.now()
    # Stories filed in one section at once (two wire deliveries, the embargo clock) queue here: each then sees
    # the one before it, so the year folder is made once, the free slug is free ("x", then "x-2") and the tree
    # path is new, instead of both reading the same and the second failing on PostgreSQL.
    lock_for_publishing(section.pk)
    folder = year_folder_for(section, when.year)
    article = ArticlePage(
        title=draft.title,
        slug=draft.slug or _free_slug(folder, draft.title),
        dateline=draft.dateline,
        standfirst=draft.standfirst,
        body=_body_from(draft),
        agency=draft.agency,
        hero_image=draft.hero_image,
        hero_caption=draft.hero_caption,
        related_article=draft.related_article,
        locale=section.locale,
        owner=user,
        live=False,  # a story is live only once its revision is published
    )
    if published_at is not None:
        article.first_published_at = published_at
    folder.add_child(instance=article)
    article.authors.set(draft.authors)
    if draft.tags:
        article.tags.set(draft.tags)
    article.save()
    revision = article.save_revision(user=user)
    if publish:
        revision.publish(user=user)
        if published_at is not None or updated_at is not None:
            ArticlePage.objects.filter(pk=article.pk).update(
                last_published_at=updated_at or published_at,
                first_published_at=when,
                published_at=when,
                changed_at=updated_at or published_at,
                sitemap_month=sitemap_month(when),
            )
            positions.schedule(article.section_id, (when, article.pk))  # the update bypassed the save signal
        article.refresh_from_db()
    return article


def _free_slug(folder: ArchiveYearPage, title: str) -> str:
    base = slugify(title, allow_unicode=True)[:200] or "story"
    taken = set(
        Page.objects.filter(below(folder.path), depth=folder.depth + 1, slug__startswith=base).values_list("slug", flat=True)
    )
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"


def unpublish_story(article: ArticlePage, *, reason: str = "", user=None) -> ArticlePage:
    """Take a live story off the site (an agency kill, a legal withdrawal); its history keeps Wagtail's unpublish entry.

    ``reason`` is for the caller's own record (the wire desk logs it on the
    story); the page itself is unpublished the same way the admin does it.
    """
    if article.live:
        article.unpublish(user=user)
        article.refresh_from_db()
    return article


def lock_for_publishing(page_id: int) -> None:
    """Hold the page until the caller's transaction ends: publishes of one page then run one after another,
    each reading the page as the one before it left it.

    PostgreSQL locks the page's row (``SELECT … FOR UPDATE``). SQLite has no row locks and ignores that
    clause, but its transactions begin ``IMMEDIATE`` (settings), taking the database's write lock at
    ``BEGIN``, so a second publish waits there (busy timeout) until the first commits.
    """
    list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk", flat=True))


def repeats_live_version(page: Page, candidate: Page) -> bool:
    """Whether publishing ``candidate`` (the page as the editor submits it) would only publish again what is live.

    ``page`` is the page as stored, read under ``lock_for_publishing``. Publishing a page that is not live, is
    scheduled (publishing cancels the schedule) or in moderation (publishing ends it) changes something
    whatever the content.
    """
    if not page.live or page.live_revision is None or page.scheduled_revision or page.current_workflow_state:
        return False
    model = type(candidate)
    stored = json.loads(json.dumps(candidate.serializable_data(), cls=DjangoJSONEncoder))  # as a revision keeps it
    return _as_written(model, stored) == _as_written(model, page.live_revision.content)


# Columns that say where a page sits, who owns it and when it was first published: a revision restores them
# from the page, not from its content (Page.with_content_json). Every column no form edits is left out too.
_PAGE_RECORD = {"path", "depth", "numchild", "owner", "first_published_at"}


def _as_written(model, content: dict) -> dict:
    """A revision's content as the editor wrote it: without the page's bookkeeping (publication state and dates,
    revision pointers, locks, tree position, the listings' denormalised columns) and without the editors'
    comments, which belong to the page rather than to what is published."""
    written = _editable_values(model, content, _PAGE_RECORD)
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        if name == COMMENTS_RELATION_NAME or name not in content:
            continue
        skip = {relation.field.name}  # the parent key (a child's own key, "pk", is no field: it goes too)
        children = [_editable_values(relation.related_model, child, skip) for child in content[name]]
        written[name] = sorted(children, key=lambda child: json.dumps(child, sort_keys=True, cls=DjangoJSONEncoder))
    for m2m in get_all_child_m2m_relations(model):
        if m2m.name in content:
            written[m2m.name] = sorted(content[m2m.name])
    return written


def _editable_values(model, content: dict, skip: set[str]) -> dict:
    # An orderable child's position (sort_order) is not editable as a field but is what the editor arranged.
    kept = {f.name for f in model._meta.concrete_fields if (f.editable or f.name == "sort_order") and f.name not in skip}
    return {name: value for name, value in content.items() if name in kept}
