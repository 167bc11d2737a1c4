"""Reads: every listing and page context the public site needs, each in a fixed number of queries."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, Site

from masthead.images.responsive import CARD_FILTERS
from masthead.news.models import ArticlePage, HomePage, SectionPage
from masthead.news.tree import below
from masthead.web.snapshot import holds_every_section, section_ids

THUMBNAIL_FILTER = "fill-480x270"
# The crops search engines and social cards ask for: 16:9, 4:3 and 1:1 at 1200 wide.
SHARE_FILTERS = {"16:9": "fill-1200x675", "4:3": "fill-1200x900", "1:1": "fill-1200x1200"}
RELATED_WINDOW = timedelta(days=365)
LATEST_ON_HOME = 10


def _image_prefetch(field: str, *filters: str) -> Prefetch:
    from masthead.images.models import Picture

    return Prefetch(field, queryset=Picture.objects.prefetch_renditions(*filters))


def listed(queryset=None, *, pictures: bool = True):
    """Live stories with what a listing shows of them: section, agency, thumbnail."""
    queryset = ArticlePage.objects.all() if queryset is None else queryset
    queryset = (
        queryset.filter(live=True).exclude(published_at=None).select_related("section", "agency").order_by("-published_at", "-pk")
    )
    if pictures:
        queryset = queryset.prefetch_related(_image_prefetch("hero_image", THUMBNAIL_FILTER, *CARD_FILTERS))
    return queryset


def with_pictures(stories: list[ArticlePage], *filters: str) -> list[ArticlePage]:
    """Fetch the hero pictures and renditions of stories gathered from several queries, in two queries."""
    prefetch_related_objects(stories, _image_prefetch("hero_image", *(filters or (THUMBNAIL_FILTER,))))
    return stories


def for_display(queryset, joined=("locale", "section", "agency")):
    """An article with what its page shows: section, agency and hero picture, in one query.

    The picture's renditions come from Wagtail's rendition cache (see
    ``masthead.images.rendition_cache``), which asks the database only on a miss.
    """
    return queryset.select_related(*joined, "hero_image")


def site_sections(site: Site):
    return SectionPage.objects.filter(pk__in=section_ids(site))


def in_edition(site: Site) -> Q:
    """The condition that keeps an edition's stories, or none when every story is the edition's.

    With one edition, which is most installs, a condition on the section
    would only tempt the database into reading the section index and
    sorting the whole archive instead of walking the newest stories by date.
    """
    if holds_every_section(site):
        return Q()
    return Q(section__in=section_ids(site))


def site_stories(site: Site):
    return listed().filter(in_edition(site))


def stories_tagged(site: Site, tag):
    """An edition's live stories with a tag, newest first.

    Ordered by the tag rows' own copy of the publication date, so the
    database reads the tag's index from its newest end and stops at the
    page's last story, however many stories the tag has.
    """
    return (
        site_stories(site)
        .filter(tagged_items__tag=tag)
        .order_by("-tagged_items__published_at", "-tagged_items__content_object_id")
    )


def stories_by(site: Site, author):
    """An edition's live stories by an author, newest first."""
    return site_stories(site).filter(authors=author)


def stories_from(site: Site, agency):
    """An edition's live stories credited to an agency, newest first."""
    return site_stories(site).filter(agency=agency)


def section_stories(section: SectionPage, *, pictures: bool = True):
    return listed(pictures=pictures).filter(section=section)


def year_stories(year_page):
    # By the denormalised folder: a path range would make the database walk every newer story.
    return listed().filter(folder=year_page)


def nav_sections(site: Site) -> list[SectionPage]:
    return list(
        site_sections(site)
        .filter(live=True, show_in_menus=True)
        .order_by("path")
        .only("title", "slug", "url_path", "path", "depth")
    )


def front_page(home: HomePage, request: HttpRequest) -> dict:
    """The lead, the editors' top stories, the latest stories of each section, and the latest overall.

    The lead is the edition's breaking story while there is one, else the
    editors' first slot, else the newest story; the other slots follow as top
    stories in the editors' order. Section blocks start with the section's own
    slots. No story shows twice among lead, top stories and section blocks, and
    the latest list leaves out the lead and top stories.

    Constant cost: one query for the home's slots, one for every section's
    slots, and one per section for its newest, each an index range scan on
    (section, published_at) that stops at its limit: sections are few, and the
    latest stories overall are the newest of the sections' own latest, merged
    here (a query across sections would sort the archive).
    """
    from masthead.curation import selection

    now = timezone.now()
    data = getattr(request, "edition_data", None)
    if data is not None and data.home.pk == home.pk:
        sections = list(data.sections.values())
    else:
        sections = list(SectionPage.objects.child_of(home).live().order_by("path"))  # previews: not the hot path
    curated = selection.home_stories(home, now)
    curated_in = selection.section_stories([section.pk for section in sections], now)
    per_section = {
        section.pk: list(
            listed(pictures=False).filter(section=section)[
                : max(section.stories_on_home, LATEST_ON_HOME) + 1 + len(curated) + len(curated_in[section.pk])
            ]
        )
        for section in sections
    }
    newest = sorted(
        (story for stories in per_section.values() for story in stories), key=lambda s: (s.published_at, s.pk), reverse=True
    )
    lead = _breaking_story(home, [*curated, *newest]) or (curated[0] if curated else None) or (newest[0] if newest else None)
    top = [story for story in curated if story != lead]
    shown = {story.pk for story in (lead, *top) if story is not None}
    latest = [story for story in newest if story.pk not in shown][:LATEST_ON_HOME]

    top_by_section = []
    for section in sections:
        stories = []
        for story in (*curated_in[section.pk], *per_section[section.pk]):
            if story.pk not in shown and len(stories) < section.stories_on_home:
                shown.add(story.pk)
                stories.append(story)
        if stories:
            top_by_section.append((section, stories))
    pictured = [stories[0] for _, stories in top_by_section]
    with_pictures([story for story in (lead, *top[:1], *pictured) if story is not None], *CARD_FILTERS)
    _tag_curated(request, [*curated, *(story for stories in curated_in.values() for story in stories)])
    return {"lead": lead, "top_stories": top, "top_by_section": top_by_section, "latest": latest, "is_front": True}


def section_front(section: SectionPage, listing, request: HttpRequest) -> dict:
    """A section page: on its first page the editors' lead and top stories, then its listing without them.

    The listing keeps its paging (page 2 starts where it always did): the
    curated stories are left out of page 1 rather than shifting every page.
    One query for the slots, and the pictures of slots and listing together.
    """
    from dataclasses import replace

    from masthead.curation import selection

    curated = selection.section_stories([section.pk])[section.pk] if listing.number == 1 else []
    if curated:
        placed = {story.pk for story in curated}
        listing = replace(listing, items=[story for story in listing.items if story.pk not in placed])
    with_pictures([*curated, *listing.items], THUMBNAIL_FILTER, *CARD_FILTERS)
    _tag_curated(request, curated)
    return {"listing": listing, "lead": curated[0] if curated else None, "top_stories": curated[1:]}


def _breaking_story(home: HomePage, fetched: list[ArticlePage]) -> ArticlePage | None:
    """The edition's breaking story, as a listing shows it (section, agency), while there is one."""
    try:
        from masthead.breaking.current import story_for
    except ImportError:  # before the breaking desk exists
        return None
    breaking = story_for(home)
    if breaking is None:
        return None
    for story in fetched:
        if story.pk == breaking.pk:
            return story
    return listed(pictures=False).filter(pk=breaking.pk).first()


def _tag_curated(request: HttpRequest | None, stories: list[ArticlePage]) -> None:
    """File the page under its curated stories, so a story's withdrawal purges every front it is placed on."""
    from masthead.curation.selection import cache_tags

    if request is None or not stories:
        return
    if getattr(request, "cache_tags", None) is None:
        request.cache_tags = set()
    request.cache_tags |= cache_tags(stories)


RELATED_TAGS = 5  # the story's first tags that count
RELATED_PER_TAG = 100  # newest stories looked at per tag
RELATED_CANDIDATES = 50


def related_story(article: ArticlePage, tag_ids: list[int]) -> ArticlePage | None:
    """The story the body's 'Read more' link points to: the editor's pick, or the best match.

    Best match: most shared tags, then same section, then most recent,
    among live stories of the same edition published within a year of this
    one. Never the story itself, never an unpublished one.

    The work is bounded whatever the archive's size, and is one query: the
    newest ``RELATED_PER_TAG`` stories of each tag within the year around
    the story are read from the tag's date index, the best
    ``RELATED_CANDIDATES`` of them are weighed together with the section's
    latest stories of that year (the match when no tag is shared).
    """
    # Stories of the same edition live under the same home page: a path prefix.
    home_path = article.path[: -3 * ArticlePage.steplen]
    if article.related_article_id and article.related_article_id != article.pk:
        pick = _pick_in_edition(article, home_path)
        if pick is not None:
            return pick
    anchor = article.published_at or article.first_published_at
    if article.section_id:
        return _best_match(article, tag_ids[:RELATED_TAGS], anchor, home_path)
    # Outside any section (not where stories are filed): the edition's latest.
    latest = ArticlePage.objects.live().exclude(pk=article.pk).exclude(published_at=None).filter(below(home_path))
    if anchor is not None:
        latest = latest.filter(published_at__gte=anchor - RELATED_WINDOW, published_at__lte=anchor + RELATED_WINDOW)
    return latest.order_by("-published_at", "-pk").only("title", "url_path", "path", "depth").first()


def _pick_in_edition(article: ArticlePage, home_path: str) -> ArticlePage | None:
    """The editor's pick if it is live in the article's edition, else its live translation there, in one query.

    A story translated into another edition keeps its source's pick, and
    wire copy may name a story of any edition: a link to another edition's
    host would take the reader out of their language (or 404 on this host).
    """
    from django.db.models import Case, IntegerField, Value, When

    picked = article.related_article_id
    same_story = ArticlePage.objects.filter(pk=picked).values("translation_key")
    return (
        ArticlePage.objects.live()
        .filter(below(home_path))
        .filter(Q(pk=picked) | Q(translation_key__in=same_story))
        .exclude(pk=article.pk)
        .order_by(Case(When(pk=picked, then=Value(0)), default=Value(1), output_field=IntegerField()), "pk")
        .only("title", "url_path", "path", "depth")
        .first()
    )


def _best_match(article: ArticlePage, tag_ids: list[int], anchor, home_path: str) -> ArticlePage | None:
    """The live story sharing most of the given tags with the article, else its section's latest, in one query.

    Written as SQL because it runs on every uncached story page and the ORM
    cannot say it: bounded index ranges glued with UNION ALL (Django's
    union() cannot limit its parts on SQLite), counted, cut to the best
    candidates, then weighed against the rules above.
    """
    from django.db import connection

    from masthead.news.models import ArticleTag

    quote = connection.ops.quote_name
    tagged, pages, articles = (quote(model._meta.db_table) for model in (ArticleTag, Page, ArticlePage))
    window, window_params = "", []
    if anchor is not None:
        window, window_params = " AND published_at BETWEEN %s AND %s", [anchor - RELATED_WINDOW, anchor + RELATED_WINDOW]
    parts, params = [], []
    for n, tag_id in enumerate(tag_ids):
        parts.append(
            f"SELECT * FROM (SELECT content_object_id AS story_id FROM {tagged} WHERE tag_id = %s AND content_object_id <> %s{window}"
            f" ORDER BY published_at DESC LIMIT {RELATED_PER_TAG}) AS t{n}"
        )
        params += [tag_id, article.pk, *window_params]
    sources = []
    if parts:
        sources.append(
            "SELECT * FROM (SELECT story_id, COUNT(*) AS shared FROM (" + " UNION ALL ".join(parts) + ") AS tagged"
            f" GROUP BY story_id ORDER BY shared DESC, story_id DESC LIMIT {RELATED_CANDIDATES}) AS best"
        )
    # A few, not one: the newest may have been withdrawn.
    sources.append(
        f"SELECT * FROM (SELECT page_ptr_id AS story_id, 0 AS shared FROM {articles} WHERE section_id = %s AND page_ptr_id <> %s{window}"
        " ORDER BY published_at DESC LIMIT 5) AS latest"
    )
    params += [article.section_id, article.pk, *window_params]
    # Treebeard paths are [0-9A-Z]: nothing in a prefix needs escaping for LIKE.
    params += [True, home_path + "%", article.section_id]
    sql = (
        f"SELECT p.id, p.title, p.url_path, p.path, p.depth FROM ({' UNION ALL '.join(sources)}) AS c"
        f" JOIN {articles} a ON a.page_ptr_id = c.story_id JOIN {pages} p ON p.id = a.page_ptr_id"
        " WHERE p.live = %s AND a.published_at IS NOT NULL AND p.path LIKE %s"
        " ORDER BY c.shared DESC, CASE WHEN a.section_id = %s THEN 1 ELSE 0 END DESC, a.published_at DESC, p.id DESC LIMIT 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    pk, title, url_path, path, depth = row
    return ArticlePage(
        id=pk, page_ptr_id=pk, title=title, url_path=url_path, path=path, depth=depth
    )  # enough for its title and URL


def article_page(article: ArticlePage, request: HttpRequest) -> dict:
    from masthead.news.rendering import render_body

    tags = list(article.tags.all())
    return {
        "authors": list(article.authors.all()),
        "tags": tags,
        "related": related_story(article, [tag.pk for tag in tags]),
        "body_parts": render_body(article, lite=getattr(request, "lite", False)),
    }


# --- Channels: feeds, sitemaps and the app API read through these ---------------------------


def site_stories_between(site: Site, start, end):
    """Live stories of an edition first published in ``[start, end)``.

    A range on the ``published_at`` index: its cost follows the stories in
    the range, never the size of the archive. No pictures: sitemaps and
    delta reads do not show them.
    """
    return listed(pictures=False).filter(in_edition(site), published_at__gte=start, published_at__lt=end)


def first_publication(site: Site):
    """When the edition's oldest live story was first published (one indexed MIN), or None."""
    return listed(pictures=False).filter(in_edition(site)).order_by("published_at").values_list("published_at", flat=True).first()


def latest_change_per_month(site: Site, months: list[tuple]) -> list:
    """For each UTC ``(start, end)`` month, when its sitemap last changed: the newest publication or update of
    the stories published in it (None if it has none).

    One query for all months, each answered by two subqueries that read one
    entry of an index: the newest publication from ``published_at``, the
    newest update from ``(sitemap_month, changed_at)``. The sitemap index
    costs the same for a thousand stories a month as for ten.
    """
    from django.db.models import Subquery

    from masthead.news.models.articles import sitemap_month

    if not months:
        return []
    columns = {}
    for n, (start, end) in enumerate(months):
        stories = listed(pictures=False).filter(in_edition(site))
        published = stories.filter(published_at__gte=start, published_at__lt=end).order_by("-published_at")
        changed = stories.filter(sitemap_month=sitemap_month(start), changed_at__isnull=False).order_by("-changed_at")
        columns[f"p{n}"] = Subquery(published.values("published_at")[:1])
        columns[f"c{n}"] = Subquery(changed.values("changed_at")[:1])
    row = Site.objects.filter(pk=site.pk).values(**columns).first() or {}
    latest = []
    for n in range(len(months)):
        published, changed = row.get(f"p{n}"), row.get(f"c{n}")
        latest.append(None if published is None else max(published, changed or published))
    return latest


def with_people(stories):
    """Authors and tags of a list or queryset of stories, in one query each (feeds and the API show them)."""
    if isinstance(stories, list):
        prefetch_related_objects(stories, "authors", "tags")
        return stories
    return stories.prefetch_related("authors", "tags")
