"""One story-change pipeline: what a change to a story (or an edition) sets off, and in what order.

A story is published, updated, unpublished (or killed by its agency), moved,
deleted, or published by the clock at its scheduled time. Each of these
reaches the receivers below (connected once, each with a sender), which do
the change's effects in this fixed order:

In the change's own transaction (they commit or roll back with it):

1. **positions** — the story's listing columns and its sections' anchors
   (``news/upkeep.py``, ``news/positions.py``: the anchors are checked as the
   transaction commits, once per section);
2. **API change log** — the ``ArticleChange`` row apps sync from (``api/changelog.py``;
   a deleted story's tombstone is written as its row goes, after Wagtail's own unpublish);
3. **purge set** — which cached URLs the change makes wrong (``pagecache/purge.py``),
   computed now because after a delete its rows are gone; with the story's
   timeline (published, unpublished, moved, deleted, API change) and the
   edition memo's bump (``web/snapshot.py``);

and then the rest is **enqueued as a task in that same transaction**: a row
of the database task queue, so a change that commits always has its purge
committed with it, whatever happens to the process after, and a change that
rolls back leaves no task. ``masthead worker`` runs it (``pipeline/tasks.py``):

4. **purge** the cached files, 5. **warm renders** of the pages a story is
   read on, 6. **CDN purge** (Wagtail's frontend-cache backends), 7. **alerts**
   (``pipeline/alerts.py``), with retries and backoff.

Each change is its own task: a transaction rarely holds more than one
(an editor's publish, a wire item filed), and purges are cheap; tasks that
name the same pages simply render them again.
"""

from __future__ import annotations

import logging

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from masthead.corrections import publishing as notes
from masthead.pagecache import effects
from masthead.pagecache import purge as purges
from masthead.pagecache.purge import PurgeSet
from masthead.schedule import timeline
from masthead.schedule.models import StoryEvent

log = logging.getLogger(__name__)

Kind = StoryEvent.Kind


# The story changes ---------------------------------------------------------------------------------


def story_saved(sender, instance, **kwargs) -> None:
    """Any save: the listing columns and anchors (step 1). A publish or unpublish goes on below."""
    from masthead.news import upkeep

    upkeep.date_story_tags(sender, instance, **kwargs)
    upkeep.place_saved_story(sender, instance, **kwargs)


def story_published(sender, instance, revision=None, **kwargs) -> None:
    """Published, updated or published by the clock at its scheduled time."""
    from masthead.api import changelog

    if instance.go_live_at and instance.go_live_at > timezone.now():
        # Wagtail sends page_published for a revision it has only scheduled (publish_revision.py): readers see
        # nothing new until the clock publishes it, and that publish comes back through here.
        return
    changelog.record(instance, live=True, reason="published")
    # A scheduled publish: the clock adds when it was due and how late it went live (schedule/clock.py).
    detail = {"revision": getattr(revision, "pk", None)}
    purge = purges.for_article(instance)
    # Dates the notes going live, writes NOTE_ADDED, keeps "changed for readers"; /corrections/ if listed there.
    purge.merge(notes.story_published(instance))
    _story_changed(instance, Kind.PUBLISHED, detail, purge)


def story_unpublished(sender, instance, **kwargs) -> None:
    """Taken down by an editor, by its expiry, or by the agency's kill."""
    from masthead.api import changelog

    changelog.record(instance, live=False, reason="unpublished")
    purge = purges.for_article(instance)
    purge.merge(notes.story_withdrawn(instance))  # its notes leave /corrections/
    _story_changed(instance, Kind.UNPUBLISHED, {}, purge)


def story_slug_changed(sender, instance, instance_before=None, **kwargs) -> None:
    """A live story's new slug: its old address goes too. (Wagtail sends this after its commit.)"""
    before = getattr(instance_before, "url_path", None)
    _enqueue(purges.for_article(instance, before), pages=[])


def page_moved(sender, instance, **kwargs) -> None:
    """A story, year or section moved: listing columns follow, the API rows say where, the old and new pages go."""
    from masthead.api import changelog
    from masthead.news import upkeep
    from masthead.news.models import ArticlePage
    from masthead.web import snapshot

    upkeep.refile_moved_stories(sender, instance, **kwargs)
    moved_ids = changelog.record_moved(instance.path)
    page = instance.specific
    if isinstance(page, ArticlePage):
        before = kwargs.get("url_path_before")
        detail = {"from": before, "to": page.url_path}
        _story_changed(page, Kind.MOVED, detail, purges.for_article(page, before), api_change=page.pk in moved_ids)
        return
    snapshot.bump()
    purge = purges.for_edition_of(page)
    parent_before = kwargs.get("parent_page_before")
    if parent_before is not None:
        purge.merge(purges.for_edition_of(parent_before))
    _enqueue(purge, pages=[])


def story_deleted(sender, instance, **kwargs) -> None:
    """Before the rows go: the purge set needs the story's section, tags and authors."""
    from masthead.news import upkeep

    upkeep.place_deleted_story(sender, instance, **kwargs)
    purge = purges.for_article(instance) if instance.live else PurgeSet()
    if instance.live:
        purge.merge(notes.story_withdrawn(instance))
    _story_changed(instance, Kind.DELETED, {"title": instance.title, "url_path": instance.url_path}, purge)


def story_gone(sender, instance, **kwargs) -> None:
    """The API's tombstone, written as the row goes: after Wagtail's own unpublish of a live story being deleted."""
    from masthead.api import changelog

    changelog.record(instance, live=False, reason="deleted")


def _story_changed(story, kind: str, detail: dict, purge: PurgeSet, *, api_change: bool = True) -> None:
    timeline.record(story.pk, kind, detail)
    if api_change:
        timeline.record(story.pk, Kind.API_CHANGE, {"reason": kind})
    _enqueue(purge, pages=[story.pk], published=[story.pk] if kind == Kind.PUBLISHED else [])


# The edition changes: what every page of an edition shows ---------------------------------------------


def edition_page_changed(sender, instance, **kwargs) -> None:
    """A home or section page published, unpublished or deleted: its name and menu are on every page."""
    from masthead.web import snapshot

    snapshot.bump()
    _enqueue(purges.for_edition_of(instance), pages=[])


def front_page_saving(sender, instance, **kwargs) -> None:
    """Before a home or section page is saved: what other pages show of it, to compare with once it is published."""
    from masthead.curation.purge import edition_wide_before

    instance._edition_wide_before = edition_wide_before(instance)


def front_page_published(sender, instance, **kwargs) -> None:
    """A home or section page published: only its name or address is on every page; a change of its slots is on it alone."""
    from masthead.curation.purge import changes_edition

    if instance.go_live_at and instance.go_live_at > timezone.now():
        return  # only scheduled: the clock's publish comes back through here (as in story_published)
    if changes_edition(instance, getattr(instance, "_edition_wide_before", None)):
        edition_page_changed(sender, instance, **kwargs)
        return
    front_changed(instance)


def front_changed(page) -> None:
    """A front page's curation or own fields changed (a publish, a pin running out): that page and what shows its slots."""
    from masthead.curation.purge import for_front

    _enqueue(for_front(page), pages=[])


def edition_settings_saved(sender, instance, created=False, **kwargs) -> None:
    # Rows are created with their defaults on first read (by the very render that warms a page): that shows nothing new.
    from masthead.web import snapshot

    if created:
        return
    snapshot.bump()
    if getattr(instance, "site_id", None):
        _enqueue(PurgeSet(hosts={instance.site.hostname.lower()}), pages=[])


def byline_saved(sender, instance, **kwargs) -> None:
    """An author's or agency's name is shown on many stories, in every edition."""
    from wagtail.models import Site

    _enqueue(PurgeSet(hosts={hostname.lower() for hostname in Site.objects.values_list("hostname", flat=True)}), pages=[])


def site_changed(sender, instance, **kwargs) -> None:
    """A Site's name, port or default flag decides which edition every host name shows; its name is on every page."""
    from masthead.web import snapshot

    snapshot.bump()
    _enqueue(PurgeSet(everything=True), pages=[])


def edition_memo_changed(sender, **kwargs) -> None:
    """Locales, view restrictions, home and section rows: read once per process (web/snapshot.py), forgotten here."""
    from masthead.web import snapshot

    snapshot.bump()


# Breaking news: a banner on every page of an edition ---------------------------------------------------


def breaking_changed(sender, instance, ended=False, change="", **kwargs) -> None:
    """A breaking story set, its end changed, or ended (by an editor, by the clock, or replaced by another).

    Only the pages that show the banner go: every page of the edition is filed
    under its ``breaking-<home>`` tag (breaking/templatetags/breaking.py), plus
    the API's breaking list and the story's own page, rendered again at once.
    Not feeds or sitemaps: the banner is not in them.
    """
    from masthead.breaking.templatetags.breaking import cache_tag
    from masthead.web import snapshot

    snapshot.bump()  # each process reads the edition's banner again (breaking/current.py)
    story = instance.story
    purge = PurgeSet(tags={cache_tag(instance.home_id)})
    for host, root in purges.site_hosts_for(story):
        path = "/" + story.url_path[len(root) :] if story.url_path.startswith(root) else story.url_path
        purge.add(host, path, "/api/v1/breaking")
        purge.warm[host] = [path, "/"]
    detail = {"change": change, "ends_at": instance.ends_at.isoformat()}
    timeline.record(story.pk, Kind.BREAKING_ENDED if ended else Kind.BREAKING, detail)
    _enqueue(purge, pages=[story.pk])


def breaking_story_republished(sender, instance, **kwargs) -> None:
    """The banner shows the story's headline: it follows a new one."""
    from masthead.breaking import services

    services.follow_headline(instance)


def breaking_story_withdrawn(sender, instance, **kwargs) -> None:
    """A breaking story unpublished or deleted: its banner ends with it."""
    from masthead.breaking import services

    services.end_for_story(instance)


# Live coverage: an entry reaches the story's live parts only (live/purge.py), never its listings ----------------


def live_entry_changed(sender, instance, created=False, origin=None, **kwargs) -> None:
    """An entry posted, edited, pinned or deleted: the story's page, live.json, live feed and API detail."""
    from masthead.live import purge as live_purges
    from masthead.news.models import ArticlePage

    if origin is not None and not isinstance(origin, sender):
        return  # deleted with its story, whose own purge covers it
    story = ArticlePage.objects.filter(pk=instance.story_id).only("pk", "path", "url_path").first()
    if story is None:
        return
    action = "deleted" if kwargs.get("signal") is post_delete else ("posted" if created else "edited")
    timeline.record(story.pk, Kind.LIVE_ENTRY, {"entry": instance.pk, "action": action, "title": instance.title})
    _enqueue(live_purges.for_entry(story), pages=[story.pk])


def live_coverage_changed(sender, instance, **kwargs) -> None:
    """Live coverage started, ended or resumed: the story's badge, script and JSON-LD."""
    from masthead.live import purge as live_purges

    _enqueue(live_purges.for_coverage(instance.story), pages=[instance.story_id])


# Enqueueing: a row, written in the change's transaction ---------------------------------------------------


def _enqueue(purge: PurgeSet, *, pages: list[int], published: list[int] | None = None) -> None:
    from django.conf import settings

    from masthead.pipeline import tasks

    if not settings.PAGECACHE_ENABLED:
        purge = PurgeSet()
    if not purge and not published:
        return  # nothing to purge, render or announce (a draft deleted, say)
    tasks.enqueue_effects({"purge": effects.to_json(purge), "pages": pages, "published": published or []})


# Wiring ---------------------------------------------------------------------------------------------


def connect() -> None:
    """Every receiver, once, with its sender."""
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from masthead.breaking.models import BreakingStory
    from masthead.breaking.signals import breaking_changed as breaking_changed_signal
    from masthead.live.models import LiveCoverage, LiveEntry
    from masthead.news.models import Agency, ArchiveYearPage, ArticlePage, Author, HomePage, SectionPage
    from masthead.web.models import EditionSettings

    def wire(signal, receiver, sender) -> None:
        signal.connect(receiver, sender=sender, dispatch_uid=f"pipeline.{receiver.__name__}.{id(signal)}.{sender.__name__}")

    wire(post_save, story_saved, ArticlePage)
    wire(page_published, story_published, ArticlePage)
    wire(page_unpublished, story_unpublished, ArticlePage)
    wire(page_slug_changed, story_slug_changed, ArticlePage)
    wire(pre_delete, story_deleted, ArticlePage)
    wire(post_delete, story_gone, ArticlePage)
    wire(post_save, live_entry_changed, LiveEntry)
    wire(post_delete, live_entry_changed, LiveEntry)
    wire(post_save, live_coverage_changed, LiveCoverage)
    for model in (ArticlePage, ArchiveYearPage, SectionPage, HomePage):
        wire(post_page_move, page_moved, model)
    for model in (HomePage, SectionPage):
        wire(pre_save, front_page_saving, model)
        wire(page_published, front_page_published, model)
        wire(page_unpublished, edition_page_changed, model)
        wire(page_slug_changed, edition_page_changed, model)
        wire(pre_delete, edition_page_changed, model)
        wire(post_save, edition_memo_changed, model)
    wire(post_save, edition_settings_saved, EditionSettings)
    wire(post_delete, edition_memo_changed, EditionSettings)
    for model in (Author, Agency):
        wire(post_save, byline_saved, model)
    wire(post_save, site_changed, Site)
    wire(post_delete, site_changed, Site)
    for model in (Locale, PageViewRestriction):
        wire(post_save, edition_memo_changed, model)
        wire(post_delete, edition_memo_changed, model)
    wire(breaking_changed_signal, breaking_changed, BreakingStory)
    wire(page_published, breaking_story_republished, ArticlePage)
    wire(page_unpublished, breaking_story_withdrawn, ArticlePage)
    wire(pre_delete, breaking_story_withdrawn, ArticlePage)
