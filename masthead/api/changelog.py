"""Keeps ``ArticleChange`` true: every publish, unpublish, move and delete of a story is a row the apps sync from.

One small write per change, no network: written in the change's own transaction by the story-change
pipeline (masthead/pipeline/changes.py).
"""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from masthead.api.models import ArticleChange


def record(article, *, live: bool, reason: str) -> None:
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


def record_moved(path: str) -> list[int]:
    """A moved story, or a moved section or year, changes the URLs of the live stories under ``path``; their ids."""
    from wagtail.models import Page

    from masthead.news.models import ArticlePage
    from masthead.news.tree import under

    moved = ArticlePage.objects.filter(under(path)).values("pk")
    rows = ArticleChange.objects.filter(article_id__in=moved, live=True)
    ids = list(rows.values_list("article_id", flat=True))
    current = Page.objects.filter(pk=OuterRef("article_id"))
    rows.update(
        path=Subquery(current.values("path")[:1]),
        url_path=Subquery(current.values("url_path")[:1]),
        reason=ArticleChange.Reason.MOVED,
        changed_at=timezone.now(),
    )
    return ids
