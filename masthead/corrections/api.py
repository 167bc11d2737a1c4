"""``GET /api/v1/corrections``: the edition's newest corrections and notes, each with its story (mounted in api/api.py)."""

from __future__ import annotations

from ninja import Field, Query, Router, Schema

from masthead.api import serialize
from masthead.api.endpoints import reader_for
from masthead.api.schemas import ArticleLink, ErrorResponse, Note
from masthead.corrections import querysets

MAX_LIMIT = 50
DEFAULT_LIMIT = 20

router = Router(tags=["corrections"])


class CorrectionItem(Note):
    article: ArticleLink = Field(description="The story the note is on; its page shows the note at its foot.")


class CorrectionList(Schema):
    items: list[CorrectionItem] = Field(description="Newest first, by when each note was first published.")


@router.get(
    "/corrections",
    response={200: CorrectionList, 404: ErrorResponse, 422: ErrorResponse, 503: ErrorResponse},
    url_name="corrections",
    summary="The edition's corrections, clarifications and editor's notes, newest first",
)
def list_corrections(request, limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")):
    reader = reader_for(request)
    items = []
    for note in querysets.published_notes(reader.site)[:limit]:
        story = note.story
        items.append(
            {
                **serialize.note_json(reader, note, fallback=note.published_at),
                "article": {
                    "id": story.pk,
                    "title": story.title,
                    "url": reader.page_url(story.url_path),
                    "api_url": reader.api_url("article", article_id=story.pk),
                },
            }
        )
    return {"items": items}
