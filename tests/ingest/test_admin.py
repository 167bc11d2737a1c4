"""The wire desk in the admin: listing by cluster, filters, preview, Create draft, Ignore, CSRF."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from masthead.ingest import pipeline
from masthead.ingest.models import WireItem, WireSource

from .test_dedup import AFP, OTHER, REUTERS
from .test_pipeline import ninjs


@pytest.fixture
def wire(edition, seed_bytes):
    seed = pipeline.ingest_payload(seed_bytes).outcomes[0].item
    a = pipeline.ingest_payload(ninjs(uri="urn:r", headline="Talks begin", body=REUTERS), source="Reuters wire").outcomes[0].item
    b = (
        pipeline.ingest_payload(ninjs(uri="urn:a", headline="Talks open", body=AFP, copyrightholder="AFP"), source="AFP wire")
        .outcomes[0]
        .item
    )
    c = (
        pipeline.ingest_payload(ninjs(uri="urn:c", headline="Cricket captain named", body=OTHER), source="AFP wire")
        .outcomes[0]
        .item
    )
    return {"seed": seed, "reuters": a, "afp": b, "cricket": c}


def test_the_desk_shows_one_row_per_cluster(admin_client, wire):
    html = admin_client.get(reverse("ingest_desk")).content.decode()
    assert html.count('class="wire-row"') == 3
    assert html.count('class="wire-row--other"') == 1
    assert "Talks open" in html and "Talks begin" in html and "2 items, 2 agencies" in html
    assert "Stale" in html and "Russia ready for talks" in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"q": "cricket"}, "Cricket captain named", "Russia ready"),
        ({"stale": "1"}, "Russia ready", "Cricket captain named"),
        ({"status": "new"}, "Cricket captain named", "nothing"),
        ({"status": "ignored"}, "No wire items match", "Cricket captain named"),
    ],
)
def test_filters(admin_client, wire, query, shown, hidden):
    html = admin_client.get(reverse("ingest_desk"), query).content.decode()
    assert shown in html and hidden not in html


def test_source_and_agency_filters(admin_client, wire):
    source = WireSource.objects.get(name="MM News")
    html = admin_client.get(reverse("ingest_desk"), {"source": source.pk}).content.decode()
    assert "Russia ready" in html and "Cricket" not in html
    html = admin_client.get(reverse("ingest_desk"), {"agency": wire["seed"].agency_id}).content.decode()
    assert "Russia ready" in html and "Cricket" not in html


@pytest.mark.parametrize("query", [{"page": "abc"}, {"source": "x"}, {"agency": "-1"}, {"status": "nonsense"}, {"q": "x" * 500}])
def test_bad_filter_values_are_ignored(admin_client, wire, query):
    assert admin_client.get(reverse("ingest_desk"), query).status_code == 200


def test_a_page_past_the_end_is_404(admin_client, wire):
    assert admin_client.get(reverse("ingest_desk"), {"page": "99"}).status_code == 404


def test_the_preview_shows_the_sanitised_body_and_the_stale_flag(admin_client, wire):
    html = admin_client.get(reverse("ingest_item", args=(wire["seed"].pk,))).content.decode()
    assert "Stale copy." in html and "27 February 2022" in html
    assert "Interfax (credited as “Ifax”)" in html
    assert "MOSCOW" in html and "Create draft" in html
    assert "not in the archive: dropped" in html


def test_the_preview_never_renders_markup_from_the_wire(admin_client, edition):
    doc = {
        "uri": "urn:xss",
        "headline": "<script>alert(1)</script>Hi",
        "body_html": "<p onclick='x()'>Body<script>alert(2)</script></p>",
    }
    item = pipeline.ingest_payload(json.dumps(doc).encode(), source="Wire").outcomes[0].item
    html = admin_client.get(reverse("ingest_item", args=(item.pk,))).content.decode()
    assert "<script>alert(1)" not in html and "alert(2)" not in html and "onclick='x()'" not in html


def test_the_raw_payload_downloads_exactly_as_received(admin_client, wire, seed_bytes):
    response = admin_client.get(reverse("ingest_item_raw", args=(wire["seed"].pk,)))
    assert response.content == seed_bytes
    assert response["Content-Type"] == "application/octet-stream" and response["Content-Disposition"].startswith("attachment")


def test_create_draft_opens_the_editor_on_a_prefilled_story(admin_client, wire, edition):
    item = wire["seed"]
    response = admin_client.post(reverse("ingest_create_draft", args=(item.pk,)), {"section": edition.sections["world"].pk})
    item.refresh_from_db()
    assert item.status == "drafted" and not item.article.live
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=(item.article_id,))
    editor = admin_client.get(response["Location"]).content.decode()
    assert "Russia ready for talks with Ukraine in Belarus" in editor and "Moscow" in editor


def test_create_draft_of_an_embargoed_item_says_why_not(admin_client, edition):
    later = (timezone.now() + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    item = pipeline.ingest_payload(ninjs(embargoed=later), source="Wire").outcomes[0].item
    response = admin_client.post(reverse("ingest_create_draft", args=(item.pk,)), follow=True)
    assert "embargoed until" in response.content.decode()
    assert WireItem.objects.get(pk=item.pk).article is None


def test_ignore_an_item_and_a_cluster(admin_client, wire):
    admin_client.post(reverse("ingest_ignore", args=(wire["cricket"].pk,)))
    assert WireItem.objects.get(pk=wire["cricket"].pk).status == "ignored"
    admin_client.post(reverse("ingest_ignore_cluster", args=(wire["reuters"].cluster_id,)))
    assert set(WireItem.objects.filter(cluster_id=wire["reuters"].cluster_id).values_list("status", flat=True)) == {"ignored"}
    admin_client.post(reverse("ingest_restore", args=(wire["cricket"].pk,)))
    assert WireItem.objects.get(pk=wire["cricket"].pk).status == "new"


def test_ignore_refuses_an_offsite_redirect(admin_client, wire):
    response = admin_client.post(reverse("ingest_ignore", args=(wire["cricket"].pk,)), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("ingest_desk")


def test_actions_need_post_and_a_csrf_token(admin_user, wire):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.get(reverse("ingest_ignore", args=(wire["cricket"].pk,))).status_code == 405
    assert client.post(reverse("ingest_ignore", args=(wire["cricket"].pk,))).status_code == 403
    assert client.post(reverse("ingest_create_draft", args=(wire["cricket"].pk,))).status_code == 403
    assert WireItem.objects.get(pk=wire["cricket"].pk).status == "new"


@pytest.mark.django_db
def test_the_desk_needs_a_login(client):
    assert client.get(reverse("ingest_desk")).status_code == 302


def test_the_desk_is_in_the_menu_and_sources_are_editable(admin_client, edition):
    assert "Wire desk" in admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert admin_client.get(reverse("wire_sources:index")).status_code == 200
    response = admin_client.post(
        reverse("wire_sources:add"),
        {"name": "Dawn", "kind": "feed", "url": "https://www.example.org/feed/", "enabled": "on", "poll_interval": "15"},
    )
    assert response.status_code == 302
    assert WireSource.objects.get(name="Dawn").url == "https://www.example.org/feed/"


def test_an_empty_desk_says_how_to_fill_it(admin_client, edition):
    assert "masthead ingest PATH_OR_URL" in admin_client.get(reverse("ingest_desk")).content.decode()


def test_a_kill_is_written_in_the_storys_history(admin_client, edition):
    story = pipeline.ingest_payload(ninjs(), source="Reuters wire", publish=True).outcomes[0].story
    pipeline.ingest_payload(ninjs(version="2", pubstatus="canceled"), source="Reuters wire")
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=(story.pk,))).content.decode()
    assert "Wire: The agency withdrew this item" in history
    item = WireItem.objects.get()
    html = admin_client.get(reverse("ingest_item", args=(item.pk,))).content.decode()
    assert "Killed by the agency" in html and "was unpublished" in html
    desk = admin_client.get(reverse("ingest_desk")).content.decode()
    assert "Killed by agency" in desk


def test_the_source_inspect_view_shows_poll_state(admin_client, edition):
    source = WireSource.objects.create(
        name="Dawn", url="https://www.example.org/feed/", last_status="error", last_error="HTTP 500 from …", failures=2
    )
    html = admin_client.get(reverse("wire_sources:inspect", args=(source.pk,))).content.decode()
    assert "HTTP 500" in html
