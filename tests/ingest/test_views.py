"""The wire desk's listing and actions: urgency, filters, search, preview, bulk actions, the pulse, the menu badge,
pictures into the library, who sees payloads and sources, and the listing's query count."""

from __future__ import annotations

import json
from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from masthead.ingest import pipeline, views
from masthead.ingest.models import WireItem, WireSource
from masthead.users import roles

from .test_pipeline import ninjs


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # the pulse and the filter options are cached for a few seconds
    yield
    cache.clear()


def ingest(uri: str, headline: str, body: str, *, source="Agency wire", subject=(), **fields) -> WireItem:
    document = ninjs(uri=uri, headline=headline, body=body, subject=[{"name": name} for name in subject])
    item = pipeline.ingest_payload(document, source=source).outcomes[0].item
    if fields:
        WireItem.objects.filter(pk=item.pk).update(**fields)
        item.refresh_from_db()
    return item


@pytest.fixture
def wire(edition):
    return {
        "flash": ingest(
            "urn:flash", "Earthquake strikes Gomel", "A strong earthquake shook the region on Monday.", urgency=1, category="a"
        ),
        "routine": ingest(
            "urn:routine",
            "Harvest festival opens",
            "Farmers gathered for the annual pumpkin weigh-in.",
            urgency=5,
            category="f",
            subject=["agriculture", "festivals"],
        ),
        "plain": ingest("urn:plain", "Council meets on budget", "The council discussed the library roof at length."),
    }


def desk_user(django_user_model, role: str, name: str = ""):
    user = django_user_model.objects.create_user(name or role.lower().replace(" ", "-"), f"{role[:3]}@example.org", "pw")
    user.groups.add(Group.objects.get(name=role))
    return user


def rows(html: str) -> list[str]:
    """The headlines of the desk's rows, in order."""
    import re

    return re.findall(r'<tr class="wire-row[^"]*">.*?<strong>([^<]*)</strong>', html, re.S)


def test_urgency_is_shown_and_flash_items_stand_out(admin_client, wire):
    html = admin_client.get(reverse("ingest_desk")).content.decode()
    assert 'class="wire-row wire-row--flash"' in html
    assert html.count('wire-row--flash"') == 1
    assert "Flash</span>" in html  # in words, not colour alone, for screen readers


def test_sorting_by_urgency_puts_flash_first_and_unrated_copy_last(admin_client, wire):
    newest = rows(admin_client.get(reverse("ingest_desk")).content.decode())
    assert newest == ["Council meets on budget", "Harvest festival opens", "Earthquake strikes Gomel"]
    urgent = rows(admin_client.get(reverse("ingest_desk"), {"sort": "urgency"}).content.decode())
    assert urgent == ["Earthquake strikes Gomel", "Harvest festival opens", "Council meets on budget"]


def test_urgency_sort_pages_past_the_rated_items(admin_client, wire, monkeypatch):
    monkeypatch.setattr(views, "CLUSTERS_PER_PAGE", 2)
    first = rows(admin_client.get(reverse("ingest_desk"), {"sort": "urgency"}).content.decode())
    second = rows(admin_client.get(reverse("ingest_desk"), {"sort": "urgency", "page": "2"}).content.decode())
    assert first == ["Earthquake strikes Gomel", "Harvest festival opens"] and second == ["Council meets on budget"]


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"category": "a"}, ["Earthquake strikes Gomel"]),
        ({"urgency": "2"}, ["Earthquake strikes Gomel"]),
        ({"urgency": "8"}, None),  # not a choice: ignored
        ({"subject": "agriculture"}, ["Harvest festival opens"]),
        ({"subject": "festival"}, []),  # a subject is matched whole
        ({"kind": "picture"}, []),
    ],
)
def test_filters(admin_client, wire, query, shown):
    got = rows(admin_client.get(reverse("ingest_desk"), query).content.decode())
    assert got == (
        shown if shown is not None else ["Council meets on budget", "Harvest festival opens", "Earthquake strikes Gomel"]
    )


def test_agency_filter(admin_client, edition):
    a = (
        pipeline.ingest_payload(ninjs(uri="urn:afp", headline="From AFP", copyrightholder="AFP"), source="AFP wire")
        .outcomes[0]
        .item
    )
    pipeline.ingest_payload(ninjs(uri="urn:other", headline="From nobody", body="Rain fell on Tuesday in the hills."), source="X")
    assert a.agency_id
    assert rows(admin_client.get(reverse("ingest_desk"), {"agency": a.agency_id}).content.decode()) == ["From AFP"]


def test_search_reads_the_body_through_the_index(admin_client, wire):
    assert rows(admin_client.get(reverse("ingest_desk"), {"q": "pumpkin"}).content.decode()) == ["Harvest festival opens"]
    assert rows(admin_client.get(reverse("ingest_desk"), {"q": "library roof"}).content.decode()) == ["Council meets on budget"]
    assert rows(admin_client.get(reverse("ingest_desk"), {"q": 'roof" OR "x'}).content.decode()) == []  # no query syntax
    assert admin_client.get(reverse("ingest_desk"), {"q": "word " * 400}).status_code == 200


def test_search_is_bounded(admin_client, wire, monkeypatch):
    monkeypatch.setattr(views, "SEARCH_CANDIDATES", 1)
    WireItem.objects.filter(pk=wire["plain"].pk).update(headline="Council meets on budget")
    ingest("urn:second", "Budget council again", "The council discussed the library roof once more.")
    assert rows(admin_client.get(reverse("ingest_desk"), {"q": "roof"}).content.decode()) == ["Budget council again"]


def test_the_body_preview_needs_no_script(admin_client, wire):
    html = admin_client.get(reverse("ingest_desk")).content.decode()
    assert '<details class="wire-preview"><summary>Preview</summary>' in html
    assert "annual pumpkin weigh-in" in html
    assert '<a href="?subject=agriculture">agriculture</a>' in html


def test_the_preview_keeps_paragraphs_apart(admin_client, edition):
    ingest("urn:two-paragraphs", "Bridge reopens", "The bridge reopened on Monday.\n\nTraffic was light at first.")
    html = admin_client.get(reverse("ingest_desk")).content.decode()
    assert "on Monday. Traffic was light" in html and "Monday.Traffic" not in html


def test_bulk_create_drafts_reports_each_failure_and_keeps_it_selected(admin_client, wire, edition):
    WireItem.objects.filter(pk=wire["plain"].pk).update(status="killed", pub_status="canceled")
    response = admin_client.post(
        reverse("ingest_bulk"),
        {
            "action": "draft",
            "section": edition.sections["world"].pk,
            "item": [wire["flash"].pk, wire["plain"].pk, wire["routine"].pk, 999999],
        },
        follow=True,
    )
    html = response.content.decode()
    statuses = dict(WireItem.objects.values_list("pk", "status"))
    assert statuses[wire["flash"].pk] == statuses[wire["routine"].pk] == "drafted"
    assert statuses[wire["plain"].pk] == "killed"
    assert "2 drafts created in World" in html
    assert "“Council meets on budget”: the agency withdrew this item." in html
    assert "Item 999999 is no longer on the wire." in html
    assert f'value="{wire["plain"].pk}" form="wire-bulk" aria-label="Select “Council meets on budget”" checked' in html


def test_bulk_ignore(admin_client, wire):
    admin_client.post(reverse("ingest_bulk"), {"action": "ignore", "item": [wire["flash"].pk, wire["plain"].pk]})
    assert set(WireItem.objects.filter(status="ignored").values_list("pk", flat=True)) == {wire["flash"].pk, wire["plain"].pk}


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"action": "draft", "section": "", "item": ["1"]}, "Choose a section you may file stories in; nothing was done."),
        ({"action": "draft", "section": "999999", "item": ["1"]}, "Choose a section you may file stories in; nothing was done."),
        ({"action": "publish", "item": ["1"]}, "Choose what to do with the selected items."),
        ({"action": "ignore"}, "Select one or more items first."),
        ({"action": "ignore", "item": [str(n) for n in range(1, 200)]}, "Select at most 100 items at once; nothing was done."),
    ],
)
def test_bulk_refusals_change_nothing(admin_client, wire, form, message):
    html = admin_client.post(reverse("ingest_bulk"), form, follow=True).content.decode()
    assert message in html
    assert set(WireItem.objects.values_list("status", flat=True)) == {"new"}


def test_bulk_needs_post_and_csrf(admin_user, wire):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.get(reverse("ingest_bulk")).status_code == 405
    assert client.post(reverse("ingest_bulk"), {"action": "ignore", "item": [wire["flash"].pk]}).status_code == 403
    assert WireItem.objects.get(pk=wire["flash"].pk).status == "new"


def test_the_pulse_counts_new_items_with_an_etag_and_stays_private(admin_client, wire):
    url = reverse("ingest_desk_pulse")
    newest = wire["plain"].pk
    response = admin_client.get(url, {"since": newest})
    assert response.json() == {"newest": newest, "since": newest, "new": 0, "cap": views.PULSE_CAP}
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    etag = response["ETag"]
    assert admin_client.get(url, {"since": newest}, HTTP_IF_NONE_MATCH=etag).status_code == 304
    later = ingest("urn:later", "Late news", "Something happened after the page was drawn.")
    cache.clear()
    response = admin_client.get(url, {"since": newest}, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response.json()["new"] == 1 and response.json()["newest"] == later.pk


@pytest.mark.django_db
def test_the_pulse_is_never_shared_with_anonymous_readers(client):
    response = client.get(reverse("ingest_desk_pulse"))
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_the_desk_carries_its_polling_script(admin_client, wire):
    html = admin_client.get(reverse("ingest_desk")).content.decode()
    assert f'data-wire-pulse="{reverse("ingest_desk_pulse")}?since={wire["plain"].pk}"' in html
    assert 'role="status" aria-live="polite" hidden' in html and "ingest/desk.js" in html


def test_the_menu_counts_items_since_the_desk_was_last_seen(admin_client, wire):
    home = reverse("wagtailadmin_home")
    assert '"data-wire-new": "3"' in admin_client.get(home).content.decode()
    admin_client.get(reverse("ingest_desk"))
    assert '"data-wire-new":' not in admin_client.get(home).content.decode()
    ingest("urn:late", "Late news", "Something happened after the desk was read.")
    cache.clear()
    html = admin_client.get(home).content.decode()
    assert '"data-wire-new": "1"' in html and '"aria-label": "Wire desk, 1 new items"' in html


def jpeg() -> bytes:
    out = BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "JPEG")
    return out.getvalue()


def picture_item(href: str) -> WireItem:
    doc = {
        "uri": "urn:picture",
        "type": "picture",
        "headline": "Flood in the valley",
        "byline": "Jane Roe",
        "copyrightholder": "Example Agency",
        "description_text": "Water covers the main road on Tuesday.",
        "renditions": {"baseImage": {"href": href, "mimetype": "image/jpeg", "width": 40, "height": 30}},
    }
    return pipeline.ingest_payload(json.dumps(doc).encode(), source="Picture wire").outcomes[0].item


def test_a_picture_goes_into_the_library_with_its_credit(admin_client, edition, loopback, allow_loopback):
    item = picture_item(loopback.add("/flood.jpg", body=jpeg(), headers={"Content-Type": "image/jpeg"}))
    assert item.kind == "picture" and item.picture_credit == "Jane Roe/Example Agency"
    page = admin_client.get(reverse("ingest_item", args=(item.pk,))).content.decode()
    assert "Add to the picture library" in page and "Water covers the main road" in page
    assert "Pictures" in admin_client.get(reverse("ingest_desk"), {"kind": "picture"}).content.decode()
    response = admin_client.post(reverse("ingest_add_picture", args=(item.pk,)))
    item.refresh_from_db()
    assert item.picture is not None and item.picture.credit == "Jane Roe/Example Agency"
    assert item.picture.description == "Water covers the main road on Tuesday." and item.picture.width == 40
    assert response["Location"] == reverse("wagtailimages:edit", args=(item.picture_id,))
    admin_client.post(reverse("ingest_add_picture", args=(item.pk,)))  # twice: still one picture
    from masthead.images.models import Picture

    assert Picture.objects.count() == 1


@pytest.mark.parametrize(
    ("href", "reason"),
    [
        ("http://10.0.0.1/x.jpg", "the picture could not be fetched"),
        ("./GYI0062134533.jpg", "a file delivered beside the item"),
        ("file:///etc/passwd", "a file delivered beside the item"),
        ("data:image/jpeg;base64,bm90IGEgcGljdHVyZQ==", "not a picture Masthead can use"),
    ],
)
def test_a_picture_that_cannot_be_had_says_why(admin_client, edition, href, reason):
    item = picture_item(href)
    html = admin_client.post(reverse("ingest_add_picture", args=(item.pk,)), follow=True).content.decode()
    assert reason in html
    assert WireItem.objects.get(pk=item.pk).picture_id is None


def test_the_wire_desk_adds_an_embedded_picture(edition, django_user_model):
    import base64

    client = Client()
    client.force_login(desk_user(django_user_model, roles.WIRE_DESK))
    item = picture_item("data:image/jpeg;base64," + base64.b64encode(jpeg()).decode())
    client.post(reverse("ingest_add_picture", args=(item.pk,)))
    assert WireItem.objects.get(pk=item.pk).picture.credit == "Jane Roe/Example Agency"


@pytest.mark.parametrize("role", [roles.REPORTERS, roles.EDITORS])
def test_only_the_wire_desk_sees_payloads_and_sources(role, wire, django_user_model):
    client = Client()
    client.force_login(desk_user(django_user_model, role))
    source = WireSource.objects.get(name="Agency wire")
    for url in (
        reverse("ingest_item_raw", args=(wire["flash"].pk,)),
        reverse("wire_sources:index"),
        reverse("wire_sources:inspect", args=(source.pk,)),
        reverse("wire_sources:edit", args=(source.pk,)),
        reverse("ingest_desk_pulse"),
    ):
        assert client.get(url).status_code == 403, url
    assert reverse("wire_sources:index") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_wire_desk_sees_payload_links_and_sources(wire, django_user_model):
    client = Client()
    client.force_login(desk_user(django_user_model, roles.WIRE_DESK))
    assert "Raw payload" in client.get(reverse("ingest_item", args=(wire["flash"].pk,))).content.decode()
    assert client.get(reverse("ingest_item_raw", args=(wire["flash"].pk,))).status_code == 200
    assert client.get(reverse("wire_sources:index")).status_code == 200


def test_the_listing_costs_the_same_queries_for_10_and_50_items(admin_client, edition):
    def queries(**query) -> int:
        admin_client.get(reverse("ingest_desk"), query)  # the first request of a session sets things up
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(reverse("ingest_desk"), query).status_code == 200
        return len(captured)

    def add(numbers):
        for n in numbers:
            ingest(f"urn:n{n}", f"Story number {n}", f"Body of story {n} about topic{n}.", urgency=n % 4 + 1, category="a")

    add(range(10))
    ten, ten_by_urgency = queries(), queries(sort="urgency")
    add(range(10, 50))
    assert queries() == ten
    # By urgency, a page the rated items do not fill asks once more, for the unrated ones after them.
    assert queries(sort="urgency") == ten_by_urgency - 1


def _uncredited(uri: str, credit: str) -> WireItem:
    item = ingest(uri, f"Harbour copy {uri}", "Ships waited at anchor on Monday.")
    WireItem.objects.filter(pk=item.pk).update(agency=None, agency_credit=credit, unknown_credit=credit)
    item.refresh_from_db()
    return item


def test_the_wire_desk_adds_an_unknown_credit_as_a_new_agency(edition, django_user_model):
    from masthead.news.models import Agency

    first, second = _uncredited("urn:c1", "Harbour Wire Service"), _uncredited("urn:c2", "Harbour Wire Service")
    client = Client()
    client.force_login(desk_user(django_user_model, roles.WIRE_DESK))
    page = client.get(reverse("ingest_item", args=(first.pk,))).content.decode()
    assert "names no agency in the register" in page and reverse("ingest_add_credit", args=(first.pk,)) in page
    response = client.post(reverse("ingest_add_credit", args=(first.pk,)), {"name": "Harbour Wire Service"})
    assert response.status_code == 302
    agency = Agency.objects.get(name="Harbour Wire Service")
    for item in (first, second):  # every item waiting on that credit
        item.refresh_from_db()
        assert item.agency == agency and item.unknown_credit == ""


def test_an_unknown_credit_becomes_an_alias_of_a_known_agency(edition, django_user_model):
    from masthead.news.models import Agency

    known = Agency.objects.create(name="Demo Press Agency", slug="demo-press-agency")
    item = _uncredited("urn:c3", "DPA Demo")
    client = Client()
    client.force_login(desk_user(django_user_model, roles.WIRE_DESK))
    client.post(reverse("ingest_add_credit", args=(item.pk,)), {"agency": str(known.pk)})
    item.refresh_from_db()
    assert item.agency == known and Agency.objects.resolve("DPA Demo") == known


def test_a_credit_of_boilerplate_only_is_refused_and_nothing_is_added(admin_client, edition):
    from masthead.news.models import Agency

    item = _uncredited("urn:c4", "All rights reserved.")
    before = Agency.objects.count()
    response = admin_client.post(reverse("ingest_add_credit", args=(item.pk,)), {"name": ""}, follow=True)
    assert "Cannot add the credit" in response.content.decode()
    assert Agency.objects.count() == before and WireItem.objects.get(pk=item.pk).unknown_credit == "All rights reserved."


def test_only_the_wire_desk_adds_credits(edition, django_user_model):
    item = _uncredited("urn:c5", "Harbour Wire Service")
    client = Client()
    client.force_login(desk_user(django_user_model, roles.REPORTERS))
    assert client.post(reverse("ingest_add_credit", args=(item.pk,)), {"name": "Harbour Wire Service"}).status_code == 403
    assert WireItem.objects.get(pk=item.pk).unknown_credit == "Harbour Wire Service"
