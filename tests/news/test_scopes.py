"""The tag, author and agency listings, defined once: what each finds by a slug, in which edition, and where it lives."""

from __future__ import annotations

from masthead.news import querysets, scopes
from tests.editions import urdu_edition_of


def test_each_scope_names_its_page_and_feeds():
    assert scopes.TAG.paths("floods") == ["/tags/floods/", "/tags/floods/feed/", "/tags/floods/feed/atom/"]
    assert scopes.AUTHOR.paths("sana-qureshi") == [
        "/authors/sana-qureshi/",
        "/authors/sana-qureshi/feed/",
        "/authors/sana-qureshi/feed/atom/",
    ]
    assert scopes.AGENCY.feed_url("interfax") == "/agencies/interfax/feed/"
    assert scopes.BY_PAGE_URL_NAME["web:author"] is scopes.AUTHOR and scopes.BY_KIND["agency"] is scopes.AGENCY


def test_a_slug_finds_the_editions_own_translation_first(edition, author, interfax):
    urdu = urdu_edition_of(edition)
    urdu_author = author.copy_for_translation(urdu.locale)
    urdu_author.save()
    assert urdu_author.slug == author.slug  # unique per locale only

    assert scopes.AUTHOR.find(edition.site, author.slug) == author
    assert scopes.AUTHOR.find(urdu.site, author.slug) == urdu_author
    # Not translated (yet): the byline a translated story kept still leads to its listing.
    assert scopes.AGENCY.find(urdu.site, "interfax") == interfax
    for scope in scopes.SCOPES:
        assert scope.find(edition.site, "no-such-thing") is None


def test_a_scopes_stories_are_the_editions_own(edition, make_story, author, interfax):
    urdu = urdu_edition_of(edition)
    english = make_story(tags=["floods"], authors=[author], agency=interfax)
    original = urdu.file("سیلاب", tags=["floods"], authors=[author], agency=interfax)
    for scope in scopes.SCOPES:
        (slug,) = scope.slugs_of(english)
        assert list(scope.stories(edition.site, scope.find(edition.site, slug))) == [english]
        assert list(scope.stories(urdu.site, scope.find(urdu.site, slug))) == [original]
        assert list(scope.narrow(querysets.site_stories(urdu.site), scope.find(urdu.site, slug))) == [original]
