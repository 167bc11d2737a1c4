"""The ingest pipeline: payload → parse → sanitise → dedup → store (→ file a story when asked).

- :func:`ingest_payload` — bytes in (a file, a fetched URL, a feed poll), wire items out: stored raw
  (payloads.py), parsed (formats/), sanitised (sanitize.py), stripped of learned chrome (boilerplate.py),
  checked for freshness (freshness.py), versioned, clustered (dedup.py), and filed as stories when asked
  (desk_actions.py).

Idempotency: an item is identified by (source, external id); the same content again is a duplicate and
writes nothing; different content is a new version, which updates the item and flags any story made from
it. That holds when two processes take in the same item at once: the loser of the insert meets the unique
constraint, and its item is filed again in a fresh savepoint, where it finds the winner's row.
"""

from __future__ import annotations

import hashlib
import json
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from masthead.ingest import agencies, boilerplate, config, dedup, freshness, listing_pages
from masthead.ingest.desk_actions import apply_kill, create_story_from_item, log_on_story
from masthead.ingest.formats import registry
from masthead.ingest.formats.base import CANCELED, ParsedItem, ParseError
from masthead.ingest.models import WireItem, WireItemVersion, WirePayload, WireSource
from masthead.ingest.payloads import source_for, source_named, store_payload
from masthead.ingest.reports import IngestReport, Outcome
from masthead.ingest.sanitize import sanitize_paragraphs, text_of, text_of_blocks
from masthead.news import lookups

log = logging.getLogger(__name__)

Status = WireItem.Status


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
    limit = config.max_payload_bytes()
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
    payload, _ = store_payload(content, origin=origin, content_type=content_type, source=source, limit=limit)
    try:
        parser, result = registry.read(
            content,
            hint or registry.hint_for(origin, content_type or None),
            schemas=config.schema_catalogue(),
            max_bytes=limit,
            limits=config.item_limits(),
        )
        if parser.name == "html":
            # A front or section page reads as one "story" of teaser lines: refused here, with the evidence.
            body = [p for parsed in result.items for p in parsed.paragraphs]
            listing_pages.refuse_listing(content, body, content_type or None)
    except ParseError as error:
        report.error = str(error)
        report.source = source
        if not payload.error:
            payload.error = report.error
            payload.save(update_fields=["error"])
        return
    report.format = parser.name
    report.warnings = list(result.warnings)
    source = source_for(source, result, origin, parser.name)
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
    learned = boilerplate.learned_chrome(source)
    fetched_from = origin if origin.startswith(("http://", "https://")) else ""
    for parsed in result.items:
        if fetched_from and parser.name == "html":
            # A page fetched by URL is identified by that URL when it names no canonical one.
            parsed.url = parsed.url or fetched_from
            if parsed.external_id.startswith("sha256:"):
                parsed.external_id = fetched_from[:500]
        report.outcomes.append(
            _file_in_savepoint(
                parsed,
                parser.name,
                source,
                payload,
                origin=origin,
                learned=learned,
                section=section,
                publish=publish,
                dry_run=dry_run,
                user=user,
            )
        )


def _file_in_savepoint(parsed: ParsedItem, format_name: str, source: WireSource, payload: WirePayload, *, origin, **options):
    """File one item in its own savepoint, so that one item's failure loses no other item of the payload.

    A unique violation means another process filed the same (source, external id) between this one's read and
    its insert: the item is filed once more, and then finds that row (a duplicate, or a newer version of it).
    """
    for attempt in range(2):
        try:
            with transaction.atomic():
                return _file_item(parsed, format_name, source, payload, **options)
        except IntegrityError as error:
            if attempt == 0:
                log.info("item %s of %s was filed meanwhile by another process; filing it again", parsed.external_id, origin)
                continue
            failure = error
        except Exception as error:
            failure = error
        log.exception("item %s of %s failed", parsed.external_id, origin, exc_info=failure)
        reason = f"internal error: {type(failure).__name__}: {failure}"
        return Outcome("rejected", f"{parsed.external_id}: {reason}", reason=reason)


def content_hash(parsed: ParsedItem, body_html: str) -> str:
    """What makes two deliveries of one item the same version."""
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
    digest = content_hash(parsed, body_html)
    existing = WireItem.objects.filter(source=source, external_id=parsed.external_id).select_related("article").first()

    if existing is not None and existing.content_hash == digest:
        return Outcome("duplicate", f"{_label(existing)}: already on the wire, unchanged", item=existing, stale=existing.stale)
    if existing is not None and _is_older(parsed, existing):
        return Outcome(
            "duplicate",
            f"{_label(existing)}: version {parsed.version} is older than the one held ({existing.version})",
            item=existing,
        )

    if parsed.pub_status == CANCELED:
        if existing is None:
            item = _new_item(parsed, format_name, source, payload, body_html, digest)
            item.status = Status.KILLED
            item.killed_at = timezone.now()
            item.kill_note = "Withdrawn by the agency before it reached the desk."
            item.save()
            _record_version(item, payload)
            return Outcome("killed", f"{_label(item)}: withdrawn by the agency", item=item)
        _update_item(existing, parsed, payload, body_html, digest)
        story = apply_kill(
            existing, reason=f"The agency withdrew this item (version {parsed.version or existing.revision}).", user=user
        )
        note = "; its story was unpublished" if story is not None else ""
        return Outcome("killed", f"{_label(existing)}: withdrawn by the agency{note}", item=existing, story=story)

    if existing is not None:
        was_story = existing.article_id is not None
        _update_item(existing, parsed, payload, body_html, digest)
        _assess(existing, parsed, body_html)
        _status_after_parse(existing, parsed, keep_desk_state=True)
        if was_story:
            existing.needs_review = True
            existing.review_note = f"Version {parsed.version or existing.revision} received {timezone.now():%Y-%m-%d %H:%M} UTC after the story was made: check the story."
            log_on_story(existing, "masthead.wire_update", existing.review_note)
        existing.save()
        dedup.index(existing)
        message = f"{_label(existing)}: updated to version {parsed.version or existing.revision}"
        if was_story:
            message += "; its story is flagged for the desk"
        return Outcome("updated", message, item=existing, stale=existing.stale, held=existing.status == Status.HELD)

    item = _new_item(parsed, format_name, source, payload, body_html, digest)
    _assess(item, parsed, body_html)
    _status_after_parse(item, parsed, keep_desk_state=False)
    item.save()
    _record_version(item, payload)
    clustered = dedup.index(item)
    rejected = item.status == Status.REJECTED
    if not rejected:
        boilerplate.learn_chrome(source, paragraphs)
    outcome = Outcome(
        "rejected" if rejected else "new",
        f"{_label(item)}" + (f": {item.error}" if rejected else ""),
        reason=item.error if rejected else "",
        item=item,
        stale=item.stale,
        held=item.status == Status.HELD,
        clustered=clustered,
    )

    target = section or source.auto_publish_section
    wants_publish = publish or source.auto_publish_section_id is not None
    if wants_publish and item.status == Status.HELD:
        item.publish_section = target or lookups.default_section()
        item.save(update_fields=["publish_section"])
        outcome.message += f" (held until {item.embargo_until:%Y-%m-%d %H:%M} UTC, then published)"
    elif (wants_publish or section is not None) and item.status == Status.NEW:
        sibling = dedup.cluster_story(item)
        if sibling is not None:
            outcome.message += f" (near-duplicate of story “{sibling.title}”: left for the desk)"
        elif dry_run:
            outcome.message += " (would be published)" if wants_publish else " (would be drafted)"
        else:
            story = create_story_from_item(item, section=target or lookups.default_section(), publish=wants_publish, user=user)
            outcome.story = story
            outcome.story_published = story.live
    return outcome


def _label(item: WireItem) -> str:
    return f"“{item.headline[:80]}”" if item.headline else item.external_id[:80]


def _new_item(parsed: ParsedItem, format_name, source, payload, body_html, digest) -> WireItem:
    item = WireItem(source=source, external_id=parsed.external_id, format=format_name)
    _fill(item, parsed, payload, body_html, digest)
    item.received_at = item.updated_at
    _credit(item, parsed, fallback=source.default_agency)
    return item


def _credit(item: WireItem, parsed: ParsedItem, *, fallback) -> None:
    """The agency the copy credits; a credit naming no agency is kept for the desk to add to the register."""
    agency, credit = agencies.resolve_first(parsed.agency_credits)
    item.agency = agency or fallback
    item.agency_credit = credit[:128] or item.agency_credit
    item.unknown_credit = "" if agency is not None else credit[:128]


def _fill(item: WireItem, parsed: ParsedItem, payload, body_html, digest) -> None:
    item.payload = payload
    item.version = parsed.version
    item.version_created = parsed.version_created
    item.content_hash = digest
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
    item.related_article = lookups.find_related(parsed.related_headlines) if parsed.related_headlines else None
    item.warnings = list(parsed.warnings)
    item.error = parsed.error
    item.extra = parsed.extra
    item.urgency = parsed.urgency if parsed.urgency is not None and 0 < parsed.urgency < 10 else None
    item.category = parsed.category[:32]
    item.keyword = parsed.keyword[:128]
    item.kind = WireItem.Kind.PICTURE if parsed.kind == WireItem.Kind.PICTURE else WireItem.Kind.TEXT
    picture = parsed.picture or {}
    item.picture_href = str(picture.get("href") or "")[:2000]
    item.picture_caption = str(picture.get("caption") or "")
    item.picture_credit = str(picture.get("credit") or "")[:255]


def _update_item(item: WireItem, parsed: ParsedItem, payload, body_html, digest) -> None:
    _fill(item, parsed, payload, body_html, digest)
    _credit(item, parsed, fallback=item.agency or item.source.default_agency)
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
    found = freshness.assess(f"{parsed.headline}\n{text_of_blocks(body_html)}", when, stale_after_days=config.stale_after_days())
    item.stale = found.stale
    item.stale_reason = found.reason
    item.copy_date = found.copy_date
    item.time_references = [reference.as_dict() for reference in found.references][:40]


def _status_after_parse(item: WireItem, parsed: ParsedItem, *, keep_desk_state: bool) -> None:
    if parsed.error:
        item.status = Status.REJECTED
        return
    if item.embargo_until and item.embargo_until > timezone.now():
        if item.status in (Status.NEW, Status.REJECTED, Status.HELD) or not keep_desk_state:
            item.status = Status.HELD
        return
    if not keep_desk_state or item.status in (Status.REJECTED, Status.HELD, Status.KILLED):
        if item.article_id is None:
            item.status = Status.NEW
        else:
            item.status = Status.PUBLISHED if item.article and item.article.live else Status.DRAFTED
