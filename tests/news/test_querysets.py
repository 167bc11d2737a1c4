from masthead.news import querysets


def _related(story):
    story.refresh_from_db()
    return querysets.related_story(story, [tag.pk for tag in story.tags.all()])


def test_editor_pick_wins(make_story):
    picked = make_story(title="Picked by the editor", days_ago=30)
    make_story(title="Shares every tag", tags=["floods", "sindh"])
    story = make_story(tags=["floods", "sindh"], related_article=picked)
    assert _related(story) == picked


def test_unpublished_editor_pick_is_replaced_automatically(make_story):
    picked = make_story(title="Later withdrawn")
    other = make_story(title="Still live", tags=["floods"])
    story = make_story(tags=["floods"], related_article=picked)
    picked.unpublish()
    assert _related(story) == other


def test_more_shared_tags_beat_recency(make_story):
    two_tags = make_story(title="Two shared tags", tags=["floods", "sindh"], days_ago=20)
    make_story(title="One shared tag", tags=["floods"], days_ago=1)
    story = make_story(tags=["floods", "sindh"])
    assert _related(story) == two_tags


def test_same_section_beats_other_sections_on_a_tie(make_story):
    make_story("business", title="Other section, newer", days_ago=1)
    same = make_story("world", title="Same section, older", days_ago=5)
    story = make_story("world")
    assert _related(story) == same


def test_never_links_to_itself_or_to_drafts(make_story):
    make_story(title="A draft", publish=False, tags=["floods"])
    story = make_story(tags=["floods"])
    assert _related(story) is None


def test_never_links_to_an_unpublished_story(make_story):
    gone = make_story(title="Unpublished", tags=["floods"])
    gone.unpublish()
    story = make_story(tags=["floods"])
    assert _related(story) is None


def test_stories_from_years_apart_are_not_related(make_story):
    make_story(title="Long ago", days_ago=900, tags=["floods"])
    story = make_story(tags=["floods"])
    assert _related(story) is None


def test_front_page_lead_latest_and_sections(make_story, edition):
    stories = [
        make_story(section, days_ago=n) for n, section in enumerate(["world", "pakistan", "business", "world", "pakistan"])
    ]
    context = querysets.front_page(edition.home, request=None)
    assert context["lead"] == stories[0]
    assert stories[0] not in context["latest"]
    assert [s.title for s in context["latest"]] == [s.title for s in stories[1:]]
    sections = {section.slug: items for section, items in context["top_by_section"]}
    assert sections["world"] == [stories[3]]
    assert sections["pakistan"] == [stories[1], stories[4]]


def test_front_page_editor_lead(make_story, edition):
    old = make_story(days_ago=10)
    make_story()
    from masthead.curation.models import HomeSlot

    edition.home.front_slots = [HomeSlot(story=old)]
    edition.home.save()
    assert querysets.front_page(edition.home, request=None)["lead"] == old


def test_section_listing_is_newest_first_and_only_live(make_story, edition):
    older = make_story(days_ago=2)
    newer = make_story(days_ago=1)
    make_story(publish=False)
    make_story("business")
    assert list(querysets.section_stories(edition.sections["world"])) == [newer, older]


def test_tag_rows_carry_their_story_publication_date(make_story, edition):
    from masthead.news.models import ArticlePage, ArticleTag

    draft = make_story(tags=["floods", "sindh"], publish=False)
    assert set(ArticleTag.objects.filter(content_object_id=draft.pk).values_list("published_at", flat=True)) == {None}
    page = ArticlePage.objects.get(pk=draft.pk)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.published_at is not None
    assert set(ArticleTag.objects.filter(content_object_id=page.pk).values_list("published_at", flat=True)) == {page.published_at}


def test_tag_listing_is_newest_first_by_publication(client, make_story):
    from masthead.news.models import ArticlePage

    older = make_story(title="Filed first, published later", tags=["floods"], publish=False)
    make_story(title="Published yesterday", tags=["floods"], days_ago=1)
    ArticlePage.objects.get(pk=older.pk).save_revision().publish()
    html = client.get("/tags/floods/").content.decode()
    assert html.index("Filed first, published later") < html.index("Published yesterday")
