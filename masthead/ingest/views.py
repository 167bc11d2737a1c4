"""The wire desk's admin views: thin, reading through querysets and writing through ingest.desk_actions.

GET views write nothing but the session's note of the newest item the editor has seen (for the
menu's count of new items); every action is a POST (CSRF-protected by Django's
middleware) that redirects. Only the Wire desk role (users/roles.py) sees the desk: every view asks for
its permission and answers 403 without it; raw payloads, agency copy exactly as received, have their own.
"""

from __future__ import annotations

import json
from collections import defaultdict

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from masthead.ingest import desk_actions, pictures
from masthead.ingest.models import WireCluster, WireItem, WireSource
from masthead.ingest.sanitize import clean_html
from masthead.lib.pagination import paginate
from masthead.news import lookups
from masthead.search.engine import newest_index_matches, words
from masthead.search.views import MAX_QUERY_LENGTH
from masthead.users.access import role_required
from masthead.users.roles import RAW_PAYLOAD_PERMISSION, WIRE_ACTION_PERMISSION, WIRE_DESK, WIRE_DESK_PERMISSION

desk_permission = role_required(WIRE_DESK_PERMISSION, role=WIRE_DESK)
action_permission = role_required(WIRE_DESK_PERMISSION, WIRE_ACTION_PERMISSION, role=WIRE_DESK)
raw_permission = role_required(WIRE_DESK_PERMISSION, RAW_PAYLOAD_PERMISSION, role=WIRE_DESK)

CLUSTERS_PER_PAGE = 25
STATUSES = dict(WireItem.Status.choices)
MAX_BULK = 100  # items one bulk action takes: a page is 25 rows of a few items each
SEARCH_CANDIDATES = 500  # the newest matches of a search, as the reader search bounds it (search/engine.py)
FLASH_URGENCY = 2  # IPTC urgency 1 (flash) and 2 (bulletin) stand out on the desk
URGENCY_LABELS = {1: "Flash", 2: "Bulletin", 3: "Urgent"}
OPTIONS_CACHE_SECONDS = 300  # the filters' agencies and categories change only when new agencies appear
PULSE_CACHE_SECONDS = 5  # every desk polls; one count per few seconds answers them all
PULSE_CAP = 100  # "99+" is as much as a menu badge needs
SEEN_SESSION_KEY = "wire_desk_seen"  # the newest item id the editor has seen on the desk
SELECTED_SESSION_KEY = "wire_desk_selected"  # items a bulk action could not act on, checked again on the desk
SORTS = {"newest": "Newest first", "urgency": "Most urgent first"}
KINDS = {"text": "Stories", "picture": "Pictures"}
URGENCY_FILTERS = {"1": "Flash only", "2": "Flash and bulletins", "3": "Urgent and above"}


def _positive_int(raw: str | None) -> int | None:
    try:
        value = int((raw or "").strip())
    except ValueError:
        return None
    return value if value > 0 else None


def _search(items, query: str):
    """``items`` holding every word of ``query`` in headline, body or subjects: the index's newest matches, bounded."""
    terms = words(query)
    if not terms:
        return items.none()
    ids = newest_index_matches(terms, [WireItem], limit=SEARCH_CANDIDATES)
    if ids is None:  # a database with no full-text fast path: headlines only
        return items.filter(Q(headline__icontains=query) | Q(external_id=query))
    return items.filter(Q(pk__in=ids) | Q(external_id=query))


def _json_string(text: str) -> str:
    # As the column holds it: SQLite keeps Django's ASCII-escaped JSON text, PostgreSQL's jsonb prints UTF-8.
    return json.dumps(text, ensure_ascii=connection.vendor != "postgresql")


def filtered_items(params) -> tuple:
    """Items matching the desk's filters, and the filters as understood (bad values are ignored, never an error)."""
    items = WireItem.objects.all()
    chosen: dict = {}
    query = " ".join((params.get("q") or "").split())[:MAX_QUERY_LENGTH]
    if query:
        items = _search(items, query)
        chosen["q"] = query
    subject = " ".join((params.get("subject") or "").split())[:100]
    if subject:
        # Through the index first (bounded, like a search), then the exact subject among those few rows.
        items = _search(items, subject).filter(subjects__icontains=_json_string(subject))
        chosen["subject"] = subject
    source = _positive_int(params.get("source"))
    if source:
        items = items.filter(source_id=source)
        chosen["source"] = source
    agency = _positive_int(params.get("agency"))
    if agency:
        items = items.filter(agency_id=agency)
        chosen["agency"] = agency
    category = (params.get("category") or "").strip()[:32]
    if category:
        items = items.filter(category=category)
        chosen["category"] = category
    urgency = params.get("urgency") or ""
    if urgency in URGENCY_FILTERS:
        items = items.filter(urgency__lte=int(urgency))
        chosen["urgency"] = urgency
    kind = params.get("kind") or ""
    if kind in KINDS:
        items = items.filter(kind=kind)
        chosen["kind"] = kind
    status = params.get("status") or ""
    if status in STATUSES:
        items = items.filter(status=status)
        chosen["status"] = status
    if params.get("stale") == "1":
        items = items.filter(stale=True)
        chosen["stale"] = "1"
    if params.get("review") == "1":
        items = items.filter(needs_review=True)
        chosen["review"] = "1"
    return items, chosen


def _newer() -> Q:
    return Q(received_at__gt=OuterRef("received_at")) | Q(received_at=OuterRef("received_at"), pk__gt=OuterRef("pk"))


def _leads(items, ahead: Q, order: tuple):
    """``items`` that no item of their own cluster among ``items`` comes ``ahead`` of, in ``order``."""
    before = items.filter(cluster_id=OuterRef("cluster_id")).filter(ahead).order_by().values("pk")
    return items.exclude(Exists(before)).select_related("source", "agency", "article").order_by(*order)


def newest_leads(items):
    """One item per cluster, its newest among ``items``, newest first.

    The desk shows a story once however many agencies sent it. Each candidate
    asks whether its cluster holds a newer matching item: one look-up through
    the cluster index per row read, whatever the size of the wire.
    """
    return _leads(items, _newer(), ("-received_at", "-pk"))


class UrgencyLeads:
    """One item per cluster, its most urgent among ``items``: by IPTC urgency (1 flash first), then newest.

    Copy that carries no urgency (web pages, feeds) comes after all that does. Kept as two index-ordered
    queries rather than one NULLS LAST sort, which no index serves: the first page reads a page of rows.
    """

    def __init__(self, items):
        rated = items.filter(urgency__isnull=False)
        self.rated = _leads(
            rated,
            Q(urgency__lt=OuterRef("urgency")) | (Q(urgency=OuterRef("urgency")) & _newer()),
            ("urgency", "-received_at", "-pk"),
        )
        self.unrated = _leads(
            items, Q(urgency__isnull=False) | (Q(urgency__isnull=True) & _newer()), ("-received_at", "-pk")
        ).filter(urgency__isnull=True)

    def fetch(self, _queryset, offset: int, limit: int) -> list[WireItem]:
        rows = list(self.rated[offset : offset + limit])
        if len(rows) == limit:
            return rows
        rated_total = offset + len(rows) if rows else self.rated.count()
        start = max(0, offset - rated_total)
        return rows + list(self.unrated[start : start + limit - len(rows)])


class ClusterRow:
    """One row of the desk: a cluster's first matching item, and every other item of the cluster under it."""

    def __init__(self, lead: WireItem, items: list[WireItem]):
        self.lead = lead
        self.items = items or [lead]
        self.cluster_id = lead.cluster_id

    @property
    def others(self) -> list[WireItem]:
        return [item for item in self.items if item.pk != self.lead.pk]

    @property
    def agencies(self) -> list[str]:
        return sorted({(item.agency.name if item.agency else item.agency_credit or item.source.name) for item in self.items})

    @property
    def has_new(self) -> bool:
        return any(item.status in ("new", "held") for item in self.items)


def _filter_options() -> dict:
    from masthead.news.models import Agency

    def load():
        return {
            "sources": list(WireSource.objects.order_by("name").values_list("pk", "name")),
            "agencies": list(
                Agency.objects.filter(pk__in=WireItem.objects.exclude(agency=None).values("agency"))
                .order_by("name")
                .values_list("pk", "name")
            ),
            "categories": sorted(
                set(WireItem.objects.exclude(category="").order_by().values_list("category", flat=True).distinct())
            )[:200],
        }

    return cache.get_or_set("ingest:desk-filter-options", load, OPTIONS_CACHE_SECONDS)


@require_GET
@desk_permission
def desk(request):
    items, chosen = filtered_items(request.GET)
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "newest"
    if sort == "urgency":
        by_urgency = UrgencyLeads(items)
        listing = paginate(request, by_urgency.rated, CLUSTERS_PER_PAGE, fetch=by_urgency.fetch)
    else:
        listing = paginate(request, newest_leads(items), CLUSTERS_PER_PAGE)
    leads = list(listing.items)
    cluster_ids = [lead.cluster_id for lead in leads if lead.cluster_id]
    members: dict[int, list[WireItem]] = defaultdict(list)
    if cluster_ids:
        for item in (
            WireItem.objects.filter(cluster__in=cluster_ids)
            .select_related("source", "agency", "article")
            .order_by("-received_at", "-pk")
        ):
            members[item.cluster_id].append(item)
    rows = [ClusterRow(lead, members.get(lead.cluster_id, [])) for lead in leads]
    newest = WireItem.objects.aggregate(newest=Max("pk"))["newest"] or 0
    request.session[SEEN_SESSION_KEY] = newest
    query = request.GET.copy()
    query.pop("page", None)
    sort_query = request.GET.copy()
    for name in ("page", "sort"):
        sort_query.pop(name, None)
    can_act = request.user.has_perm(WIRE_ACTION_PERMISSION)
    return TemplateResponse(
        request,
        "ingest/desk.html",
        {
            "rows": rows,
            "listing": listing,
            "chosen": chosen,
            "sort": sort,
            "sorts": SORTS,
            "kinds": KINDS,
            "urgency_filters": URGENCY_FILTERS,
            "statuses": WireItem.Status.choices,
            "options": _filter_options(),
            "query_string": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "newest": newest,
            "can_act": can_act,
            "sections": _sections_for(request.user) if can_act and rows else [],
            "selected": set(request.session.pop(SELECTED_SESSION_KEY, [])),
        },
    )


def new_items_since(seen: int, *, shared: bool = True) -> int:
    """New items received after item ``seen`` (at most PULSE_CAP), counted once per few seconds for every desk.

    ``shared=False`` counts now: the admin menu's badge is one bounded index probe per page, and an admin page
    must cost the same number of queries whether or not a cached count has just expired (tests count them).
    """

    def count():
        return WireItem.objects.filter(pk__gt=seen, status=WireItem.Status.NEW).order_by()[:PULSE_CAP].count()

    if not shared:
        return count()
    return cache.get_or_set(f"ingest:desk-new-since:{seen}", count, PULSE_CACHE_SECONDS)


@require_GET
@desk_permission
def pulse(request):
    """The desk's pulse for its polling script: the newest item and how many new items arrived after ``since``.

    Private to the desk and never stored by a browser or proxy (the admin marks it no-store); the script
    sends back the ETag, so an unchanged desk is a 304, and the counts come from a cache a few seconds
    old, shared by every desk, so a newsroom of polling desks costs one count per few seconds.
    """
    since = _positive_int(request.GET.get("since")) or request.session.get(SEEN_SESSION_KEY) or 0
    newest = cache.get_or_set(
        "ingest:desk-newest", lambda: WireItem.objects.aggregate(newest=Max("pk"))["newest"] or 0, PULSE_CACHE_SECONDS
    )
    state = {"newest": newest, "since": since, "new": new_items_since(since) if newest > since else 0, "cap": PULSE_CAP}
    etag = '"{newest}-{since}-{new}"'.format(**state)
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        response = JsonResponse(state)
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"  # the admin adds no-store: the script sends its ETag itself
    patch_vary_headers(response, ["Cookie"])
    return response


def _sections_for(user):
    from masthead.news.models import SectionPage

    return [
        section for section in SectionPage.objects.live().order_by("path") if section.permissions_for_user(user).can_add_subpage()
    ]


@require_GET
@desk_permission
def item_detail(request, pk: int):
    item = get_object_or_404(
        WireItem.objects.select_related("source", "agency", "article", "related_article", "payload", "cluster"), pk=pk
    )
    siblings = []
    if item.cluster_id:
        siblings = list(
            WireItem.objects.filter(cluster_id=item.cluster_id)
            .exclude(pk=item.pk)
            .select_related("source", "agency")
            .order_by("-received_at")
        )
    default = item.source.auto_publish_section or lookups.default_section()
    return TemplateResponse(
        request,
        "ingest/item.html",
        {
            "item": item,
            "body": _preview(item),
            "versions": list(item.versions.order_by("-revision")),
            "siblings": siblings,
            "sections": _sections_for(request.user) if item.can_draft else [],
            "default_section": default,
            "agencies": _agencies_for_credit(request.user, item),
        },
    )


def _agencies_for_credit(user, item: WireItem) -> list:
    """The register to offer an unknown credit to, for those who may add to it."""
    from masthead.news.models import Agency

    if not item.unknown_credit or not user.has_perm("news.change_agency"):
        return []
    return list(Agency.objects.order_by("name").only("pk", "name")[:500])


def _preview(item: WireItem):
    # Stored sanitised; cleaned again here so that nothing stored under an older allow-list renders unchecked.
    body = clean_html(item.body_html)
    if item.dateline:
        label = f'<strong class="dateline">{escape(item.dateline.upper())}:</strong> '
        body = body[:3] + label + body[3:] if body.startswith("<p>") else f"<p>{label}</p>{body}"
    return mark_safe(body)


@require_GET
@raw_permission
def item_raw(request, pk: int):
    """The payload exactly as received, as a download: never rendered by the browser."""
    item = get_object_or_404(WireItem.objects.select_related("payload"), pk=pk)
    if item.payload is None:
        return HttpResponse("The raw payload of this item is no longer kept.", status=404, content_type="text/plain")
    response = HttpResponse(bytes(item.payload.content), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="wire-item-{item.pk}-{item.payload.sha256[:12]}.bin"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _back(request, fallback: str):
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@require_POST
@desk_permission
def create_draft(request, pk: int):
    from masthead.news.models import SectionPage

    item = get_object_or_404(WireItem.objects.select_related("source", "agency", "related_article"), pk=pk)
    section_id = _positive_int(request.POST.get("section"))
    section = (
        get_object_or_404(SectionPage, pk=section_id)
        if section_id
        else (item.source.auto_publish_section or lookups.default_section())
    )
    if section is None:
        messages.error(request, "There is no section to file the story in.")
        return redirect("ingest_item", pk=item.pk)
    if not section.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    try:
        story = desk_actions.create_story_from_item(item, section=section, publish=False, user=request.user)
    except desk_actions.DeskError as error:
        messages.error(request, f"Cannot create a draft: {error}.")
        return redirect("ingest_item", pk=item.pk)
    messages.success(request, f"Draft “{story.title}” created from the wire item.")
    return redirect("wagtailadmin_pages:edit", story.pk)


@require_POST
@action_permission
def ignore(request, pk: int):
    item = get_object_or_404(WireItem, pk=pk)
    try:
        desk_actions.ignore_item(item, user=request.user)
    except desk_actions.DeskError as error:
        messages.error(request, f"Cannot ignore: {error}.")
    else:
        messages.success(request, f"Ignored “{item.headline or item.external_id}”.")
    return _back(request, reverse("ingest_desk"))


@require_POST
@action_permission
def restore(request, pk: int):
    item = get_object_or_404(WireItem, pk=pk)
    desk_actions.restore_item(item)
    messages.success(request, f"“{item.headline or item.external_id}” is back on the desk.")
    return _back(request, reverse("ingest_item", args=(item.pk,)))


@require_POST
@action_permission
def ignore_cluster(request, pk: int):
    cluster = get_object_or_404(WireCluster, pk=pk)
    count = desk_actions.ignore_cluster(cluster, user=request.user)
    messages.success(request, f"Ignored {count} item{'s' if count != 1 else ''}.")
    return _back(request, reverse("ingest_desk"))


@require_POST
@action_permission
def bulk(request):
    """One form for the desk's selection: create drafts in a section, or ignore. Each item is its own transaction:
    one that cannot be acted on is named with the reason and stays selected; the others go through."""
    from masthead.news.models import SectionPage

    action = request.POST.get("action")
    ids = list(dict.fromkeys(pk for pk in map(_positive_int, request.POST.getlist("item")) if pk))
    back = _back(request, reverse("ingest_desk"))
    if action not in ("draft", "ignore"):
        messages.error(request, "Choose what to do with the selected items.")
        return back
    if not ids:
        messages.error(request, "Select one or more items first.")
        return back
    if len(ids) > MAX_BULK:
        messages.error(request, f"Select at most {MAX_BULK} items at once; nothing was done.")
        request.session[SELECTED_SESSION_KEY] = ids[:MAX_BULK]
        return back
    section = None
    if action == "draft":
        section_id = _positive_int(request.POST.get("section"))
        section = SectionPage.objects.filter(pk=section_id).first() if section_id else None
        if section is None or not section.permissions_for_user(request.user).can_add_subpage():
            messages.error(request, "Choose a section you may file stories in; nothing was done.")
            request.session[SELECTED_SESSION_KEY] = ids
            return back
    items = {item.pk: item for item in WireItem.objects.filter(pk__in=ids).select_related("source", "agency", "article")}
    done: list[str] = []
    failed: list[int] = []
    for pk in ids:
        item = items.get(pk)
        if item is None:
            messages.error(request, f"Item {pk} is no longer on the wire.")
            continue
        try:
            with transaction.atomic():
                if action == "draft":
                    desk_actions.create_story_from_item(item, section=section, publish=False, user=request.user)
                else:
                    desk_actions.ignore_item(item, user=request.user)
        except desk_actions.DeskError as error:
            failed.append(pk)
            messages.error(request, f"“{item.headline or item.external_id}”: {error}.")
        else:
            done.append(item.headline or item.external_id)
    if done:
        what = (
            f"{len(done)} draft{'s' if len(done) != 1 else ''} created in {section.title}"
            if section
            else f"Ignored {len(done)} item{'s' if len(done) != 1 else ''}"
        )
        messages.success(request, f"{what}: {', '.join(f'“{headline}”' for headline in done[:5])}{' …' if len(done) > 5 else ''}")
    if failed:
        request.session[SELECTED_SESSION_KEY] = failed
    return back


@require_POST
@desk_permission
def add_agency_credit(request, pk: int):
    """An unknown credit offered to the register: a new agency, or an alias of one (who may edit agencies)."""
    from masthead.news.models import Agency

    item = get_object_or_404(WireItem, pk=pk)
    agency = None
    if request.POST.get("agency"):
        if not request.user.has_perm("news.change_agency"):
            raise PermissionDenied
        agency = Agency.objects.filter(pk=_positive_int(request.POST["agency"]) or 0).first()
        if agency is None:
            messages.error(request, "That agency no longer exists: choose another.")
            return redirect("ingest_item", pk=item.pk)
    elif not request.user.has_perm("news.add_agency"):
        raise PermissionDenied
    try:
        agency, credited = desk_actions.register_credit(item, agency=agency, name=request.POST.get("name", ""))
    except desk_actions.DeskError as error:
        messages.error(request, f"Cannot add the credit: {error}.")
        return redirect("ingest_item", pk=item.pk)
    messages.success(
        request, f"“{item.unknown_credit}” is now credited to {agency.name} ({credited} item{'s' if credited != 1 else ''})."
    )
    return redirect("ingest_item", pk=item.pk)


@require_POST
@action_permission
def add_picture(request, pk: int):
    """A picture item into the picture library, with its caption and credit."""
    item = get_object_or_404(WireItem, pk=pk)
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    # The picture library's own rule (collection permissions): the Wire desk role may add pictures.
    if not policy_registry.get_by_type(get_image_model()).user_has_permission(request.user, "add"):
        raise PermissionDenied
    try:
        picture = pictures.add_to_library(item, user=request.user)
    except pictures.PictureError as error:
        messages.error(request, f"Cannot add the picture: {error}.")
        return redirect("ingest_item", pk=item.pk)
    messages.success(request, f"“{picture.title}” is in the picture library, credited “{picture.credit or 'no credit'}”.")
    return _back(request, reverse("wagtailimages:edit", args=(picture.pk,)))
