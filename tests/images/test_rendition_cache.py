"""The process-local rendition cache: objects kept as they are, copies handed out, every process emptied on a delete."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.images.rendition_cache import ProcessRenditionCache


class Thing:
    def __init__(self, name):
        self.name = name


def make_cache(tmp_path, max_entries=100) -> ProcessRenditionCache:
    return ProcessRenditionCache(str(tmp_path / "stamp"), {"OPTIONS": {"MAX_ENTRIES": max_entries}})


def test_keeps_objects_and_hands_out_copies(tmp_path):
    cache = make_cache(tmp_path)
    cache.set("a", Thing("original"))
    first = cache.get("a")
    first.name = "changed by one request"
    assert cache.get("a").name == "original"
    assert cache.get_many(["a", "missing"]).keys() == {"a"}
    assert cache.get("missing", "default") == "default"


def test_a_delete_in_one_process_empties_the_others(tmp_path):
    ours, theirs = make_cache(tmp_path), make_cache(tmp_path)
    ours.set("a", Thing("a"))
    ours.set("b", Thing("b"))
    theirs.set("a", Thing("a"))
    theirs.delete("a")
    # One stat later, ours has forgotten everything: a deleted rendition may have been any of them.
    assert ours.get("a") is None and ours.get("b") is None
    ours.set("c", Thing("c"))
    assert ours.get("c").name == "c"


def test_oldest_entries_go_first_when_full(tmp_path):
    cache = make_cache(tmp_path, max_entries=3)
    for key in "abcd":
        cache.set(key, Thing(key))
    assert cache.get("a") is None
    assert [cache.get(key).name for key in "bcd"] == ["b", "c", "d"]
    assert cache.add("b", Thing("other")) is False and cache.get("b").name == "b"


@pytest.mark.django_db
def test_wagtail_reads_renditions_from_it_without_queries(tmp_path):
    from wagtail.images.tests.utils import get_test_image_file

    from masthead.images.models import Picture

    picture = Picture.objects.create(title="Harbour", file=get_test_image_file(size=(1600, 1200)))
    made = picture.get_renditions("fill-800x450", "fill-1200x675")
    fresh = Picture.objects.get(pk=picture.pk)
    with CaptureQueriesContext(connection) as queries:
        read = fresh.get_renditions("fill-800x450", "fill-1200x675")
    assert len(queries) == 0
    assert {spec: r.url for spec, r in read.items()} == {spec: r.url for spec, r in made.items()}
    assert read["fill-800x450"].image is fresh  # Wagtail's per-request binding lands on a copy

    # A picture whose renditions are deleted (its file replaced) is looked up in the database again.
    picture.renditions.all().delete()
    with CaptureQueriesContext(connection) as queries:
        Picture.objects.get(pk=picture.pk).get_renditions("fill-800x450")
    assert any("picturerendition" in q["sql"].lower() for q in queries)
