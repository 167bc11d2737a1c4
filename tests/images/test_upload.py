"""Pictures arriving through the admin (single and multiple upload) and from code are stored re-encoded.

The original bytes are never kept: a JPEG with an HTML document appended is stored as a clean JPEG, with the
size, hash and dimensions of what is stored; a file that does not decode is refused with a message on the form.
"""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from masthead.images.models import Picture
from masthead.images.reencode import PictureRejected

HTML = b"<html><body><script>alert(document.cookie)</script><p>polyglot</p></body></html>"


def photo(size=(48, 32), *, turned: bool = False) -> bytes:
    image = Image.new("RGB", size, (30, 120, 200))
    exif = Image.Exif()
    exif[0x8825] = {2: (33.0, 41.0, 5.0)}  # where the photographer stood
    if turned:
        exif[0x0112] = 6
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


POLYGLOT = photo() + HTML


def stored_bytes(picture: Picture) -> bytes:
    with picture.file.open("rb") as handle:
        return handle.read()


def assert_clean(picture: Picture, size=(48, 32)) -> bytes:
    content = stored_bytes(picture)
    assert b"<html" not in content and b"polyglot" not in content and b"Exif" not in content
    image = Image.open(io.BytesIO(content))
    image.load()
    assert image.format == "JPEG" and image.size == size
    assert (picture.width, picture.height) == size
    assert picture.file_size == len(content)
    assert picture.file_hash == hashlib.sha1(content).hexdigest()
    assert picture.file.name.startswith("original_images/")
    return content


@pytest.mark.django_db
def test_a_polyglot_uploaded_in_the_admin_is_stored_as_a_clean_jpeg(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Harbour", "credit": "Photo: Staff", "file": SimpleUploadedFile("harbour.jpg", POLYGLOT, "image/jpeg")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    picture = Picture.objects.get()
    assert picture.title == "Harbour" and picture.credit == "Photo: Staff"
    assert assert_clean(picture) != POLYGLOT


@pytest.mark.django_db
def test_a_polyglot_in_a_multiple_upload_is_stored_clean(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("harbour.jpg", POLYGLOT, "image/jpeg")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    data = response.json()
    assert data["success"], data
    assert_clean(Picture.objects.get(pk=data["image_id"]))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.jpg", b"<html><body>not a picture</body></html>", "Not a valid .jpeg image"),
        ("notes.png", b"%PDF-1.4 not a picture at all", "Upload a valid image"),
        ("harbour.jpg", photo(size=(300, 200))[:-700], "cannot be used: the picture is damaged or incomplete"),
    ],
)
def test_a_file_that_does_not_decode_is_refused_with_a_message(admin_client, name, content, message):
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Bad", "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Picture.objects.exists()

    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    data = response.json()
    assert not data["success"] and message in data["error_message"]
    assert not Picture.objects.exists()


@pytest.mark.django_db
def test_replacing_a_picture_in_the_admin_stores_the_new_file_clean(admin_client):
    picture = Picture(title="Harbour")
    picture.file = ImageFile(io.BytesIO(photo()), name="harbour.jpg")
    picture.save()
    response = admin_client.post(
        reverse("wagtailimages:edit", args=[picture.pk]),
        {"title": "Harbour at dusk", "file": SimpleUploadedFile("dusk.jpg", photo(size=(60, 40)) + HTML, "image/jpeg")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    picture.refresh_from_db()
    assert_clean(picture, size=(60, 40))


@pytest.mark.django_db
def test_a_picture_made_in_code_is_stored_clean_and_the_right_way_up():
    picture = Picture(title="Harbour")
    picture.file = ImageFile(io.BytesIO(photo(turned=True) + HTML), name="harbour.jpg")
    picture.save()
    assert_clean(Picture.objects.get(pk=picture.pk), size=(32, 48))


@pytest.mark.django_db
def test_a_file_already_in_storage_is_reencoded_and_its_original_removed():
    """Wagtail's multiple upload parks some uploads and copies them into the picture's storage before saving."""
    picture = Picture(title="Parked")
    picture.file.save("parked.jpg", ContentFile(POLYGLOT), save=False)
    parked = picture.file.name
    assert picture.file.storage.exists(parked)
    picture.save()
    assert picture.file.name != parked and not picture.file.storage.exists(parked)
    assert_clean(Picture.objects.get(pk=picture.pk))
    # Saving again changes nothing: the file is re-encoded once.
    stored = picture.file.name
    picture.title = "Parked, renamed"
    picture.save()
    assert Picture.objects.get(pk=picture.pk).file.name == stored


@pytest.mark.django_db
def test_a_file_that_does_not_decode_is_refused_in_code_too():
    picture = Picture(title="Bad")
    picture.file = ContentFile(HTML, name="bad.jpg")
    with pytest.raises(PictureRejected, match="not a picture"):
        picture.save()
    assert not Picture.objects.exists()


@pytest.mark.django_db
def test_the_demo_pictures_are_stored_reencoded():
    from masthead.demo import content
    from masthead.demo.filing import picture as _picture

    spec = next(story for story in content.STORIES if story.picture)
    picture = _picture(spec)
    stored = stored_bytes(picture)
    image = Image.open(io.BytesIO(stored))
    image.load()
    assert picture.file_size == len(stored) and (picture.width, picture.height) == image.size
