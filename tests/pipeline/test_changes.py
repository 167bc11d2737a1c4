"""The story-change pipeline: its fixed order, its task written in the change's own transaction, its timeline."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django_tasks_db.models import DBTaskResult
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from masthead.api.models import ArticleChange
from masthead.pipeline import backends
from masthead.schedule.models import StoryEvent

EFFECTS = "masthead.pipeline.tasks.apply_effects"
# Real commits (the point of these tests); the locales the migrations made come back after each.
COMMITS = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def effects_tasks():
    return DBTaskResult.objects.filter(task_path=EFFECTS)


def kinds(story) -> list[str]:
    return list(StoryEvent.objects.filter(page_id=story.pk).order_by("at", "pk").values_list("kind", flat=True))


class Rollback(Exception):
    pass


@COMMITS
def test_a_change_that_rolls_back_leaves_no_task_and_one_that_commits_leaves_its_task(make_story):
    story = make_story("world", title="Harbour dredging begins")
    before = effects_tasks().count()
    with backends.held():
        with pytest.raises(Rollback):
            with transaction.atomic():
                story.title = "Harbour dredging halted"
                story.save_revision().publish()
                assert effects_tasks().count() == before + 1  # written inside the transaction, with the change
                raise Rollback
        assert effects_tasks().count() == before
        assert ArticleChange.objects.get(article_id=story.pk).url_path == story.url_path
        assert kinds(story).count("published") == 1  # only the first publish's

        story = type(story).objects.get(pk=story.pk)  # the rolled-back revision is gone
        with transaction.atomic():
            story.title = "Harbour dredging halted"
            story.save_revision().publish()
    task = effects_tasks().order_by("-enqueued_at").first()
    assert effects_tasks().count() == before + 1 and task.status == "READY"
    purge = task.args_kwargs["kwargs"]["purge"]
    assert {"/", story.url, "/world/", f"/api/v1/articles/{story.pk}"} <= set(purge["paths"]["testserver"])
    assert task.args_kwargs["kwargs"]["published"] == [story.pk]
    assert kinds(story).count("published") == 2 and kinds(story)[-1] == "api_change"


@COMMITS
def test_a_change_runs_its_effects_in_the_documented_order(make_story, monkeypatch):
    from masthead.api import changelog
    from masthead.news import upkeep
    from masthead.pagecache import effects
    from masthead.pagecache import purge as purges
    from masthead.pipeline import alerts, tasks

    story = make_story("world", title="Harbour dredging begins")
    calls: list[str] = []

    def spy(module, name, label):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls.append(label)
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    spy(upkeep, "place_saved_story", "positions")
    spy(changelog, "record", "api change log")
    spy(purges, "for_article", "purge set")
    spy(tasks, "enqueue_effects", "enqueued")
    spy(effects, "purge_files", "purge")
    spy(effects, "warm", "warm renders")
    spy(effects, "purge_cdn", "cdn purge")
    spy(alerts, "send", "alerts")
    with transaction.atomic():
        story.title = "Harbour dredging halted"
        story.save_revision().publish()
        assert calls[-1] == "enqueued"  # nothing of the rest before the commit
    ordered = ["positions", "api change log", "purge set", "enqueued", "purge", "warm renders", "cdn purge", "alerts"]
    # In this order (the revision's saves may check positions more than once before the publish).
    assert sorted(set(calls), key=calls.index) == ordered, calls
    assert calls[calls.index("api change log") :] == ordered[1:], calls


@COMMITS
def test_the_timeline_records_each_change_and_its_effects(make_story):
    story = make_story("world", title="Harbour dredging begins")
    assert kinds(story) == ["published", "api_change", "purged"]
    story.unpublish()
    assert kinds(story)[-3:] == ["unpublished", "api_change", "purged"]
    purged = StoryEvent.objects.filter(page_id=story.pk, kind="purged").last()
    assert "testserver/" in purged.detail["urls"]
    story_id = story.pk
    story.delete()
    assert "deleted" in list(StoryEvent.objects.filter(page_id=story_id).values_list("kind", flat=True))
    assert ArticleChange.objects.get(article_id=story_id).reason == "deleted"


@COMMITS
def test_a_move_purges_the_old_address_and_says_where_it_went(make_story, edition):
    story = make_story("world", title="Harbour dredging begins")
    old_url = story.url
    with backends.held():
        with transaction.atomic():
            story.move(edition.sections["business"].get_children().first() or edition.sections["business"], pos="last-child")
    task = effects_tasks().order_by("-enqueued_at").first()
    paths = set(task.args_kwargs["kwargs"]["purge"]["paths"]["testserver"])
    story.refresh_from_db()
    assert old_url in paths and story.url in paths and "/world/" in paths and "/business/" in paths
    moved = StoryEvent.objects.filter(page_id=story.pk, kind="moved").get()
    assert moved.detail["from"].endswith(old_url) and moved.detail["to"] == story.url_path


def test_every_receiver_is_connected_once_with_a_sender():
    """Nothing of masthead listens to every model's saves or deletes."""
    from django.dispatch.dispatcher import NONE_ID

    for signal in (post_save, pre_delete, post_delete, page_published, page_unpublished, page_slug_changed, post_page_move):
        ours = []
        for lookup_key, receiver, *_ in signal.receivers:
            function = receiver() if callable(receiver) and not hasattr(receiver, "__module__") else receiver
            function = getattr(function, "__func__", function)
            if getattr(function, "__module__", "").startswith("masthead."):
                ours.append((lookup_key, function))
        for (_uid, sender_key), function in ours:
            assert sender_key != NONE_ID, f"{function.__module__}.{function.__name__} listens without a sender"
        assert len(ours) == len({key for key, _ in ours})
    assert any(key[0].startswith("pipeline.story_deleted") for key, *_ in pre_delete.receivers if isinstance(key[0], str))
