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
