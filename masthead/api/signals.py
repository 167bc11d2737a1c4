"""Keeps ``ArticleChange`` true: every publish, unpublish, move and delete of a story is a row the apps sync from.

One small write per change, no network: safe inside the publish request.
"""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.utils import timezone


def _record(article, *, live: bool, reason: str) -> None:
    from masthead.api.models import ArticleChange

    ArticleChange.objects.update_or_create(
        article_id=article.pk,
        defaults={
            "path": article.path,
            "url_path": article.url_path,
            "live": live,
            "reason": reason,
            "changed_at": timezone.now(),
        },
    )


def on_published(sender, instance, **kwargs) -> None:
    from masthead.news.models import ArticlePage

    if isinstance(instance, ArticlePage):
        _record(instance, live=True, reason="published")


def on_unpublished(sender, instance, **kwargs) -> None:
    from masthead.news.models import ArticlePage

    if isinstance(instance, ArticlePage):
        _record(instance, live=False, reason="unpublished")


def on_deleted(sender, instance, **kwargs) -> None:
    _record(instance, live=False, reason="deleted")


def on_moved(sender, instance, **kwargs) -> None:
    """A moved story, or a moved section or year, changes the URLs of the live stories under it."""
    from wagtail.models import Page

    from masthead.api.models import ArticleChange
    from masthead.news.models import ArticlePage
    from masthead.news.tree import under

    moved = ArticlePage.objects.filter(under(instance.path)).values("pk")
    current = Page.objects.filter(pk=OuterRef("article_id"))
    ArticleChange.objects.filter(article_id__in=moved, live=True).update(
        path=Subquery(current.values("path")[:1]),
        url_path=Subquery(current.values("url_path")[:1]),
        reason="moved",
        changed_at=timezone.now(),
    )


def connect() -> None:
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from masthead.news.models import ArticlePage

    page_published.connect(on_published, dispatch_uid="api.article_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="api.article_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="api.article_moved")
    post_delete.connect(on_deleted, sender=ArticlePage, dispatch_uid="api.article_deleted")
