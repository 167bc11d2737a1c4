"""The desk's lists: each story in the list it belongs to, in order, filtered, in a constant number of queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Revision

from masthead.desk import editions, lists
from masthead.desk.lists import Filter

EVERYTHING = Filter()


def titles(rows) -> list[str]:
    return [row.story.title for row in rows]


def test_my_drafts_are_my_stories_with_unpublished_changes_last_edited_first(editor, django_user_model, file_story):
    other = django_user_model.objects.create_user("reporter", "r@example.org", "not-a-real-password")
    first = file_story(user=editor, title="First draft")
    second = file_story(user=editor, title="Second draft")
    file_story(user=other, title="Someone else's draft")
    file_story(user=editor, title="Published already", publish=True)
    file_story(user=editor, title="Scheduled already", go_live_in=timedelta(hours=1))  # on the scheduled list instead
    assert titles(lists.my_drafts(editor, EVERYTHING, 0, 10)) == ["Second draft", "First draft"]
    first.save_revision(user=editor)  # edited again: back to the top
    assert titles(lists.my_drafts(editor, EVERYTHING, 0, 10)) == ["First draft", "Second draft"]
    assert titles(lists.my_drafts(editor, EVERYTHING, 1, 10)) == ["Second draft"]
    assert second.pk  # used


def test_lists_filter_by_section_and_edition(editor, edition, file_story):
    file_story("world", user=editor, title="World draft")
    file_story("business", user=editor, title="Business draft")
    world = Filter(section_id=edition.sections["world"].pk)
    assert titles(lists.my_drafts(editor, world, 0, 10)) == ["World draft"]
    in_edition = Filter(section_ids=tuple(s.pk for s in edition.sections.values()))
    assert sorted(titles(lists.my_drafts(editor, in_edition, 0, 10))) == ["Business draft", "World draft"]
    assert titles(lists.my_drafts(editor, Filter(section_ids=()), 0, 10)) == []


def test_scheduled_lists_approved_go_live_times_soonest_first(editor, edition, file_story):
    later = file_story(user=editor, title="Later", go_live_in=timedelta(hours=3))
    sooner = file_story(user=editor, title="Sooner", go_live_in=timedelta(minutes=30))
    file_story(user=editor, title="Just a draft")
    rows = lists.scheduled(EVERYTHING, 0, 10)
    assert titles(rows) == ["Sooner", "Later"]
    assert (
        rows[0].when
        == Revision.page_revisions.get(object_id=str(sooner.pk), approved_go_live_at__isnull=False).approved_go_live_at
    )
    assert titles(lists.scheduled(Filter(section_id=edition.sections["business"].pk), 0, 10)) == []
    assert titles(lists.scheduled(Filter(section_id=edition.sections["world"].pk), 0, 10)) == ["Sooner", "Later"]
    assert later.pk


def test_overdue_lists_scheduled_stories_more_than_a_minute_late(editor, file_story):
    late = file_story(user=editor, title="Late", go_live_in=timedelta(hours=1))
    file_story(user=editor, title="On time", go_live_in=timedelta(hours=2))
    Revision.page_revisions.filter(object_id=str(late.pk), approved_go_live_at__isnull=False).update(
        approved_go_live_at=timezone.now() - timedelta(minutes=5)
    )
    rows = lists.overdue(EVERYTHING, 0, 10)
    assert titles(rows) == ["Late"]
    assert rows[0].overdue_by > timedelta(minutes=4)
    # Thirty seconds late is within the clock's grace: not yet overdue.
    Revision.page_revisions.filter(object_id=str(late.pk), approved_go_live_at__isnull=False).update(
        approved_go_live_at=timezone.now() - timedelta(seconds=30)
    )
    assert titles(lists.overdue(EVERYTHING, 0, 10)) == []


def test_published_today_starts_at_the_editions_midnight(editor, edition, file_story):
    from masthead.news.models import ArticlePage

    edition_now = editions.default_edition()
    assert edition_now.time_zone == "Asia/Karachi"
    story = file_story(user=editor, title="Today's", publish=True)
    yesterday = file_story(user=editor, title="Yesterday's", publish=True)
    midnight = edition_now.start_of_today()
    # One minute before Karachi's midnight is yesterday, though it is still the same UTC day for five hours.
    ArticlePage.objects.filter(pk=yesterday.pk).update(published_at=midnight - timedelta(minutes=1))
    ArticlePage.objects.filter(pk=story.pk).update(published_at=midnight + timedelta(minutes=1))
    assert titles(lists.published_today(edition_now, EVERYTHING, 0, 10)) == ["Today's"]


def test_awaiting_review_lists_stories_in_a_task_i_can_act_on(editor, django_user_model, file_story):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    reviewers = Group.objects.create(name="Desk reviewers")
    task = GroupApprovalTask.objects.create(name="Sub-editor review")
    task.groups.set([reviewers])
    workflow = Workflow.objects.create(name="Review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    reporter = django_user_model.objects.create_user("reporter", "r@example.org", "not-a-real-password")
    sub = django_user_model.objects.create_user("sub", "s@example.org", "not-a-real-password")
    outsider = django_user_model.objects.create_user("outsider", "o@example.org", "not-a-real-password")
    sub.groups.add(reviewers)
    submitted = file_story(user=reporter, title="Submitted")
    file_story(user=reporter, title="Not submitted")
    workflow.start(submitted, reporter)

    rows = lists.awaiting_review(sub, EVERYTHING, 0, 10)
    assert titles(rows) == ["Submitted"]
    assert rows[0].note == "Sub-editor review"
    assert titles(lists.awaiting_review(editor, EVERYTHING, 0, 10)) == ["Submitted"]  # a superuser can act on any task
    assert lists.awaiting_review(outsider, EVERYTHING, 0, 10) == []
    assert titles(lists.my_drafts(reporter, EVERYTHING, 0, 10)) == ["Not submitted"]  # in review: not a draft


@pytest.mark.parametrize("how_many", [3, 12])
def test_each_list_reads_a_constant_number_of_queries(editor, file_story, django_assert_max_num_queries, how_many):
    for n in range(how_many):
        file_story(user=editor, title=f"Draft {n}")
        file_story(user=editor, title=f"Scheduled {n}", go_live_in=timedelta(hours=n + 1))
        file_story(user=editor, title=f"Published {n}", publish=True)
    edition = editions.default_edition()
    with django_assert_max_num_queries(1):
        assert len(lists.my_drafts(editor, EVERYTHING, 0, 50)) == how_many
    with django_assert_max_num_queries(3):
        assert len(lists.scheduled(EVERYTHING, 0, 50)) == how_many
    with django_assert_max_num_queries(1):
        assert len(lists.published_today(edition, EVERYTHING, 0, 50)) == how_many
    with django_assert_max_num_queries(3):
        lists.overdue(EVERYTHING, 0, 50)
