"""Keeps the denormalised listing columns, and the sections' listing anchors, true when stories change."""

from __future__ import annotations

from masthead.news.models import ArticlePage
from masthead.news.models.articles import SectionLookup
from masthead.news.tree import under


def refile_moved_stories(sender, instance, **kwargs) -> None:
    """A moved section, year or story takes its stories' ``section`` column with it; a moved story its ``folder``."""
    from masthead.news.models import SectionPage

    section = instance.specific if isinstance(instance.specific, SectionPage) else SectionLookup.for_path(instance.path)
    ArticlePage.objects.filter(under(instance.path)).update(section=section)
    if isinstance(instance.specific, ArticlePage):
        ArticlePage.objects.filter(pk=instance.pk).update(folder=SectionLookup.folder_for(instance.path))


def date_story_tags(sender, instance, **kwargs) -> None:
    """A story's tag rows carry its publication date (see ArticleTag.published_at)."""
    from masthead.news.models import ArticleTag

    if kwargs.get("raw") or not instance.pk:
        return
    ArticleTag.objects.filter(content_object_id=instance.pk).exclude(published_at=instance.published_at).update(published_at=instance.published_at)


LISTING_FIELDS = {"live", "first_published_at", "published_at", "section"}


def place_saved_story(sender, instance, **kwargs) -> None:
    """A story saved live, unpublished or redated may shift its section's deep pages (see positions)."""
    from masthead.news import positions

    update_fields = kwargs.get("update_fields")
    if kwargs.get("raw") or (update_fields is not None and not LISTING_FIELDS & set(update_fields)):
        return
    if instance.published_at is not None:  # a story never published was never listed
        positions.schedule(instance.section_id, (instance.published_at, instance.pk))


def place_deleted_story(sender, instance, **kwargs) -> None:
    from masthead.news import positions

    if instance.published_at is not None:
        positions.schedule(instance.section_id, (instance.published_at, instance.pk))


def place_moved_page(sender, instance, **kwargs) -> None:
    """A story moved between sections leaves one listing and joins another; a moved year takes many along."""
    from masthead.news import positions
    from masthead.news.models import SectionPage

    page = instance.specific
    before = kwargs.get("parent_page_before")
    if isinstance(page, SectionPage) or before is None:
        return  # a section's stories stay in it
    if isinstance(page, ArticlePage):
        if page.published_at is None:
            return
        since = (page.published_at, page.pk)
    else:
        since = None
    section_after = getattr(SectionLookup.for_path(page.path), "pk", None)
    section_before = before.pk if isinstance(before.specific, SectionPage) else getattr(SectionLookup.for_path(before.path), "pk", None)
    for section_id in {section_before, section_after}:
        positions.schedule(section_id, since)
