"""The wire desk's admin views: thin, reading through querysets and writing through ingest.services.

GET views never write; every action is a POST (CSRF-protected by Django's
middleware) that redirects. Only the Wire desk role (users/roles.py) sees the desk: every view asks for
its permission and answers 403 without it; raw payloads, agency copy exactly as received, have their own.
"""

from __future__ import annotations

from collections import OrderedDict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from masthead.ingest import services
from masthead.ingest.models import WireCluster, WireItem, WireSource
from masthead.ingest.sanitize import clean_html
from masthead.lib.pagination import paginate
from masthead.users.access import role_required
from masthead.users.roles import RAW_PAYLOAD_PERMISSION, WIRE_ACTION_PERMISSION, WIRE_DESK, WIRE_DESK_PERMISSION

desk_permission = role_required(WIRE_DESK_PERMISSION, role=WIRE_DESK)
action_permission = role_required(WIRE_DESK_PERMISSION, WIRE_ACTION_PERMISSION, role=WIRE_DESK)
raw_permission = role_required(WIRE_DESK_PERMISSION, RAW_PAYLOAD_PERMISSION, role=WIRE_DESK)

CLUSTERS_PER_PAGE = 25
STATUSES = dict(WireItem.STATUS_CHOICES)


def _positive_int(raw: str | None) -> int | None:
    try:
        value = int((raw or "").strip())
    except ValueError:
        return None
    return value if value > 0 else None


def filtered_items(params) -> tuple:
    """Items matching the desk's filters, and the filters as understood (bad values are ignored, never an error)."""
    items = WireItem.objects.all()
    chosen: dict = {}
    query = (params.get("q") or "").strip()[:200]
    if query:
        items = items.filter(Q(headline__icontains=query) | Q(external_id=query))
        chosen["q"] = query
    source = _positive_int(params.get("source"))
    if source:
        items = items.filter(source_id=source)
        chosen["source"] = source
    agency = _positive_int(params.get("agency"))
    if agency:
        items = items.filter(agency_id=agency)
        chosen["agency"] = agency
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


class ClusterRow:
    """One row of the desk: a cluster's newest matching item, and every item of the cluster under it."""

    def __init__(self, cluster_id: int, items: list[WireItem], lead: WireItem):
        self.cluster_id = cluster_id
        self.items = items
        self.lead = lead

    @property
    def others(self) -> list[WireItem]:
        return [item for item in self.items if item.pk != self.lead.pk]

    @property
    def agencies(self) -> list[str]:
        return sorted({(item.agency.name if item.agency else item.agency_credit or item.source.name) for item in self.items})

    @property
    def has_new(self) -> bool:
        return any(item.status in ("new", "held") for item in self.items)


@require_GET
@desk_permission
def desk(request):
    from masthead.news.models import Agency

    items, chosen = filtered_items(request.GET)
    clusters = items.exclude(cluster=None).values("cluster").annotate(latest=Max("received_at")).order_by("-latest", "-cluster")
    listing = paginate(request, clusters, CLUSTERS_PER_PAGE)
    cluster_ids = [row["cluster"] for row in listing.items]
    matching = set(items.filter(cluster__in=cluster_ids).values_list("pk", flat=True))
    grouped: OrderedDict[int, list[WireItem]] = OrderedDict((cluster_id, []) for cluster_id in cluster_ids)
    for item in (
        WireItem.objects.filter(cluster__in=cluster_ids)
        .select_related("source", "agency", "article")
        .order_by("-received_at", "-pk")
    ):
        grouped[item.cluster_id].append(item)
    rows = [
        ClusterRow(cluster_id, members, next((m for m in members if m.pk in matching), members[0]))
        for cluster_id, members in grouped.items()
        if members
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "ingest/desk.html",
        {
            "rows": rows,
            "listing": listing,
            "chosen": chosen,
            "statuses": WireItem.STATUS_CHOICES,
            "sources": WireSource.objects.order_by("name").only("pk", "name"),
            "agencies": Agency.objects.filter(pk__in=WireItem.objects.exclude(agency=None).values("agency"))
            .order_by("name")
            .only("pk", "name"),
            "query_string": query.urlencode(),
        },
    )


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
    default = item.source.auto_publish_section or services.default_section()
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
        },
    )


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
        else (item.source.auto_publish_section or services.default_section())
    )
    if section is None:
        messages.error(request, "There is no section to file the story in.")
        return redirect("ingest_item", pk=item.pk)
    if not section.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    try:
        story = services.create_story_from_item(item, section=section, publish=False, user=request.user)
    except services.DeskError as error:
        messages.error(request, f"Cannot create a draft: {error}.")
        return redirect("ingest_item", pk=item.pk)
    messages.success(request, f"Draft “{story.title}” created from the wire item.")
    return redirect("wagtailadmin_pages:edit", story.pk)


@require_POST
@action_permission
def ignore(request, pk: int):
    item = get_object_or_404(WireItem, pk=pk)
    try:
        services.ignore_item(item, user=request.user)
    except services.DeskError as error:
        messages.error(request, f"Cannot ignore: {error}.")
    else:
        messages.success(request, f"Ignored “{item.headline or item.external_id}”.")
    return _back(request, reverse("ingest_desk"))


@require_POST
@action_permission
def restore(request, pk: int):
    item = get_object_or_404(WireItem, pk=pk)
    services.restore_item(item)
    messages.success(request, f"“{item.headline or item.external_id}” is back on the desk.")
    return _back(request, reverse("ingest_item", args=(item.pk,)))


@require_POST
@action_permission
def ignore_cluster(request, pk: int):
    cluster = get_object_or_404(WireCluster, pk=pk)
    count = services.ignore_cluster(cluster, user=request.user)
    messages.success(request, f"Ignored {count} item{'s' if count != 1 else ''}.")
    return _back(request, reverse("ingest_desk"))
