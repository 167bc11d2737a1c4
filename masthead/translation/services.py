"""Translating a page of an edition into another edition's language, with whatever it needs above it.

Built on Wagtail's ``CopyPageForTranslationAction`` (what wagtail.contrib.simple_translation's "Translate"
runs), which refuses a page whose parent has no translation yet: translating one story into Urdu took four
forms (home, section, year, story). Here the story's section and year folder are made in the target
edition as translations of the source's (same ``translation_key``, so the locale switcher and hreflang pair
them), under the home of the edition in that language.

The containers are published, as ``news.services.year_folder_for`` publishes a year folder: an unpublished
section would hide the story from readers once it is published, whatever the editor does. A new section is
kept out of the edition's menu (``show_in_menus`` off) until an editor translates its title and shows it:
it holds no live story, so readers see nothing of it until a translation is published. The story itself is
a draft: its revision is saved, it is not live, and its owner is the translator (it is on their desk).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from masthead.news.models import ArchiveYearPage, HomePage, SectionPage
from masthead.news.services import lock_for_publishing

EDITION_DEPTH = 2  # an edition's home sits right under the tree's root

# Page permissions that make someone staff of an edition: they may read its pages in the admin to translate them.
STAFF_ACTIONS = {"add", "change", "publish"}


class TranslationRefused(Exception):
    """The translation cannot be made; the message says why, in words an editor can act on."""


@dataclass
class Translation:
    page: Page
    created_parents: list[Page] = field(default_factory=list)


def in_story_tree(page: Page) -> bool:
    """Pages below an edition's home: sections, year folders, stories. Homes are editions, made with a Site."""
    return page.depth > EDITION_DEPTH


def edition_homes(source_home: Page, locales) -> dict[int, HomePage | None]:
    """The home of the edition in each locale that a translation of ``source_home``'s pages belongs under.

    A home that is a translation of the source's home (same ``translation_key``) wins; else the one home of
    that language that a Site serves. None where there is no such edition, or several and none is linked.
    One query.
    """
    wanted = {locale.pk for locale in locales}
    found: dict[int, list[HomePage]] = {locale_id: [] for locale_id in wanted}
    linked: dict[int, HomePage] = {}
    homes = HomePage.objects.filter(depth=EDITION_DEPTH, locale_id__in=wanted).exclude(pk=source_home.pk)
    for home in homes.filter(sites_rooted_here__isnull=False).distinct().order_by("path").select_related("locale"):
        found[home.locale_id].append(home)
        if home.translation_key == source_home.translation_key:
            linked[home.locale_id] = home
    return {locale_id: linked.get(locale_id) or (homes[0] if len(homes) == 1 else None) for locale_id, homes in found.items()}


def missing_edition_message(locale: Locale) -> str:
    name = locale.get_display_name()
    return (
        f"There is no {name} edition to put this translation in: add a Site whose home page is in {name} "
        "(Settings → Sites) first. Nothing was created."
    )


def can_translate(user, page: Page) -> bool:
    """Staff of the source's edition may translate its pages (a reporter translates stories they did not write)."""
    if not user.has_perm("simple_translation.submit_translation"):
        return False
    return PagePermissionPolicy().user_has_any_permission_for_instance(user, STAFF_ACTIONS, page)


@transaction.atomic
def translate(page: Page, locale: Locale, *, user=None) -> Translation:
    """``page`` copied into ``locale`` as a draft, under its section and year folder in that language's edition.

    Missing parents are created first, as translations of the source's. Raises TranslationRefused (nothing
    is written) when the page already has a translation in ``locale`` or no edition speaks it, and
    PermissionDenied when ``user`` may not add pages to that edition.
    """
    page = page.specific
    if not in_story_tree(page):
        raise TranslationRefused("An edition's home page is translated by making an edition in that language (Settings → Sites).")
    if Page.objects.filter(translation_key=page.translation_key, locale=locale).exists():
        raise TranslationRefused(f"‘{page.get_admin_display_title()}’ already has a {locale.get_display_name()} translation.")
    source_home = page.get_ancestors().get(depth=EDITION_DEPTH)
    home = edition_homes(source_home, [locale])[locale.pk]
    if home is None:
        raise TranslationRefused(missing_edition_message(locale))
    if user is not None and not home.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied(f"You may not add pages to the {home.title} edition.")

    lock_for_publishing(home.pk)  # two translators of one section's stories make its translation once
    parent: Page = home
    created = []
    for source_parent in page.get_ancestors().filter(depth__gt=EDITION_DEPTH).specific():
        existing = _translation_under(parent, source_parent, locale)
        if existing is None:
            existing = _translate_container(source_parent, parent, locale, user)
            created.append(existing)
        parent = existing
    action = CopyUnderParent(page, locale, parent=parent, user=user)
    return Translation(page=action.execute(skip_permission_checks=True), created_parents=created)


def _translation_under(parent: Page, source: Page, locale: Locale) -> Page | None:
    children = Page.objects.child_of(parent)
    found = children.filter(translation_key=source.translation_key, locale=locale).first()
    if found is None and isinstance(source, ArchiveYearPage):
        # The section's folder for that year, if a story written in this language made it first (news.services).
        found = children.type(ArchiveYearPage).filter(slug=source.slug).first()
    return found.specific if found is not None else None


def _translate_container(source: Page, parent: Page, locale: Locale, user) -> Page:
    """A section or year folder of the target edition, as a translation of the source's, published."""
    if isinstance(source, SectionPage):
        copy = SectionPage(
            title=source.title,
            slug=find_available_slug(parent, source.slug),
            intro=source.intro,
            stories_on_home=source.stories_on_home,
            show_in_menus=False,  # in the edition's menu only when an editor says so
        )
    elif isinstance(source, ArchiveYearPage):
        copy = ArchiveYearPage(title=f"{parent.title} {source.year}", slug=source.slug, year=source.year, show_in_menus=False)
    else:
        raise TranslationRefused(f"Pages of type {source.specific_class._meta.verbose_name} cannot hold a translation.")
    copy.locale = locale
    copy.translation_key = source.translation_key
    copy.owner = user
    parent.add_child(instance=copy)
    # Published whoever translates, as file_story publishes a new year folder for a reporter's story: a container
    # with no live story in it shows readers nothing, and the story still waits for an editor.
    copy.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    return copy


class CopyUnderParent(CopyPageForTranslationAction):
    """Wagtail's copy for translation, under a parent found here rather than by the parent's translation key.

    The same copy (draft, not live, ``translation_key`` kept, translatable child objects moved to the
    locale, logged as ``wagtail.copy_for_translation``, ``copy_for_translation_done`` sent), but the year
    folder of the target section may be one a story in that language made, with a key of its own.
    """

    def __init__(self, page, locale, *, parent: Page, user=None):
        super().__init__(page, locale, user=user)
        self.parent = parent

    def _copy_for_translation(self, page, locale, copy_parents, alias, exclude_fields):
        def process_child_object(original_page, page_copy, child_relation, child_object):
            if isinstance(child_object, TranslatableMixin):
                child_object.locale = locale

        return page.copy(
            to=self.parent,
            update_attrs={"locale": locale, "slug": find_available_slug(self.parent, page.slug)},
            copy_revisions=False,
            keep_live=False,
            user=self.user,  # the translator owns the draft and its revision: it is on their desk
            reset_translation_key=False,
            process_child_object=process_child_object,
            exclude_fields=exclude_fields,
            log_action="wagtail.copy_for_translation",
        )
