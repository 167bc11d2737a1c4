import pytest

from masthead.news.rendering import read_more_position, render_body
from tests.conftest import paragraphs


@pytest.mark.parametrize(
    ("count", "position"),
    [(0, 0), (1, 1), (2, 2), (3, 2), (4, 2), (5, 3), (12, 3)],
)
def test_read_more_goes_after_the_second_or_third_paragraph(count, position):
    assert read_more_position(count) == position


def test_dateline_leads_the_first_paragraph_in_capitals(make_story):
    story = make_story(dateline="Moscow")
    body = render_body(story)
    assert body.parts[0].startswith("<p data-block-key") or body.parts[0].startswith("<p")
    assert '<span class="dateline">MOSCOW:</span> Paragraph 1' in body.parts[0]
    assert "MOSCOW" not in "".join(body.parts[1:])


def test_dateline_is_escaped(make_story):
    story = make_story(dateline="<script>x</script>")
    assert "<script>" not in render_body(story).parts[0]


def test_story_without_dateline_has_none(make_story):
    assert "dateline" not in "".join(render_body(make_story(dateline="")).parts)


def test_one_rich_text_block_with_many_paragraphs_is_split(make_story):
    from wagtail.rich_text import RichText

    story = make_story(paragraphs=[])
    story.body = [("paragraph", RichText("".join(paragraphs(6))))]
    body = render_body(story)
    assert len(body.parts) == 6
    assert body.read_more_after == 2


def test_images_are_left_out_of_the_lite_body(make_story):
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.rich_text import RichText

    from masthead.images.models import Picture

    picture = Picture.objects.create(title="Harbour", file=get_test_image_file())
    story = make_story(paragraphs=[])
    story.body = [
        ("paragraph", RichText(paragraphs(1)[0])),
        ("image", {"image": picture, "caption": "The harbour at dawn", "alt": ""}),
        ("paragraph", RichText(paragraphs(1)[0])),
    ]
    full, lite = render_body(story), render_body(story, lite=True)
    assert any("<img" in part for part in full.parts)
    assert not any("<img" in part for part in lite.parts)
    assert len(lite.parts) == 2


def test_body_pictures_come_in_modern_formats_at_the_story_width(make_story):
    from wagtail.images.tests.utils import get_test_image_file_jpeg

    from masthead.images.models import Picture
    from masthead.images.responsive import MODERN_FORMATS, STORY_SIZES

    picture = Picture.objects.create(title="Harbour", file=get_test_image_file_jpeg(size=(1000, 1500)))
    story = make_story(paragraphs=[])
    story.body = [("image", {"image": picture, "caption": "The harbour at dawn", "alt": ""})]
    figure = render_body(story).parts[0]
    for image_format in MODERN_FORMATS:
        assert f'<source type="image/{image_format}" srcset=' in figure
    assert f'sizes="{STORY_SIZES}"' in figure and 'alt="The harbour at dawn"' in figure
    assert ".width-800.format-webp.webp 800w" in figure and "1200w" not in figure  # the original is 1000 wide
