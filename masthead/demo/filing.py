"""Files an edition's demo stories through the newsroom's own service, oldest first: shared by both editions."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils.html import escape

from masthead.demo.pictures import draw
from masthead.images.models import Picture
from masthead.news import services
from masthead.news.models import ArticlePage


def file_stories(specs, *, sections, authors, agencies, now: datetime, latin_slugs: bool = False, picture_prefix: str = "demo"):
    """Every story of ``specs`` filed and published at its age, by key. Oldest first, so that tree order and
    publication order agree. ``latin_slugs`` gives each story its key as slug (an Urdu headline's own slug would be
    long and percent-encoded when shared)."""
    stories: dict[str, ArticlePage] = {}
    for spec in sorted(specs, key=lambda s: -s.age_days):
        published = now - timedelta(days=spec.age_days)
        updated = published + timedelta(hours=spec.updated_hours_after) if spec.updated_hours_after else None
        draft = services.StoryDraft(
            title=spec.title,
            slug=spec.key if latin_slugs else "",
            standfirst=spec.standfirst,
            dateline=spec.dateline,
            paragraphs=[f"<p>{escape(text)}</p>" for text in spec.paragraphs],
            authors=[authors[key] for key in spec.authors],
            agency=agencies.get(spec.agency),
            tags=list(spec.tags),
            hero_image=picture(spec, picture_prefix) if spec.picture else None,
            hero_caption=spec.caption,
        )
        stories[spec.key] = services.file_story(
            sections[spec.section], draft, publish=True, published_at=published, updated_at=updated
        )
    for spec in specs:
        if spec.related:
            ArticlePage.objects.filter(pk=stories[spec.key].pk).update(related_article=stories[spec.related])
    return stories


def picture(spec, prefix: str = "demo") -> Picture:
    image = Picture(title=spec.caption or spec.title, credit=spec.credit, description=spec.caption or spec.title)
    image.file = ImageFile(BytesIO(draw(spec.picture)), name=f"{prefix}-{spec.key}.jpg")
    image.save()
    return image
