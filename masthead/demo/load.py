"""Loads the demo edition: sections, people, agencies, pictures and stories. Safe to run twice."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from masthead.breaking import demo as breaking_demo
from masthead.corrections import demo as corrections_demo
from masthead.curation.demo import curate_home
from masthead.demo import content, urdu
from masthead.demo.filing import file_stories
from masthead.demo.pictures import draw_share_card
from masthead.images.models import Picture
from masthead.live import demo as live_demo
from masthead.news import services
from masthead.news.models import Agency, AgencyAlias, ArticlePage, Author, HomePage
from masthead.web.models import EditionSettings

DEMO_ADMIN = "admin"
DEMO_STORE_LINKS = {
    "play_store_url": "https://play.google.com/store/apps/details?id=org.example.masthead.demo",
    "app_store_url": "https://apps.apple.com/app/masthead-demo/id0000000000",
}


@dataclass(frozen=True)
class DemoResult:
    created: bool
    stories: int

    @property
    def summary(self) -> str:
        if self.created:
            return f"Demo content loaded: {self.stories} stories in {len(content.SECTIONS)} sections."
        return f"Demo content already present ({self.stories} stories); left as it is."


def remove_wagtail_welcome_page() -> None:
    """A fresh Wagtail install serves a 'Welcome' page; the demo edition replaces it."""
    for page in Page.objects.filter(depth=2).exclude(content_type__model="homepage"):
        Site.objects.filter(root_page=page).delete()
        page.delete()


@transaction.atomic
@breaking_demo.keeps_a_breaking_story  # a breaking banner for half an hour from each start (breaking/demo.py)
@urdu.adds_the_urdu_edition  # the Urdu edition on ur.localhost, translating this one (demo/urdu.py)
def load_demo() -> DemoResult:
    existing = HomePage.objects.filter(title=content.SITE_NAME).first()
    if existing is not None:
        return DemoResult(created=False, stories=ArticlePage.objects.descendant_of(existing).count())

    remove_wagtail_welcome_page()
    site = services.create_edition(name=content.SITE_NAME, hostname="localhost", port=80)
    home = site.root_page.specific
    EditionSettings.objects.update_or_create(
        site=site, defaults={"tagline": content.TAGLINE, "share_picture": _share_card(), **DEMO_STORE_LINKS}
    )

    sections = {
        spec.slug: services.create_section(home, title=spec.title, slug=spec.slug, intro=spec.intro) for spec in content.SECTIONS
    }
    authors = {spec.key: Author.objects.create(name=spec.name, role=spec.role, bio=spec.bio) for spec in content.AUTHORS}
    agencies = {}
    for spec in content.AGENCIES:
        agency = Agency.objects.create(name=spec.name, short_name=spec.short_name)
        AgencyAlias.objects.bulk_create(AgencyAlias(agency=agency, alias=alias) for alias in spec.aliases)
        agencies[spec.key] = agency

    now = timezone.now()
    stories = file_stories(content.STORIES, sections=sections, authors=authors, agencies=agencies, now=now)
    curate_home(home, stories, content.LEAD_STORY, now)
    corrections_demo.add_correction(stories)  # a story with a correction at its foot (corrections/demo.py)
    live_demo.add_live_story(sections["world"], now)  # a live story with a dozen entries (live/demo.py)
    return DemoResult(created=True, stories=len(stories))


def _share_card() -> Picture:
    """The edition's default share picture, for stories without one of their own."""
    image = Picture(title=content.SITE_NAME, description=content.SITE_NAME)
    image.file = ImageFile(BytesIO(draw_share_card(content.SITE_NAME, content.TAGLINE)), name="demo-share-card.jpg")
    image.save()
    return image


def ensure_demo_admin() -> tuple[str, str]:
    """The demo's admin account; its password is made once, kept under var/ and printed each run."""
    path = Path(settings.HOME) / "demo-admin-password.txt"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(12))
        path.chmod(0o600)
    password = path.read_text().strip()
    user, _ = get_user_model().objects.get_or_create(username=DEMO_ADMIN, defaults={"email": "admin@example.org"})
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return DEMO_ADMIN, password


# One account per newsroom role (users/roles.py), so each role can be tried in the admin.
DEMO_STAFF = (
    ("reporter", "Reporters", "Rabia", "Reporter"),
    ("subeditor", "Sub-editors", "Salman", "Sub-editor"),
    ("editor", "Editors", "Erum", "Editor"),
    ("wiredesk", "Wire desk", "Waqas", "Wire"),
    ("administrator", "Administrators", "Amna", "Administrator"),
)


def ensure_demo_staff() -> list[tuple[str, str, str]]:
    """One user per role, passwords made once and kept under var/ as the admin's is: (username, password, role)."""
    from django.contrib.auth.models import Group

    path = Path(settings.HOME) / "demo-staff-passwords.txt"
    known = dict(line.split(" ", 1) for line in path.read_text().splitlines() if " " in line) if path.exists() else {}
    logins = []
    for username, role, first_name, last_name in DEMO_STAFF:
        password = known.get(username) or secrets.token_urlsafe(12)
        known[username] = password
        user, _ = get_user_model().objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "first_name": first_name, "last_name": last_name},
        )
        user.set_password(password)
        user.save()
        group = Group.objects.filter(name=role).first()
        if group is not None:
            user.groups.add(group)
        logins.append((username, password, role))
    path.write_text("".join(f"{name} {password}\n" for name, password in known.items()))
    path.chmod(0o600)
    return logins
