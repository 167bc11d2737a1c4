"""The desk's story lists: what an editor is working on, what waits for them, what goes live and when.

Each list is a function of the user, a filter (section, edition) and a limit, read in a constant number of
queries whatever the archive holds, from an index:

- my drafts: stories I created with changes not yet published, neither scheduled nor in review (a partial
  index of the pages that have unpublished changes, by owner: drafts are few, the archive is not);
- awaiting my review: stories in a workflow task I can approve (the in-progress task states, a partial index);
- scheduled: approved revisions waiting for their go-live time (Wagtail's index on ``approved_go_live_at``);
- published today: first published since the edition's midnight (the articles' ``published_at`` index);
- overdue: scheduled changes more than a minute past their time (the publishing clock's own report).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import BigIntegerField, CharField, Exists, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Revision, TaskState, WorkflowState

from masthead.desk.editions import Edition
from masthead.news.models import ArticlePage

OVERDUE_GRACE = timedelta(minutes=1)
# The clock's report of overdue changes is read whole; past this many, the desk has bigger news than a list.
OVERDUE_CAP = 500


@dataclass(frozen=True)
class Filter:
    """What a list is narrowed to: one section, or the sections of one edition, or everything."""

    section_id: int | None = None
    section_ids: tuple[int, ...] | None = None  # an edition's sections: a short literal list, as web/snapshot.py explains

    def apply(self, stories):
        if self.section_id is not None:
            stories = stories.filter(section_id=self.section_id)
        if self.section_ids is not None:
            stories = stories.filter(section_id__in=self.section_ids)
        return stories

    @property
    def narrowed(self) -> bool:
        return self.section_id is not None or self.section_ids is not None


@dataclass
class Row:
    """One story on a list, with what the list says about it."""

    story: ArticlePage
    when: datetime | None = None  # last edited, submitted, going live, published, due
    note: str = ""  # the workflow task, "publish"/"unpublish"…

    @property
    def overdue_by(self) -> timedelta | None:
        if self.when is None:
            return None
        late = timezone.now() - self.when
        return late if late > timedelta(0) else None


def _stories():
    # Everything a row shows: its section's title for the filter column, no more.
    return ArticlePage.objects.select_related("section").only(
        "pk",
        "title",
        "draft_title",
        "live",
        "has_unpublished_changes",
        "latest_revision_created_at",
        "first_published_at",
        "published_at",
        "url_path",
        "section__title",
        "owner_id",
        "translation_key",  # which stories have a translation (masthead/translation/listing.py)
    )


def my_drafts(user, where: Filter, offset: int, limit: int) -> list[Row]:
    """Stories I created with changes not yet published, last edited first: not those scheduled or in review,
    which have lists of their own (a story sent back with changes requested is a draft again)."""
    story_key = Cast(OuterRef("pk"), output_field=CharField())
    is_scheduled = Revision.page_revisions.filter(object_id=story_key, approved_go_live_at__isnull=False)
    in_review = WorkflowState.objects.filter(
        base_content_type=_page_type(), object_id=story_key, status=WorkflowState.STATUS_IN_PROGRESS
    )
    stories = _stories().filter(owner=user, has_unpublished_changes=True).exclude(Exists(is_scheduled)).exclude(Exists(in_review))
    stories = where.apply(stories)
    stories = stories.order_by("-latest_revision_created_at", "-pk")[offset : offset + limit]
    return [Row(story, story.latest_revision_created_at) for story in stories]


def awaiting_review(user, where: Filter, offset: int, limit: int) -> list[Row]:
    """Stories waiting in a workflow task that ``user`` can approve or reject, least recently edited first."""
    states = TaskState.objects.reviewable_by(user).filter(
        status=TaskState.STATUS_IN_PROGRESS, workflow_state__base_content_type=_page_type()
    )
    # Read from the (few) task states in progress to the stories, never the other way round: a workflow
    # state names its object by a text id, cast here so the database can look each story up by key.
    waiting = states.annotate(story_id=Cast("workflow_state__object_id", output_field=BigIntegerField())).values("story_id")
    stories = where.apply(_stories().filter(pk__in=Subquery(waiting)))
    stories = list(stories.order_by("latest_revision_created_at", "pk")[offset : offset + limit])
    if not stories:
        return []
    tasks = {
        int(object_id): (task, started)
        for object_id, task, started in states.filter(workflow_state__object_id__in=[str(s.pk) for s in stories]).values_list(
            "workflow_state__object_id", "task__name", "started_at"
        )
    }
    rows = []
    for story in stories:
        task, started = tasks.get(story.pk, ("", None))
        rows.append(Row(story, started, task))
    return rows


def scheduled(where: Filter, offset: int, limit: int) -> list[Row]:
    """Stories approved to go live at a set time, soonest first (overdue ones included, at the top)."""
    revisions = Revision.page_revisions.filter(approved_go_live_at__isnull=False)
    if where.narrowed:
        revisions = revisions.filter(
            Exists(where.apply(ArticlePage.objects.filter(pk=Cast(OuterRef("object_id"), output_field=BigIntegerField()))))
        )
    else:
        revisions = revisions.filter(content_type=_article_type())
    due = list(
        revisions.order_by("approved_go_live_at", "pk").values_list("object_id", "approved_go_live_at")[offset : offset + limit]
    )
    stories = {story.pk: story for story in _stories().filter(pk__in=[int(object_id) for object_id, _ in due])}
    return [Row(stories[int(object_id)], at) for object_id, at in due if int(object_id) in stories]


def published_today(edition: Edition | None, where: Filter, offset: int, limit: int, now: datetime | None = None) -> list[Row]:
    """Stories first published since midnight in the edition's time zone, newest first."""
    since = (
        edition.start_of_today(now)
        if edition is not None
        else timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    )
    stories = where.apply(_stories().filter(live=True, published_at__gte=since))
    stories = stories.order_by("-published_at", "-pk")[offset : offset + limit]
    return [Row(story, story.published_at) for story in stories]


def overdue(where: Filter, offset: int, limit: int, now: datetime | None = None) -> list[Row]:
    """Scheduled publishes and unpublishes more than a minute past their time, most overdue first."""
    from masthead.schedule import clock

    late = clock.overdue(now or timezone.now(), OVERDUE_GRACE, limit=OVERDUE_CAP)
    stories = {story.pk: story for story in where.apply(_stories().filter(pk__in=[item.page_id for item in late]))}
    rows = [Row(stories[item.page_id], item.due_at, item.action) for item in late if item.page_id in stories]
    return rows[offset : offset + limit]


def _article_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(ArticlePage)


def _page_type():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    return ContentType.objects.get_for_model(Page)
