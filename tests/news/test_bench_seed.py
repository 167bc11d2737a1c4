"""bench_seed: synthetic archives that behave like real ones for the scale benchmarks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


@pytest.mark.django_db
def test_seeded_stories_are_live_listed_tagged_and_searchable(client, monkeypatch):
    from masthead.news import positions
    from masthead.news.bench_seed import seed
    from masthead.news.models import ArticlePage, ArticleTag, SectionAnchor
    from masthead.search.engine import newest_matches

    monkeypatch.setattr(positions, "SPACING", 5)

    assert seed(60, per_day=30, batch=25) == 60
    stories = ArticlePage.objects.live()
    assert stories.count() == 60
    newest, oldest = stories.order_by("-published_at")[0].published_at, stories.order_by("published_at")[0].published_at
    assert newest - oldest <= timedelta(days=2)  # 60 stories at 30 a day
    # Listing columns and tag dates are what ArticlePage.save() and ArticleTag.save() would have written.
    for story in stories[:10]:
        assert story.section_id is not None and story.published_at == story.first_published_at
        assert story.folder_id == story.get_parent().pk
        assert set(ArticleTag.objects.filter(content_object_id=story.pk).values_list("published_at", flat=True)) == {
            story.published_at
        }
    # A second run goes further back in time, under the same sections.
    seed(30, per_day=30, batch=25)
    assert ArticlePage.objects.filter(published_at__lt=oldest).count() == 30
    # Deep pages are read from anchors: they must count the older stories too.
    for section_id in set(stories.values_list("section", flat=True)):
        derived = [(position, pk) for position, _, pk in positions.anchors_of(positions.listed_in(section_id))]
        assert len(derived) >= 2
        assert (
            list(SectionAnchor.objects.filter(section_id=section_id).order_by("position").values_list("position", "story_pk"))
            == derived
        )
    story = stories.order_by("?").first()
    assert client.get(story.url, HTTP_HOST="localhost").status_code == 200
    word = story.title.split()[0]
    assert story.pk in newest_matches(word.lower(), limit=1000)
    # Bodies were read once per story while indexing; the field is itself again afterwards.
    assert "get_searchable_content" not in vars(ArticlePage._meta.get_field("body"))
    body_word = story.body[0].value.source.split()[3].strip(".").lower()
    assert story.pk in newest_matches(body_word, limit=1000)


@pytest.mark.django_db
def test_the_command_refuses_nonsense():
    with pytest.raises(CommandError):
        call_command("bench_seed", "--articles", "0")
    with pytest.raises(CommandError):
        call_command("bench_seed", "--articles", "5", "--per-day", "0")
