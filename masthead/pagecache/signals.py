"""What in the content changes which cached pages: wired to Wagtail's and Django's signals."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from masthead.pagecache import purge, worker


def _after_commit(build) -> None:
    # Compute now (the rows may be gone after a delete); purge once the change is visible to readers.
    purge_set = build()
    transaction.on_commit(lambda: worker.enqueue(purge_set))


def on_page_changed(sender, instance, **kwargs) -> None:
    from masthead.news.models import ArchiveYearPage, ArticlePage

    page = instance.specific if type(instance).__name__ == "Page" else instance
    if isinstance(page, ArticlePage):
        before = kwargs.get("url_path_before") or getattr(kwargs.get("instance_before"), "url_path", None)
        _after_commit(lambda: purge.for_article(page, before))
    elif isinstance(page, ArchiveYearPage):
        return
    else:
        _after_commit(lambda: purge.for_edition_of(page))


def on_page_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.live:
        on_page_changed(sender, instance)


def on_edition_setting_saved(sender, instance, created=False, **kwargs) -> None:
    # Rows are created with their defaults on first read (by the very render that warms a page): that shows nothing new.
    if getattr(instance, "site_id", None) and not created:
        _after_commit(lambda: purge.PurgeSet(hosts={instance.site.hostname.lower()}))


def on_snippet_saved(sender, instance, **kwargs) -> None:
    # An author's or agency's name is shown on many stories: purge every edition.
    from wagtail.models import Site

    _after_commit(lambda: purge.PurgeSet(hosts={site.hostname.lower() for site in Site.objects.all()}))


def on_site_changed(sender, instance, **kwargs) -> None:
    # A Site's name, port or default flag decides which edition every host name shows; its name is on every page.
    _after_commit(lambda: purge.PurgeSet(everything=True))


def connect() -> None:
    from wagtail.models import Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from masthead.news.models import Agency, Author
    from masthead.web.models import EditionSettings

    page_published.connect(on_page_changed, dispatch_uid="pagecache.published")
    page_unpublished.connect(on_page_changed, dispatch_uid="pagecache.unpublished")
    page_slug_changed.connect(on_page_changed, dispatch_uid="pagecache.slug_changed")
    post_page_move.connect(on_page_changed, dispatch_uid="pagecache.moved")
    pre_delete.connect(on_page_deleted, dispatch_uid="pagecache.deleted")
    post_save.connect(on_edition_setting_saved, sender=EditionSettings, dispatch_uid="pagecache.settings")
    for model in (Author, Agency):
        post_save.connect(on_snippet_saved, sender=model, dispatch_uid=f"pagecache.{model.__name__}")
    post_save.connect(on_site_changed, sender=Site, dispatch_uid="pagecache.site_saved")
    post_delete.connect(on_site_changed, sender=Site, dispatch_uid="pagecache.site_deleted")
