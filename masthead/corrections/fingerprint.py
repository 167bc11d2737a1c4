"""What a reader sees of a story, reduced to one hash: two publishes with the same hash look the same to readers."""

from __future__ import annotations

import hashlib
import json


def reader_fingerprint(story, notes) -> str:
    """A hash of everything the story's page, lite page, feeds and API show (not its slug, owner or search settings)."""
    from masthead.news.models import ArticlePage, ArticleTag

    authors = sorted(ArticlePage.authors.through.objects.filter(articlepage_id=story.pk).values_list("author_id", flat=True))
    tags = sorted(ArticleTag.objects.filter(content_object_id=story.pk).values_list("tag__name", flat=True))
    seen = {
        "title": story.title,
        "standfirst": story.standfirst,
        "dateline": story.dateline,
        "body": story.body.get_prep_value(),
        "hero": [story.hero_image_id, story.hero_caption],
        "agency": story.agency_id,
        "related": story.related_article_id,
        "authors": authors,
        "tags": tags,
        "notes": [[note.kind, note.text, note.dated.isoformat() if note.dated else None] for note in notes],
        "description": story.search_description,
    }
    return hashlib.sha256(json.dumps(seen, sort_keys=True, default=str).encode()).hexdigest()
