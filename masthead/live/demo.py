"""The demo's live story: a dozen entries over an afternoon, two key events, one pinned. Invented, and says so."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction

from masthead.live import rendering
from masthead.live.models import LiveCoverage, LiveEntry

TITLE = "Harbour storm in Port Casimir: live updates"
STANDFIRST = (
    "Rolling coverage of the storm over the invented port city of Port Casimir. Demo content: the places and people are invented."
)
# (minutes after the start, author, title, text, key event, pinned)
ENTRIES = (
    (
        0,
        "Sana Mirza",
        "",
        "We are following the storm as it reaches Port Casimir. This page updates by itself; the newest entries are at the top.",
        False,
        True,
    ),
    (
        9,
        "Sana Mirza",
        "",
        "Wind gusts of 90 km/h measured at the harbour master's office, according to the (invented) coastal weather service.",
        False,
        False,
    ),
    (
        17,
        "Omar Haider",
        "",
        "Ferries to the Tessarine Islands are suspended for the rest of the day.\n\nPassengers are asked to keep their tickets for tomorrow's sailings.",
        False,
        False,
    ),
    (
        26,
        "Omar Haider",
        "Harbour closed to all shipping",
        "The port authority has closed the harbour to all shipping until further notice.\n\nIt is the first full closure since the demo began.",
        True,
        False,
    ),
    (34, "Sana Mirza", "", "Schools in the old town will close at noon, the city council said.", False, False),
    (
        41,
        "Sana Mirza",
        "",
        "Readers are sending pictures of waves over the sea wall on Lantern Quay. Please keep away from the front.",
        False,
        False,
    ),
    (
        55,
        "Omar Haider",
        "",
        "Power cuts are reported in three districts. The utility says crews are ready to go out once the wind drops.",
        False,
        False,
    ),
    (
        63,
        "Sana Mirza",
        "",
        "The mayor's office has opened two shelters, at the central library and the covered market.",
        False,
        False,
    ),
    (
        78,
        "Omar Haider",
        "Sea wall holds at high tide",
        "High tide passed at 14:20 without the sea wall giving way, engineers said.\n\nWater reached the top of the steps on Lantern Quay.",
        True,
        False,
    ),
    (86, "Sana Mirza", "", "Trains between Port Casimir and the capital are running with delays of up to an hour.", False, False),
    (97, "Omar Haider", "", "The weather service expects the wind to ease by evening.", False, False),
    (
        104,
        "Sana Mirza",
        "",
        "That is where we leave the demo's story for now; entries an editor posts from the admin appear above.",
        False,
        False,
    ),
)


PICTURE_CAPTION = "Waves over the sea wall of the invented Port Casimir, drawn for the demo."


def _picture():
    """A drawn picture, like every demo story's: a live story is read first on phones, and leads with one."""
    from io import BytesIO

    from django.core.files.images import ImageFile

    from masthead.demo import content
    from masthead.demo.pictures import draw
    from masthead.images.models import Picture

    picture = Picture(title=PICTURE_CAPTION, credit=content.CREDIT, description=PICTURE_CAPTION)
    picture.file = ImageFile(BytesIO(draw(content.PictureSpec("waves", "monsoon", "Port Casimir"))), name="demo-live-storm.jpg")
    picture.save()
    return picture


@transaction.atomic
def add_live_story(section, now) -> None:
    """File the live story, start its coverage two hours ago and post its entries (authors by name: no logins needed)."""
    from masthead.news import services

    draft = services.StoryDraft(
        title=TITLE,
        standfirst=STANDFIRST,
        dateline="Port Casimir",
        paragraphs=["<p>The storm reached the coast this morning. This page follows it as it happens.</p>"],
        tags=["storm", "port-casimir"],
        hero_image=_picture(),
        hero_caption=PICTURE_CAPTION,
    )
    started = now - timedelta(hours=2)
    story = services.file_story(section, draft, publish=True, published_at=started)
    LiveCoverage.objects.create(story=story, started_at=started)
    for minutes, author, title, text, key_event, pinned in ENTRIES:
        entry = LiveEntry(
            story=story,
            posted_at=started + timedelta(minutes=minutes),
            author_name=author,
            title=title,
            body=rendering.body_from(text),
            key_event=key_event,
            pinned=pinned,
        )
        rendering.render(entry)
        entry.save()
