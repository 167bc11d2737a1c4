"""Writes of the wire desk: every caller (CLI, poller, admin) goes through these.

- :func:`ingest_payload` — bytes in (a file, a fetched URL, a feed poll),
  wire items out: stored raw, parsed, sanitised, deduplicated, checked for
  freshness, clustered, and optionally filed as stories.
- :func:`create_story_from_item` — the desk's "Create draft" (and
  auto-publishing), through ``news.services.file_story``.
- :func:`ignore_item`, :func:`apply_kill` — the desk's other actions and
  the agency's kill.

Idempotency: an item is identified by (source, external id); the same
content again is a duplicate and writes nothing; different content is a new
version, which updates the item and flags any story made from it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from masthead.ingest import agencies, boilerplate, dedup, freshness, schemas
from masthead.ingest.formats import registry
from masthead.ingest.formats.base import CANCELED, ItemLimits, ParsedItem, ParseError, ParseResult
from masthead.ingest.models import LearnedChrome, WireBand, WireCluster, WireItem, WireItemVersion, WirePayload, WireSource
from masthead.ingest.sanitize import sanitize_paragraphs, text_of

log = logging.getLogger(__name__)

MANUAL_SOURCE = "Manual upload"


class DeskError(Exception):
    """A desk action that cannot be done (embargoed, killed, already drafted…); the message says why."""


@dataclass
class Outcome:
    """What happened to one item (or to a whole payload that could not be read)."""

    kind: str  # new, updated, duplicate, rejected, killed
    message: str = ""
    reason: str = ""  # for rejections: why, without the item's name (summaries group on it)
    item: WireItem | None = None
    stale: bool = False
    held: bool = False
    clustered: bool = False
    story: object | None = None
    story_published: bool = False


@dataclass
class IngestReport:
    origin: str
    format: str = ""
    source: WireSource | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""  # the payload as a whole could not be read
    dry_run: bool = False

    @property
    def counts(self) -> Counter:
        counts = Counter(outcome.kind for outcome in self.outcomes)
        counts["stale"] = sum(1 for outcome in self.outcomes if outcome.stale and outcome.kind in ("new", "updated"))
        counts["held"] = sum(1 for outcome in self.outcomes if outcome.held)
        counts["clustered"] = sum(1 for outcome in self.outcomes if outcome.clustered)
        counts["published"] = sum(1 for outcome in self.outcomes if outcome.story_published)
        counts["drafted"] = sum(1 for outcome in self.outcomes if outcome.story is not None and not outcome.story_published)
        return counts


# ---------------------------------------------------------------------------
# Settings, read where they are used so tests can override them.


def max_payload_bytes() -> int:
    return int(getattr(settings, "INGEST_MAX_PAYLOAD_BYTES", registry.DEFAULT_MAX_BYTES))


def item_limits() -> ItemLimits:
    """How long one item's headline and body (and summary) may be: INGEST_MAX_HEADLINE_CHARS, INGEST_MAX_BODY_CHARS."""
    defaults = ItemLimits()
    return ItemLimits(
        headline_chars=int(getattr(settings, "INGEST_MAX_HEADLINE_CHARS", defaults.headline_chars)),
        body_chars=int(getattr(settings, "INGEST_MAX_BODY_CHARS", defaults.body_chars)),
    )


def stale_after_days() -> int:
    return int(getattr(settings, "INGEST_STALE_AFTER_DAYS", freshness.STALE_AFTER_DAYS))


def schema_catalogue():
    return schemas.catalogue(getattr(settings, "INGEST_SCHEMA_DIR", ""))


def default_section():
    """Where wire copy goes when nobody says: the section named by INGEST_DEFAULT_SECTION, else the default site's first."""
    from wagtail.models import Site

    from masthead.news.models import SectionPage
    from masthead.news.querysets import site_sections

    site = (
        Site.objects.filter(is_default_site=True).select_related("root_page").first()
        or Site.objects.select_related("root_page").first()
    )
    sections = site_sections(site).live().order_by("path") if site else SectionPage.objects.live().order_by("path")
    wanted = getattr(settings, "INGEST_DEFAULT_SECTION", "")
    if wanted:
        named = sections.filter(slug=wanted).first()
        if named is not None:
            return named
    return sections.first()


def section_by_slug(slug: str):
    """A section by its slug, the default site's first; ValueError listing the choices when there is none."""
    from wagtail.models import Site

    from masthead.news.models import SectionPage
    from masthead.news.querysets import site_sections

    site = Site.objects.filter(is_default_site=True).first()
    candidates = list(site_sections(site).filter(slug=slug)) if site else []
    candidates = candidates or list(SectionPage.objects.filter(slug=slug).order_by("path"))
    if not candidates:
        known = ", ".join(sorted(set(SectionPage.objects.values_list("slug", flat=True)))) or "none"
        raise ValueError(f"no section with the slug {slug!r} (sections: {known})")
    return candidates[0].specific


def source_named(name: str, *, kind: str = "auto") -> WireSource:
    source = WireSource.objects.filter(name=name).first()
    if source is None:
        source = WireSource.objects.create(name=name[:120], kind=kind if kind in dict(WireSource.KIND_CHOICES) else "auto")
    return source


# ---------------------------------------------------------------------------
# Ingest.


def _store_payload(
    content: bytes, *, origin: str, content_type: str, source: WireSource | None, limit: int
) -> tuple[WirePayload, bool]:
    """The payload record for these bytes (an existing one when the same bytes came before)."""
    digest = hashlib.sha256(content).hexdigest()
    existing = WirePayload.objects.filter(sha256=digest).first()
    if existing is not None:
        return existing, False
    truncated = len(content) > limit
    payload = WirePayload.objects.create(
        sha256=digest,
        content=content[: min(len(content), 64 * 1024)] if truncated else content,
        size=len(content),
        truncated=truncated,
        content_type=content_type[:255],
        origin=origin[:2000],
        source=source,
    )
    return payload, True


def _source_for(source: WireSource | None, result: ParseResult | None, origin: str, kind: str) -> WireSource:
    if source is not None:
        return source
    name = (result.title if result else "") or ""
    if not name and origin.startswith(("http://", "https://")):
        name = urlsplit(origin).hostname or ""
    return source_named((name or MANUAL_SOURCE)[:120], kind=kind)


def ingest_payload(
    content: bytes,
    *,
    source: WireSource | str | None = None,
    origin: str = "",
    content_type: str = "",
    hint: str | None = None,
    section=None,
    publish: bool = False,
    dry_run: bool = False,
    user=None,
) -> IngestReport:
    """Take in one payload: keep it, read it, and file each of its items. Never raises for bad input.

    ``publish`` publishes each new usable item as a story (in ``section``,
    else the source's auto-publish section, else the default section);
    sources with an auto-publish section publish without being asked.
    ``dry_run`` does everything inside a transaction that is rolled back,
    and files no stories: the report says what would happen. ``source`` may
    be a source's name (created on first use); without one, the payload's
    own name for itself (a site or feed title, a URL's host) names it.
    """
    report = IngestReport(origin=origin, dry_run=dry_run)
    limit = max_payload_bytes()
    try:
        with transaction.atomic():
            _ingest(
                report,
                content,
                source=source,
                origin=origin,
                content_type=content_type,
                hint=hint,
                section=section,
                publish=publish,
                dry_run=dry_run,
                user=user,
                limit=limit,
            )
            if dry_run:
                transaction.set_rollback(True)
    except Exception as error:  # pragma: no cover - a bug, not bad input; the batch must go on
        log.exception("ingest of %s failed", origin)
        report.error = f"internal error: {type(error).__name__}: {error}"
    return report


def _ingest(
    report: IngestReport, content: bytes, *, source, origin, content_type, hint, section, publish, dry_run, user, limit
) -> None:
    if isinstance(source, str):
        source = source_named(source)
    payload, _ = _store_payload(content, origin=origin, content_type=content_type, source=source, limit=limit)
    try:
        parser, result = registry.read(
            content,
            hint or registry.hint_for(origin, content_type or None),
            schemas=schema_catalogue(),
            max_bytes=limit,
            limits=item_limits(),
        )
    except ParseError as error:
        report.error = str(error)
        report.source = source
        if not payload.error:
            payload.error = report.error
            payload.save(update_fields=["error"])
        return
    report.format = parser.name
    report.warnings = list(result.warnings)
    source = _source_for(source, result, origin, parser.name)
    report.source = source
    if payload.source_id is None or payload.format != parser.name:
        payload.source = payload.source or source
        payload.format = parser.name
        payload.save(update_fields=["source", "format"])
    if result.skipped:
        report.outcomes.append(Outcome("rejected", f"skipped: {result.skipped}", reason=f"skipped: {result.skipped}"))
    for message in result.errors:
        report.outcomes.append(Outcome("rejected", message, reason=message.split(": ", 1)[-1]))
    if not result.items and not result.skipped and not result.errors:
        report.warnings.append("no items in the payload")
    learned = _learned_chrome(source)
    fetched_from = origin if origin.startswith(("http://", "https://")) else ""
    for parsed in result.items:
        if fetched_from and parser.name == "html":
            # A page fetched by URL is identified by that URL when it names no canonical one.
            parsed.url = parsed.url or fetched_from
            if parsed.external_id.startswith("sha256:"):
                parsed.external_id = fetched_from[:500]
        try:
            with transaction.atomic():
                outcome = _file_item(
                    parsed,
                    parser.name,
                    source,
                    payload,
                    learned=learned,
                    section=section,
                    publish=publish,
                    dry_run=dry_run,
                    user=user,
                )
        except Exception as error:
            log.exception("item %s of %s failed", parsed.external_id, origin)
            reason = f"internal error: {type(error).__name__}: {error}"
            outcome = Outcome("rejected", f"{parsed.external_id}: {reason}", reason=reason)
        report.outcomes.append(outcome)


def _learned_chrome(source: WireSource) -> frozenset[str]:
    return frozenset(
        LearnedChrome.objects.filter(source=source, items_seen__gte=boilerplate.LEARNED_MIN_ITEMS).values_list("key", flat=True)
    )


def _learn_chrome(source: WireSource, paragraphs: list[str]) -> None:
    lines = [text_of(p) for p in paragraphs]
    keys = boilerplate.learnable_lines(lines)
    if not keys:
        return
    samples = {boilerplate.line_key(line): line[:200] for line in lines}
    existing = {row.key: row for row in LearnedChrome.objects.filter(source=source, key__in=keys)}
    now = timezone.now()
    for key in keys:
        if key in existing:
            LearnedChrome.objects.filter(pk=existing[key].pk).update(items_seen=existing[key].items_seen + 1, last_seen=now)
    LearnedChrome.objects.bulk_create(
        [
            LearnedChrome(source=source, key=key, sample=samples.get(key, ""), items_seen=1, last_seen=now)
            for key in keys
            if key not in existing
        ],
        ignore_conflicts=True,
    )


def prune_learned_chrome(*, older_than_days: int = 30) -> int:
    """Forget lines seen in a single item long ago: they were news, not chrome, and the table must not grow forever."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = LearnedChrome.objects.filter(items_seen__lt=boilerplate.LEARNED_MIN_ITEMS, last_seen__lt=cutoff).delete()
    return deleted


def _content_hash(parsed: ParsedItem, body_html: str) -> str:
    fields = {
        "headline": parsed.headline,
        "dateline": parsed.dateline,
        "byline": parsed.byline,
        "body": body_html,
        "summary": parsed.summary,
        "status": parsed.pub_status,
        "embargo": parsed.embargo_until.isoformat() if parsed.embargo_until else "",
        "version": parsed.version,
    }
    return hashlib.sha256(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _normalised_title(title: str) -> str:
    return boilerplate.normalise_line(title).strip(" .")


def find_related(headlines: list[str]):
    """The live story a ``Read more: <headline>`` line names, matched on its normalised title."""
    from masthead.news.models import ArticlePage

    for headline in headlines:
        wanted = _normalised_title(headline)
        variants = {headline.strip(), headline.strip().replace("’", "'"), headline.strip().replace("'", "’")}
        query = Q()
        for variant in variants:
            query |= Q(title__iexact=variant)
        for article in ArticlePage.objects.live().filter(query).order_by("-published_at")[:5]:
            if _normalised_title(article.title) == wanted:
                return article
    return None


def _is_older(parsed: ParsedItem, item: WireItem) -> bool:
    if parsed.version is not None and item.version is not None:
        return parsed.version < item.version
    if parsed.version_created and item.version_created:
        return parsed.version_created < item.version_created
    return False


def _file_item(
    parsed: ParsedItem, format_name: str, source: WireSource, payload: WirePayload, *, learned, section, publish, dry_run, user
) -> Outcome:
    if parsed.too_large and parsed.pub_status != CANCELED:
        held = WireItem.objects.filter(source=source, external_id=parsed.external_id).first()
        if held is not None:
            # An oversized new version must not replace a good one: refuse it and keep what the desk has.
            message = f"{_label(held)}: new version refused, {parsed.too_large}; the version held is kept"
            return Outcome("rejected", message, reason=parsed.too_large, item=held)
    paragraphs = sanitize_paragraphs(parsed.paragraphs)
    if learned:
        kept, _ = boilerplate.drop_chrome([text_of(p) for p in paragraphs], learned)
        kept_set = set(kept)
        paragraphs = [p for p in paragraphs if text_of(p) in kept_set]
    body_html = "".join(paragraphs)
    content_hash = _content_hash(parsed, body_html)
    existing = WireItem.objects.filter(source=source, external_id=parsed.external_id).select_related("article").first()

    if existing is not None and existing.content_hash == content_hash:
        return Outcome("duplicate", f"{_label(existing)}: already on the wire, unchanged", item=existing, stale=existing.stale)
    if existing is not None and _is_older(parsed, existing):
        return Outcome(
            "duplicate",
            f"{_label(existing)}: version {parsed.version} is older than the one held ({existing.version})",
            item=existing,
        )

    if parsed.pub_status == CANCELED:
        if existing is None:
            item = _new_item(parsed, format_name, source, payload, paragraphs, body_html, content_hash)
            item.status = "killed"
            item.killed_at = timezone.now()
            item.kill_note = "Withdrawn by the agency before it reached the desk."
            item.save()
            _record_version(item, payload)
            return Outcome("killed", f"{_label(item)}: withdrawn by the agency", item=item)
        _update_item(existing, parsed, payload, paragraphs, body_html, content_hash)
        story = apply_kill(
            existing, reason=f"The agency withdrew this item (version {parsed.version or existing.revision}).", user=user
        )
        note = "; its story was unpublished" if story is not None else ""
        return Outcome("killed", f"{_label(existing)}: withdrawn by the agency{note}", item=existing, story=story)

    if existing is not None:
        was_story = existing.article_id is not None
        _update_item(existing, parsed, payload, paragraphs, body_html, content_hash)
        _assess(existing, parsed, body_html)
        _status_after_parse(existing, parsed, keep_desk_state=True)
        if was_story:
            existing.needs_review = True
            existing.review_note = f"Version {parsed.version or existing.revision} received {timezone.now():%Y-%m-%d %H:%M} UTC after the story was made: check the story."
            _log_on_story(existing, "masthead.wire_update", existing.review_note)
        existing.save()
        _index(existing)
        message = f"{_label(existing)}: updated to version {parsed.version or existing.revision}"
        if was_story:
            message += "; its story is flagged for the desk"
        return Outcome("updated", message, item=existing, stale=existing.stale, held=existing.status == "held")

    item = _new_item(parsed, format_name, source, payload, paragraphs, body_html, content_hash)
    _assess(item, parsed, body_html)
    _status_after_parse(item, parsed, keep_desk_state=False)
    item.save()
    _record_version(item, payload)
    clustered = _index(item)
    if item.status != "rejected":
        _learn_chrome(source, paragraphs)
    outcome = Outcome(
        "new" if item.status != "rejected" else "rejected",
        f"{_label(item)}" + (f": {item.error}" if item.status == "rejected" else ""),
        reason=item.error if item.status == "rejected" else "",
        item=item,
        stale=item.stale,
        held=item.status == "held",
        clustered=clustered,
    )

    target = section or source.auto_publish_section
    wants_publish = publish or source.auto_publish_section_id is not None
    if wants_publish and item.status == "held":
        item.publish_section = target or default_section()
        item.save(update_fields=["publish_section"])
        outcome.message += f" (held until {item.embargo_until:%Y-%m-%d %H:%M} UTC, then published)"
    elif (wants_publish or section is not None) and item.status == "new":
        sibling = _cluster_story(item)
        if sibling is not None:
            outcome.message += f" (near-duplicate of story “{sibling.title}”: left for the desk)"
        elif dry_run:
            outcome.message += " (would be published)" if wants_publish else " (would be drafted)"
        else:
            story = create_story_from_item(item, section=target or default_section(), publish=wants_publish, user=user)
            outcome.story = story
            outcome.story_published = story.live
    return outcome


def _label(item: WireItem) -> str:
    return f"“{item.headline[:80]}”" if item.headline else item.external_id[:80]


def _new_item(parsed: ParsedItem, format_name, source, payload, paragraphs, body_html, content_hash) -> WireItem:
    item = WireItem(source=source, external_id=parsed.external_id, format=format_name)
    _fill(item, parsed, payload, paragraphs, body_html, content_hash)
    item.received_at = item.updated_at
    agency, credit = agencies.resolve_first(parsed.agency_credits)
    item.agency = agency or source.default_agency
    item.agency_credit = credit[:128]
    return item


def _fill(item: WireItem, parsed: ParsedItem, payload, paragraphs, body_html, content_hash) -> None:
    item.payload = payload
    item.version = parsed.version
    item.version_created = parsed.version_created
    item.content_hash = content_hash
    item.updated_at = timezone.now()
    item.headline = parsed.headline[:500]
    item.dateline = parsed.dateline[:80]
    item.byline = parsed.byline[:255]
    item.summary = parsed.summary
    item.body_html = body_html
    item.language = parsed.language[:20]
    item.subjects = list(dict.fromkeys(s[:100] for s in parsed.subjects))[:30]
    item.url = parsed.url[:2000]
    item.site_name = parsed.site_name[:255]
    item.item_date = parsed.item_date
    item.pub_status = parsed.pub_status
    item.embargo_until = parsed.embargo_until
    item.related_headline = (parsed.related_headlines[0] if parsed.related_headlines else "")[:300]
    item.related_article = find_related(parsed.related_headlines) if parsed.related_headlines else None
    item.warnings = list(parsed.warnings)
    item.error = parsed.error
    item.extra = parsed.extra


def _update_item(item: WireItem, parsed: ParsedItem, payload, paragraphs, body_html, content_hash) -> None:
    _fill(item, parsed, payload, paragraphs, body_html, content_hash)
    agency, credit = agencies.resolve_first(parsed.agency_credits)
    item.agency = agency or item.agency or item.source.default_agency
    item.agency_credit = credit[:128] or item.agency_credit
    item.revision += 1
    item.save()
    _record_version(item, payload)


def _record_version(item: WireItem, payload) -> None:
    WireItemVersion.objects.create(
        item=item,
        revision=item.revision,
        version=item.version,
        pub_status=item.pub_status,
        headline=item.headline[:500],
        content_hash=item.content_hash,
        payload=payload,
    )


def _assess(item: WireItem, parsed: ParsedItem, body_html: str) -> None:
    when = (parsed.item_date or item.received_at or timezone.now()).date()
    found = freshness.assess(f"{parsed.headline}\n{text_of_blocks(body_html)}", when, stale_after_days=stale_after_days())
    item.stale = found.stale
    item.stale_reason = found.reason
    item.copy_date = found.copy_date
    item.time_references = [reference.as_dict() for reference in found.references][:40]


def text_of_blocks(body_html: str) -> str:
    from masthead.ingest.sanitize import blocks

    return "\n".join(text_of(block) for block in blocks(body_html)) if body_html else ""


def _status_after_parse(item: WireItem, parsed: ParsedItem, *, keep_desk_state: bool) -> None:
    if parsed.error:
        item.status = "rejected"
        return
    if item.embargo_until and item.embargo_until > timezone.now():
        if item.status in ("new", "rejected", "held") or not keep_desk_state:
            item.status = "held"
        return
    if not keep_desk_state or item.status in ("rejected", "held", "killed"):
        item.status = "new" if item.article_id is None else ("published" if item.article and item.article.live else "drafted")


def _index(item: WireItem) -> bool:
    """Sign the item, store its LSH bands and put it in a cluster; True when it joined an existing cluster."""
    text = f"{item.headline}\n{text_of_blocks(item.body_html)}"
    signature = dedup.signature(text)
    item.signature = signature
    WireBand.objects.filter(item=item).delete()
    band_values = dedup.bands(signature)
    WireBand.objects.bulk_create(WireBand(item=item, value=value) for value in band_values)
    joined = False
    if item.cluster_id is None:
        best, best_score = None, 0.0
        if band_values and item.status != "rejected":
            candidate_ids = set(
                WireBand.objects.filter(value__in=band_values).exclude(item=item).values_list("item_id", flat=True)[:500]
            )
            for candidate in (
                WireItem.objects.filter(pk__in=candidate_ids).exclude(cluster=None).only("pk", "signature", "cluster_id")
            ):
                score = dedup.similarity(signature, candidate.signature)
                if score > best_score:
                    best, best_score = candidate, score
        if best is not None and best_score >= dedup.CLUSTER_THRESHOLD:
            item.cluster_id = best.cluster_id
            joined = True
        else:
            item.cluster = WireCluster.objects.create()
    WireCluster.objects.filter(pk=item.cluster_id).update(lead=item, updated_at=timezone.now())
    WireItem.objects.filter(pk=item.pk).update(signature=signature, cluster=item.cluster_id)
    return joined


def _cluster_story(item: WireItem):
    """A story already made from another item of the same cluster, if any."""
    if item.cluster_id is None:
        return None
    other = (
        WireItem.objects.filter(cluster_id=item.cluster_id)
        .exclude(pk=item.pk)
        .exclude(article=None)
        .select_related("article")
        .first()
    )
    return other.article if other else None


# ---------------------------------------------------------------------------
# Desk actions.


def create_story_from_item(item: WireItem, *, section=None, publish: bool = False, user=None):
    """File a story from a wire item: headline, dateline, body, agency, tags, related story pre-filled.

    Stale copy keeps the item's own date (provenance.original_date), and the story the copy points to
    ("Read more") becomes the story's editor's pick when it exists on our site, even if it was published
    after the item came in.

    Raises :class:`DeskError` for items that may not become stories
    (embargoed, killed or withheld by the agency, rejected, already drafted).
    """
    from masthead.news import services as news

    if item.status == "killed" or item.pub_status == CANCELED:
        raise DeskError("the agency withdrew this item")
    if item.article_id is not None:
        raise DeskError(f"a story was already made from this item: “{item.article.title}”")
    if item.is_embargoed:
        raise DeskError(f"embargoed until {item.embargo_until:%Y-%m-%d %H:%M} UTC")
    if item.pub_status == "withheld":
        raise DeskError("the agency has withheld this item")
    if item.status == "rejected" or not item.body_html:
        raise DeskError(f"the item cannot be used: {item.error or 'no body'}")
    section = section or item.source.auto_publish_section or default_section()
    if section is None:
        raise DeskError("there is no section to file the story in")
    from masthead.ingest.provenance import original_date
    from masthead.ingest.sanitize import blocks

    related = item.related_article
    if related is None and item.related_headline:
        related = item.related_article = find_related([item.related_headline])
    draft = news.StoryDraft(
        title=item.headline[:255],
        paragraphs=blocks(item.body_html),
        dateline=item.dateline,
        standfirst=item.summary[:500] if item.summary and item.summary not in text_of(item.body_html)[:600] else "",
        agency=item.agency,
        tags=[subject[:100] for subject in item.subjects[:10]],
        related_article=related,
    )
    with transaction.atomic():
        story = news.file_story(section, draft, publish=publish, published_at=original_date(item), user=user)
        item.article = story
        item.status = "published" if story.live else "drafted"
        item.needs_review = False
        item.save(update_fields=["article", "status", "needs_review", "related_article"])
    return story


def ignore_item(item: WireItem, *, user=None) -> None:
    if item.article_id is not None:
        raise DeskError("a story was made from this item; unpublish or delete the story instead")
    item.status = "ignored"
    item.save(update_fields=["status"])


def ignore_cluster(cluster: WireCluster, *, user=None) -> int:
    return WireItem.objects.filter(cluster=cluster, status__in=("new", "held", "rejected"), article=None).update(status="ignored")


def restore_item(item: WireItem) -> None:
    """Undo Ignore: back to new (or held, while an embargo runs)."""
    if item.status != "ignored":
        return
    item.status = "held" if item.is_embargoed else "new"
    item.save(update_fields=["status"])


def apply_kill(item: WireItem, *, reason: str, user=None):
    """The agency killed (withdrew) the item: hold it off the desk and unpublish any story made from it.

    Returns the story that was unpublished, or None.
    """
    from masthead.news import services as news

    unpublished = None
    article = item.article
    if article is not None and article.live:
        news.unpublish_story(article, reason=reason, user=user)
        unpublished = article
    item.status = "killed"
    item.killed_at = timezone.now()
    item.kill_note = reason + (f" The story “{article.title}” was unpublished." if unpublished else "")
    item.publish_section = None
    item.save(update_fields=["status", "killed_at", "kill_note", "publish_section"])
    if article is not None:
        _log_on_story(item, "masthead.wire_kill", item.kill_note, user=user)
    return unpublished


def _log_on_story(item: WireItem, action: str, message: str, user=None) -> None:
    """A line in the story's history in the admin, so editors see why it changed."""
    if item.article_id is None:
        return
    from wagtail.log_actions import log

    log(instance=item.article, action=action, user=user, data={"message": message, "wire_item": item.pk})


def release_embargoed(*, now: datetime | None = None, user=None) -> list[WireItem]:
    """Items whose embargo has ended go back to the desk; those meant to be published are published.

    Exactly once, however many pollers and clock ticks run at the same time: each item is claimed by a
    conditional UPDATE (held → new) that must change its row, in the same transaction as its story, so only
    one caller files the story (and a later kill unpublishes it), and a release that fails is tried again.
    """
    from masthead.schedule import timeline
    from masthead.schedule.models import StoryEvent

    now = now or timezone.now()
    released = []
    for item in WireItem.objects.filter(status="held", embargo_until__lte=now).select_related("source", "publish_section"):
        try:
            with transaction.atomic():
                if WireItem.objects.filter(pk=item.pk, status="held", embargo_until__lte=now).update(status="new") != 1:
                    continue  # released by another poller or worker (or changed on the desk) meanwhile
                released_at = timezone.now()
                item.refresh_from_db()
                target = item.publish_section or item.source.auto_publish_section
                if target is not None and item.pub_status == "usable" and _cluster_story(item) is None:
                    try:
                        story = create_story_from_item(item, section=target, publish=True, user=user)
                    except DeskError as error:
                        log.warning("embargo release of item %s: %s", item.pk, error)
                    else:
                        lateness = round(max((released_at - item.embargo_until).total_seconds(), 0.0), 3)
                        detail = {"wire_item": item.pk, "embargo_until": item.embargo_until.isoformat()}
                        detail["lateness_seconds"] = lateness
                        # Dated at the release, so the timeline reads "released" before "published".
                        timeline.record(story.pk, StoryEvent.Kind.EMBARGO_RELEASED, detail, at=released_at)
        except Exception:
            log.exception("embargo release of item %s failed; it stays held and is tried again", item.pk)
            continue
        released.append(item)
    return released
