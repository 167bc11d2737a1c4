"""The wire desk's records: sources, payloads as received, wire items, their versions and clusters.

Stories stay in the news app; what the desk knows about where a story came
from (which wire item, which version, whether the agency has since updated
or killed it, whether the copy is stale) lives here, pointing at the story.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class WireSource(models.Model):
    """Where copy comes from: a polled feed, an agency delivery, or the pages pasted from one site."""

    KIND_CHOICES = [
        ("auto", "Detect automatically"),
        ("feed", "RSS/Atom feed"),
        ("ninjs", "IPTC ninjs"),
        ("newsml", "IPTC NewsML-G2 / NITF"),
        ("html", "HTML page"),
        ("text", "Plain text"),
    ]

    class PollStatus(models.TextChoices):
        NEVER = "never", "Never polled"
        OK = "ok", "OK"
        NOT_MODIFIED = "not_modified", "Not modified"
        ERROR = "error", "Error"

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=10, choices=KIND_CHOICES, default="auto")
    url = models.URLField(max_length=2000, blank=True, help_text="Polled by `masthead poll` when set and enabled.")
    enabled = models.BooleanField(default=True)
    poll_interval = models.PositiveIntegerField(default=15, help_text="Minutes between polls.")
    auto_publish_section = models.ForeignKey(
        "news.SectionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Publish this source's new items straight into this section (the first item of each cluster only). Leave empty to send them to the desk.",
    )
    default_agency = models.ForeignKey(
        "news.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Credit for items that name no agency.",
    )

    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=64, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    next_poll_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_status = models.CharField(max_length=16, choices=PollStatus.choices, default=PollStatus.NEVER, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    failures = models.PositiveIntegerField(default=0, editable=False, help_text="Consecutive failed polls.")
    backoff_until = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("enabled")]),
        MultiFieldPanel([FieldPanel("url"), FieldPanel("poll_interval")], heading="Polling"),
        FieldRowPanel([FieldPanel("auto_publish_section"), FieldPanel("default_agency")]),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def polled(self) -> bool:
        return bool(self.url) and self.enabled


class WirePayload(models.Model):
    """Bytes exactly as received (a file, a fetched URL, a feed poll), kept even when nothing could be read from them."""

    sha256 = models.CharField(max_length=64, unique=True)
    content = models.BinaryField()
    size = models.PositiveBigIntegerField()
    truncated = models.BooleanField(default=False, help_text="Only the head of an oversized payload is kept.")
    content_type = models.CharField(max_length=255, blank=True)
    origin = models.CharField(max_length=2000, blank=True, help_text="File name or URL.")
    source = models.ForeignKey(WireSource, null=True, blank=True, on_delete=models.SET_NULL, related_name="payloads")
    format = models.CharField(max_length=16, blank=True)
    error = models.TextField(blank=True, help_text="Why nothing could be read from it.")
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.origin or self.sha256[:12]} ({self.size:,} bytes)"


class WireCluster(models.Model):
    """Items about the same event (near-duplicates, possibly from several agencies): one row on the desk."""

    lead = models.ForeignKey("ingest.WireItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"cluster {self.pk} (lead item {self.lead_id})"


class WireItem(index.Indexed, models.Model):
    """One item of agency or web copy, normalised, with its desk state."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        HELD = "held", "Held (embargo)"
        DRAFTED = "drafted", "Drafted"
        PUBLISHED = "published", "Published"
        IGNORED = "ignored", "Ignored"
        KILLED = "killed", "Killed by agency"
        REJECTED = "rejected", "Rejected"

    class Kind(models.TextChoices):
        TEXT = "text", "Story"
        PICTURE = "picture", "Picture"

    source = models.ForeignKey(WireSource, on_delete=models.CASCADE, related_name="items")
    payload = models.ForeignKey(WirePayload, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    external_id = models.CharField(max_length=500)
    format = models.CharField(max_length=16)
    version = models.PositiveBigIntegerField(null=True, blank=True, help_text="The agency's version number, when it gives one.")
    revision = models.PositiveIntegerField(default=1, help_text="How many different versions Masthead has received.")
    content_hash = models.CharField(max_length=64)
    received_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    headline = models.CharField(max_length=500, blank=True)
    dateline = models.CharField(max_length=80, blank=True)
    byline = models.CharField(max_length=255, blank=True)
    summary = models.TextField(blank=True)
    body_html = models.TextField(blank=True, help_text="Sanitised with nh3.")
    language = models.CharField(max_length=20, blank=True)
    subjects = models.JSONField(default=list, blank=True)
    url = models.CharField(max_length=2000, blank=True)
    site_name = models.CharField(max_length=255, blank=True)
    agency = models.ForeignKey("news.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    agency_credit = models.CharField(max_length=128, blank=True, help_text="The agency as the copy names it (e.g. 'Ifax').")
    unknown_credit = models.CharField(
        max_length=128,
        blank=True,
        help_text="A credit the copy gives that names no agency in the register: the desk offers to add it.",
    )
    related_headline = models.CharField(max_length=300, blank=True)
    related_article = models.ForeignKey("news.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    item_date = models.DateTimeField(null=True, blank=True, help_text="The date the copy carries.")
    version_created = models.DateTimeField(null=True, blank=True)
    pub_status = models.CharField(max_length=10, default="usable")
    embargo_until = models.DateTimeField(null=True, blank=True)

    # The agency's own desk signals, as the format carries them (ANPA, IPTC 7901, ninjs, NewsML).
    urgency = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="IPTC urgency: 1 flash, 2 bulletin, 3 urgent … 8 lowest; empty when the copy gives none."
    )
    category = models.CharField(max_length=32, blank=True, help_text="The agency's category code (ANPA 'a', IPTC 7901 'POL').")
    keyword = models.CharField(max_length=128, blank=True, help_text="The agency's slug or keyword line.")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEXT)
    picture_href = models.CharField(max_length=2000, blank=True, help_text="Where a picture item's picture is.")
    picture_caption = models.TextField(blank=True)
    picture_credit = models.CharField(max_length=255, blank=True)
    picture = models.ForeignKey(
        "images.Picture",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The picture library's copy, once the desk has added it.",
    )

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    error = models.TextField(blank=True, help_text="Why the item was rejected.")
    warnings = models.JSONField(default=list, blank=True)
    stale = models.BooleanField(default=False)
    stale_reason = models.TextField(blank=True)
    copy_date = models.DateField(
        null=True, blank=True, help_text="When the copy's events happened, as far as its own words tell."
    )
    time_references = models.JSONField(default=list, blank=True)
    needs_review = models.BooleanField(
        default=False, help_text="The agency sent a newer version after a story was made from this item."
    )
    review_note = models.TextField(blank=True)
    article = models.ForeignKey("news.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    publish_section = models.ForeignKey(
        "news.SectionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where a held item is published when its embargo ends.",
    )
    killed_at = models.DateTimeField(null=True, blank=True)
    kill_note = models.TextField(blank=True)
    cluster = models.ForeignKey(WireCluster, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    signature = models.JSONField(default=list, blank=True)
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-received_at"]
        constraints = [models.UniqueConstraint(fields=["source", "external_id"], name="ingest_item_unique_per_source")]
        # The desk lists newest first (or most urgent first), each filter an equality on one column: every
        # filter has an index that returns its rows already in the listing's order, so a page of the desk reads
        # the first rows of one index range however many items the wire holds.
        indexes = [
            models.Index(fields=["-received_at", "-id"], name="ingest_item_received"),
            models.Index(fields=["status", "-received_at"], name="ingest_item_status"),
            models.Index(fields=["urgency", "-received_at"], name="ingest_item_urgency"),
            models.Index(fields=["status", "urgency", "-received_at"], name="ingest_item_status_urgency"),
            models.Index(fields=["agency", "-received_at"], name="ingest_item_agency"),
            models.Index(fields=["source", "-received_at"], name="ingest_item_source"),
            models.Index(fields=["category", "-received_at"], name="ingest_item_category"),
            models.Index(fields=["kind", "-received_at"], name="ingest_item_kind"),
            models.Index(fields=["cluster", "-received_at"], name="ingest_item_cluster"),
            models.Index(fields=["status", "embargo_until"], name="ingest_item_embargo"),
        ]

    # The desk's full-text search (views.filtered_items through search.engine): headline, body and subjects.
    search_fields = [index.SearchField("headline"), index.SearchField("search_text")]

    def __str__(self) -> str:
        return self.headline or self.external_id

    def search_text(self) -> str:
        return " ".join([*(str(subject) for subject in self.subjects or ()), self.summary, self.preview_text])

    @property
    def preview_text(self) -> str:
        """The body as plain text, its paragraphs apart (stripping tags alone runs "Monday.</p><p>This" together)."""
        from masthead.ingest.sanitize import text_of_blocks

        return text_of_blocks(self.body_html).replace("\n", " ")

    @property
    def is_embargoed(self) -> bool:
        return self.embargo_until is not None and self.embargo_until > timezone.now()

    @property
    def can_draft(self) -> bool:
        return (
            self.status in (self.Status.NEW, self.Status.IGNORED)
            and not self.is_embargoed
            and self.pub_status == "usable"
            and bool(self.body_html)
        )


class WireItemVersion(models.Model):
    """Each different version of an item Masthead received: the history behind ``WireItem.revision``."""

    item = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="versions")
    revision = models.PositiveIntegerField()
    version = models.PositiveBigIntegerField(null=True, blank=True)
    pub_status = models.CharField(max_length=10, default="usable")
    headline = models.CharField(max_length=500, blank=True)
    content_hash = models.CharField(max_length=64)
    payload = models.ForeignKey(WirePayload, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["item", "-revision"]
        constraints = [models.UniqueConstraint(fields=["item", "revision"], name="ingest_version_unique")]

    def __str__(self) -> str:
        return f"{self.headline or self.item_id} (revision {self.revision})"


class WireBand(models.Model):
    """One LSH band value of an item's MinHash signature: equal values mark near-duplicate candidates."""

    item = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="bands")
    value = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"band {self.value} of item {self.item_id}"


class LearnedChrome(models.Model):
    """A short line seen in several items of one source: that source's site chrome, dropped from its copy."""

    source = models.ForeignKey(WireSource, on_delete=models.CASCADE, related_name="learned_chrome")
    key = models.CharField(max_length=20)
    sample = models.CharField(max_length=200)
    items_seen = models.PositiveIntegerField(default=0)
    last_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "key"], name="ingest_chrome_unique")]

    def __str__(self) -> str:
        return self.sample
