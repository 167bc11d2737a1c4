"""The article: one record that every channel (page, lite page, feeds, API) is drawn from."""

from __future__ import annotations

from datetime import UTC

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from masthead.desk.forms import StoryForm
from masthead.desk.widgets import AuthorsChooser
from masthead.news.blocks import ArticleBodyBlock
from masthead.news.models.pages import EditionPage


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")
    # The story's first publication, copied here so a tag's stories can be read
    # newest first from one index and stop at the page's end (see stories_tagged).
    published_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        indexes = [
            # The newest stories of a tag by id (Read more candidates).
            models.Index(fields=["tag", "-content_object"], name="news_articletag_recent"),
            # A tag's stories by publication (tag pages, tag feeds, the API's tag filter).
            models.Index(fields=["tag", "-published_at", "-content_object"], name="news_articletag_published"),
        ]

    def save(self, *args, **kwargs):
        # Tag rows are written after their story (modelcluster commits them once the page is saved).
        story = self.content_object if self.content_object_id else None
        self.published_at = getattr(story, "published_at", None)
        return super().save(*args, **kwargs)


class ArticlePage(EditionPage):
    dateline = models.CharField(
        max_length=80,
        blank=True,
        help_text="The place the story was filed from, e.g. 'Moscow'. Shown in capitals leading the first paragraph; do not type it into the body.",
    )
    standfirst = models.TextField(blank=True, max_length=500, help_text="One or two sentences under the headline.")
    body = StreamField(ArticleBodyBlock(), blank=True)
    authors = ParentalManyToManyField("news.Author", blank=True, related_name="articles")
    agency = models.ForeignKey(
        "news.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text="Credit for agency copy.",
    )
    hero_image = models.ForeignKey("images.Picture", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    hero_caption = models.CharField(max_length=255, blank=True)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    related_article = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The 'Read more' link in the body. Leave empty to pick one automatically from shared tags, section and recency.",
    )

    # Denormalised from the tree and from Wagtail's publishing dates, so that
    # listings read one indexed table instead of scanning page paths.
    section = models.ForeignKey("news.SectionPage", null=True, editable=False, on_delete=models.SET_NULL, related_name="articles")
    folder = models.ForeignKey("news.ArchiveYearPage", null=True, editable=False, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(null=True, editable=False)
    # For the sitemap index: a story's month sitemap (UTC year * 100 + month of publication) and its
    # last change (Wagtail's last_published_at), so a month's newest change is one index probe.
    sitemap_month = models.PositiveIntegerField(null=True, editable=False)
    changed_at = models.DateTimeField(null=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldRowPanel([FieldPanel("dateline"), FieldPanel("agency")]),
        FieldPanel("authors", widget=AuthorsChooser),  # searchable, several at a time (desk/widgets.py)
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_caption")], heading="Hero image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        PageChooserPanel("related_article", "news.ArticlePage"),
        # Corrections and notes (corrections/models.py): published with the story's revision, fix and note together.
        InlinePanel("notes", heading="Corrections and notes", label="Note"),
    ]
    # Names in the error banner a field in error on another tab (a slug clash on Promote): desk/forms.py.
    base_form_class = StoryForm
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.SearchField("dateline"),
        index.FilterField("section"),
        index.FilterField("published_at"),
    ]

    parent_page_types = ["news.ArchiveYearPage"]
    subpage_types: list[str] = []

    template = "news/article_page.html"

    class Meta:
        verbose_name = "article"
        indexes = [
            models.Index(fields=["section", "-published_at"], name="news_article_section_pub"),
            models.Index(fields=["-published_at"], name="news_article_pub"),
            models.Index(fields=["agency", "-published_at"], name="news_article_agency_pub"),
            models.Index(fields=["folder", "-published_at"], name="news_article_folder_pub"),
            models.Index(fields=["sitemap_month", "-changed_at"], name="news_article_month_changed"),
        ]

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.published_at = self.first_published_at
            self.sitemap_month, self.changed_at = sitemap_month(self.published_at), self.last_published_at
            if self.path:
                # Recomputed on every full save: a translation or a copy starts with its source's section.
                self.section = SectionLookup.for_path(self.path)
                self.folder = SectionLookup.folder_for(self.path)
        else:
            update_fields = set(update_fields)
            if "first_published_at" in update_fields:
                self.published_at, self.sitemap_month = self.first_published_at, sitemap_month(self.first_published_at)
                update_fields |= {"published_at", "sitemap_month"}
            if "last_published_at" in update_fields:
                self.changed_at = self.last_published_at
                update_fields.add("changed_at")
            kwargs["update_fields"] = update_fields
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from masthead.news import querysets

        context = super().get_context(request, *args, **kwargs)
        context.update(querysets.article_page(self, request))
        # The page cache files this page under both stories, so withdrawing either purges it.
        request.cache_tags = {f"article-{self.pk}"} | ({f"article-{context['related'].pk}"} if context["related"] else set())
        return context


def sitemap_month(moment) -> int | None:
    """The UTC month a story published at ``moment`` is listed under in the sitemaps, as ``yyyymm``."""
    if moment is None:
        return None
    moment = moment.astimezone(UTC)
    return moment.year * 100 + moment.month


class SectionLookup:
    """Finds the section (and the yearly archive) above a tree path without loading the pages in between."""

    @staticmethod
    def for_path(path: str):
        from masthead.news.models.pages import SectionPage

        ancestors = [path[: i * Page.steplen] for i in range(1, len(path) // Page.steplen)]
        return SectionPage.objects.filter(path__in=ancestors).order_by("-depth").first()

    @staticmethod
    def folder_for(path: str):
        """The yearly archive a story at ``path`` is filed in, if its parent is one."""
        from masthead.news.models.pages import ArchiveYearPage

        return ArchiveYearPage.objects.filter(path=path[: -Page.steplen]).first()
