"""Keeps the denormalised listing columns, and the sections' listing anchors, true when stories change.

Called in the change's transaction by the story-change pipeline (masthead/pipeline/changes.py), first of its steps.
"""

from __future__ import annotations

from masthead.news.models import ArticlePage
from masthead.news.models.articles import SectionLookup
from masthead.news.tree import under


def refile_moved_stories(sender, instance, **kwargs) -> None:
    """A moved section, year or story takes its stories' ``section`` column with it, a moved story its ``folder``;
    the sections a story or a year left and joined get their listing anchors checked (see positions)."""
    from masthead.news import positions
    from masthead.news.models import SectionPage

    page = instance.specific
    if isinstance(page, SectionPage):
        ArticlePage.objects.filter(under(instance.path)).update(section=page)
        return  # its stories stay in it: its anchors hold
    section = SectionLookup.for_path(instance.path)
    ArticlePage.objects.filter(under(instance.path)).update(section=section)
    since = None  # a year: any of its stories may have moved
    if isinstance(page, ArticlePage):
        ArticlePage.objects.filter(pk=instance.pk).update(folder=SectionLookup.folder_for(instance.path))
        if page.published_at is None:
            return  # never listed anywhere
        since = (page.published_at, page.pk)
    before = kwargs.get("parent_page_before")
    section_before = None
    if before is not None:
        section_before = (
            before.pk if isinstance(before.specific, SectionPage) else getattr(SectionLookup.for_path(before.path), "pk", None)
        )
    for section_id in {section_before, getattr(section, "pk", None)}:
        positions.schedule(section_id, since)


def date_story_tags(sender, instance, **kwargs) -> None:
    """A story's tag rows carry its publication date (see ArticleTag.published_at)."""
    from masthead.news.models import ArticleTag

    if kwargs.get("raw") or not instance.pk:
        return
    ArticleTag.objects.filter(content_object_id=instance.pk).exclude(published_at=instance.published_at).update(
        published_at=instance.published_at
    )


LISTING_FIELDS = {"live", "first_published_at", "published_at", "section"}


def place_saved_story(sender, instance, **kwargs) -> None:
    """A story saved live, unpublished or redated may shift its section's deep pages (see positions)."""
    update_fields = kwargs.get("update_fields")
    if kwargs.get("raw") or (update_fields is not None and not LISTING_FIELDS & set(update_fields)):
        return
    _place(instance)


def place_deleted_story(sender, instance, **kwargs) -> None:
    _place(instance)


def _place(story) -> None:
    from masthead.news import positions

    if story.published_at is not None:  # a story never published was never listed
        positions.schedule(story.section_id, (story.published_at, story.pk))
