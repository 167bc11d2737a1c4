"""The tree above articles: an edition's home, its sections, and each section's yearly archive.

Articles sit one level below a yearly archive page (``/world/2026/<slug>/``),
not directly under their section: treebeard gives one parent at most
36⁴ = 1,679,616 children, and a busy section outgrows that in a few decades.
A year of one section never will. Listings never walk the tree: they read
the denormalised ``section`` and ``published_at`` columns of articles,
through an index.
"""

from __future__ import annotations

from functools import partial

from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Page
from wagtail.search import index

from masthead.lib.pagination import paginate
from masthead.news.tree import below

SECTION_PAGE_SIZE = 20
YEAR_SLUG_LENGTH = 4


class EditionPage(Page):
    """Our pages skip Wagtail's two view-restriction queries while no page of the install is private."""

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        from masthead.web.snapshot import view_restrictions_exist

        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HomePage(EditionPage):
    """The front page of one edition (a Wagtail Site's root)."""

    # The lead and top stories are editors' slots (curation/models.py): a change of them is a revision of this page.
    content_panels = Page.content_panels + [
        InlinePanel(
            "front_slots",
            heading="Lead and top stories",
            label="Story",
            help_text="The first is the lead (after a breaking story), then the top stories in this order; "
            "the rest of the page fills itself with the latest. Leave empty to lead with the latest story.",
        )
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage"]

    template = "news/home_page.html"

    def route(self, request, path_components):
        # Sections are the home page's only children: fetch the specific page in one query.
        if path_components:
            data = getattr(request, "edition_data", None)
            if data is not None and data.home.pk == self.pk:
                section = data.sections.get(path_components[0])
            else:
                section = SectionPage.objects.filter(below(self.path), depth=self.depth + 1, slug=path_components[0]).first()
            if section is not None:
                return section.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from masthead.news import querysets

        context = super().get_context(request, *args, **kwargs)
        context.update(querysets.front_page(self, request))
        return context


class SectionPage(EditionPage):
    """A desk of the newsroom and a listing of its stories: World, Pakistan, Business…"""

    intro = models.CharField(max_length=300, blank=True)
    stories_on_home = models.PositiveSmallIntegerField(default=4, help_text="How many of its latest stories the home page shows.")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("stories_on_home"),
        InlinePanel(
            "front_slots",
            heading="Lead and top stories",
            label="Story",
            help_text="Stories of this section shown first, the first as the lead, here and in its block on the home page; "
            "the rest fills itself with the latest.",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArchiveYearPage"]

    template = "news/section_page.html"

    def route(self, request, path_components):
        # /<section>/<year>/<slug>/ resolves in one query instead of walking the
        # year page: section pages are the busiest route on the site.
        if len(path_components) == 2 and len(path_components[0]) == YEAR_SLUG_LENGTH and path_components[0].isdigit():
            from masthead.news.models.articles import ArticlePage

            year, slug = path_components
            from masthead.news.querysets import for_display

            # The section (self) and its locale are in hand: joining them again would
            # double the columns Django compiles and reads for the busiest query.
            found = list(
                for_display(
                    ArticlePage.objects.filter(
                        below(self.path), depth=self.depth + 2, slug=slug, url_path=f"{self.url_path}{year}/{slug}/"
                    ),
                    joined=("agency",),
                )[:1]
            )
            if not found or not found[0].live:
                raise Http404
            article = found[0]
            if article.section_id == self.pk:
                article.section = self
            if article.locale_id == self.locale_id and "locale" in self._state.fields_cache:
                article.locale = self.locale
            return article.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from masthead.news import positions, querysets

        context = super().get_context(request, *args, **kwargs)
        listing = paginate(
            request,
            querysets.section_stories(self, pictures=False),
            SECTION_PAGE_SIZE,
            fetch=partial(positions.newest_slice, self.pk),
        )
        context.update(querysets.section_front(self, listing, request))
        return context


class ArchiveYearPage(EditionPage):
    """A section's stories of one year; created on demand when a story is filed."""

    year = models.PositiveSmallIntegerField()

    content_panels = Page.content_panels + [FieldPanel("year")]
    parent_page_types = ["news.SectionPage"]
    subpage_types = ["news.ArticlePage"]
    show_in_menus_default = False

    template = "news/archive_year_page.html"

    class Meta:
        verbose_name = "yearly archive"

    def get_context(self, request, *args, **kwargs):
        from masthead.news import querysets

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = paginate(request, querysets.year_stories(self), SECTION_PAGE_SIZE)
        return context
