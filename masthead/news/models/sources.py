"""Who a story comes from: staff authors and news agencies."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


class Author(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, allow_unicode=True)
    role = models.CharField(max_length=255, blank=True, help_text="e.g. 'Staff reporter, Karachi'.")
    bio = models.TextField(blank=True)
    photo = models.ForeignKey("images.Picture", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("role"), FieldPanel("bio"), FieldPanel("photo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="news_author_unique_slug_per_locale")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:255]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("web:author", kwargs={"slug": self.slug})


class AgencyQuerySet(models.QuerySet):
    def resolve(self, name: str) -> Agency | None:
        """The agency a credit line means, by its name, short name or any alias (``Ifax`` is Interfax)."""
        name = " ".join(name.split())
        if not name:
            return None
        return (
            self.filter(Q(name__iexact=name) | Q(short_name__iexact=name) | Q(aliases__alias__iexact=name))
            .distinct()
            .order_by("pk")
            .first()
        )


class Agency(TranslatableMixin, index.Indexed, ClusterableModel):
    name = models.CharField(max_length=255, help_text="Full name, e.g. 'Interfax'.")
    short_name = models.CharField(max_length=64, blank=True, help_text="How credits abbreviate it, e.g. 'AFP'.")
    slug = models.SlugField(max_length=255, allow_unicode=True)
    url = models.URLField(blank=True)

    objects = AgencyQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("url"),
        InlinePanel("aliases", label="Aliases"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="news_agency_unique_slug_per_locale")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:255]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("web:agency", kwargs={"slug": self.slug})


class AgencyAlias(Orderable):
    """Another name the wire or a pasted page uses for an agency (``Ifax`` for Interfax)."""

    agency = ParentalKey(Agency, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=128, db_index=True)

    panels = [FieldPanel("alias")]

    def __str__(self) -> str:
        return self.alias
