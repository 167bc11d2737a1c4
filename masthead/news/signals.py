"""Keeps the denormalised listing columns true when the tree changes under a story."""

from __future__ import annotations

from masthead.news.models import ArticlePage
from masthead.news.models.articles import SectionLookup
from masthead.news.tree import under


def refile_moved_stories(sender, instance, **kwargs) -> None:
    """A moved section, year or story takes its stories' ``section`` column with it."""
    from masthead.news.models import SectionPage

    section = instance.specific if isinstance(instance.specific, SectionPage) else SectionLookup.for_path(instance.path)
    ArticlePage.objects.filter(under(instance.path)).update(section=section)


def date_story_tags(sender, instance, **kwargs) -> None:
    """A story's tag rows carry its publication date (see ArticleTag.published_at)."""
    from masthead.news.models import ArticleTag

    if kwargs.get("raw") or not instance.pk:
        return
    ArticleTag.objects.filter(content_object_id=instance.pk).exclude(published_at=instance.published_at).update(published_at=instance.published_at)
