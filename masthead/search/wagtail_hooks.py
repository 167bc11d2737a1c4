"""The admin's costs that would grow with the archive, kept flat (see also ``backend.py`` for page search)."""

from __future__ import annotations

from django.core.cache import cache
from wagtail import hooks
from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Page, Site

PAGE_COUNT_SECONDS = 600


class CachedPagesSummaryItem(PagesSummaryItem):
    """The dashboard's "N pages", counted at most every ten minutes per root.

    Wagtail counts every page below the editor's root on each dashboard view:
    a read of the whole tree, 10 ms at ten thousand stories and a hundred
    times that at a million. A figure ten minutes old says as much.
    """

    def get_context_data(self, parent_context):
        # Wagtail's own, with the count read from the cache (wagtail/admin/site_summary.py).
        site_details = get_site_for_user(self.request.user)
        root_page, site_name = site_details["root_page"], site_details["site_name"]
        page_count = 0
        if root_page:
            key = f"masthead:admin-page-count:{root_page.pk}"
            page_count = cache.get_or_set(key, Page.objects.descendant_of(root_page, inclusive=True).count, PAGE_COUNT_SECONDS)
            if root_page.is_root():
                page_count -= 1  # the tree's root is not a page
                try:
                    root_page = Site.objects.get().root_page
                except (Site.DoesNotExist, Site.MultipleObjectsReturned):
                    pass
        return {"root_page": root_page, "total_pages": page_count, "site_name": site_name}


@hooks.register("construct_homepage_summary_items", order=1)  # after Wagtail's own (order 0) has added its item
def count_pages_once_in_a_while(request, items):
    items[:] = [CachedPagesSummaryItem(request) if type(item) is PagesSummaryItem else item for item in items]


@hooks.register("construct_page_chooser_queryset")
def chooser_rows_in_a_few_queries(pages, request):
    """The chooser draws each row's lock and workflow state: read for the page of rows at once, not row by row."""
    return pages.prefetch_workflow_states().annotate_approved_schedule()
