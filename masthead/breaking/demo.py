"""The demo's breaking story: marked for half an hour from each start of the demo, so its banner is seen, then seen to go.

``load_demo`` leaves an existing demo as it is; this runs on every start
(``load_demo`` is wrapped below), so a demo started again the next day shows
the banner again rather than a long-ended one. A banner still running from
a start minutes ago is left alone, not stretched.
"""

from __future__ import annotations

from datetime import timedelta
from functools import wraps

from django.utils import timezone

DEMO_STORY_KEY = "sorva-treaty-talks"
DEMO_DURATION = timedelta(minutes=30)


def keeps_a_breaking_story(load_demo):
    @wraps(load_demo)
    def load_and_mark(*args, **kwargs):
        result = load_demo(*args, **kwargs)
        mark_demo_story()
        return result

    return load_and_mark


def mark_demo_story(now=None):
    """Mark the demo's story breaking until half an hour from now, unless the demo edition already has one running."""
    from masthead.breaking import services
    from masthead.breaking.models import BreakingStory
    from masthead.demo import content
    from masthead.news.models import ArticlePage, HomePage

    now = now or timezone.now()
    home = HomePage.objects.filter(title=content.SITE_NAME).first()
    spec = next((spec for spec in content.STORIES if spec.key == DEMO_STORY_KEY), None)
    if home is None or spec is None:
        return None
    running = BreakingStory.objects.current(now).filter(home=home).first()
    if running is not None:
        return running
    story = ArticlePage.objects.live().descendant_of(home).filter(title=spec.title).first()
    if story is None:
        return None  # an editor has taken the story down: the demo does not put it back up
    return services.mark(story, ends_at=now + DEMO_DURATION, now=now)
