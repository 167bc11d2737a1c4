"""Picture items into the picture library: the agency's picture, with its caption and credit, as a masthead Picture.

The picture comes through the wire's safe fetcher (``fetch.py``: public
addresses only, a size cap, one time limit), or from the item itself when
the agency embedded it (a ``data:`` URI). A path on this machine is never
read: agency copy names the file, and a file name from outside must not
open files here; sample packages whose pictures travel as files beside the
XML are added through the picture library's own upload.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
import posixpath
from io import BytesIO
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import Truncator
from willow.image import UnrecognisedImageFormatError

from masthead.ingest.fetch import FetchError, FetchPolicy, fetch
from masthead.ingest.models import WireItem

DEFAULT_MAX_PICTURE_BYTES = 40 * 1024 * 1024  # an agency's full-resolution JPEG is 5 to 25 MB


class PictureError(Exception):
    """Why a picture item cannot be added to the library, in words for the desk."""


def picture_of(item: WireItem) -> dict:
    """The item's picture as the parser found it: href, caption, credit (empty strings when it has none)."""
    return {
        "href": item.picture_href,
        "caption": item.picture_caption,
        "credit": item.picture_credit,
    }


def _policy() -> FetchPolicy:
    return FetchPolicy(
        max_bytes=int(getattr(settings, "INGEST_MAX_PICTURE_BYTES", DEFAULT_MAX_PICTURE_BYTES)),
        timeout=float(getattr(settings, "INGEST_FETCH_TIMEOUT", 20.0)),
        allow_loopback=bool(getattr(settings, "INGEST_FETCH_ALLOW_LOOPBACK", False)),
    )


def _embedded(href: str) -> tuple[bytes, str]:
    header, _, data = href.partition(",")
    if ";base64" not in header:
        raise PictureError("the embedded picture is not base64-encoded")
    try:
        content = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise PictureError("the embedded picture is not valid base64") from None
    extension = mimetypes.guess_extension(header[5:].split(";")[0]) or ".jpg"
    return content, f"wire-picture{extension}"


def picture_bytes(href: str) -> tuple[bytes, str]:
    """(content, file name) of the picture at ``href``; :class:`PictureError` when it cannot be had."""
    href = href.strip()
    if not href:
        raise PictureError("the item names no picture file")
    if href.startswith("data:"):
        content, name = _embedded(href)
        if len(content) > _policy().max_bytes:
            raise PictureError("the embedded picture is over the size limit")
        return content, name
    scheme = urlsplit(href).scheme.lower()
    if scheme not in ("http", "https"):
        raise PictureError(f"the picture is a file delivered beside the item ({href[:80]}), not an address to fetch")
    try:
        result = fetch(href, policy=_policy())
    except FetchError as error:
        raise PictureError(f"the picture could not be fetched: {error}") from None
    if result.status != 200 or not result.content:
        raise PictureError(f"the picture could not be fetched: HTTP {result.status}")
    name = posixpath.basename(unquote(urlsplit(result.url).path)) or "wire-picture.jpg"
    return result.content, name[-100:]


def add_to_library(item: WireItem, *, user=None):
    """A library Picture made from ``item``'s picture, with its credit; the one already made when there is one."""
    from masthead.images.models import Picture
    from masthead.images.reencode import PictureRejected

    if item.picture_id is not None:
        return item.picture
    if item.kind != "picture":
        raise PictureError("this item is not a picture")
    found = picture_of(item)
    content, name = picture_bytes(found["href"])
    title = (item.headline or found["caption"] or item.external_id)[:255]
    picture = Picture(
        title=title, credit=found["credit"][:255], description=Truncator(found["caption"]).chars(255), uploaded_by_user=user
    )
    try:
        picture.file = ImageFile(BytesIO(content), name=name)  # reads the dimensions: an unreadable file fails here
        with transaction.atomic():
            picture.save()
            WireItem.objects.filter(pk=item.pk).update(picture=picture)
    except (PictureRejected, UnrecognisedImageFormatError) as error:
        raise PictureError(f"the file is not a picture Masthead can use: {error}") from None
    item.picture = picture
    return picture
