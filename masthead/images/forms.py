"""The admin's picture form (``WAGTAILIMAGES_IMAGE_FORM_BASE``): every upload is re-encoded while it is validated.

Wagtail's own checks run first (extension, size, a header Willow recognises, the pixel count); then the
upload is decoded whole and written again (``images/reencode.py``). A file that does not decode is an error
on the form, in words an editor can act on (Wagtail's own check lets a damaged file crash the page), and
what the form saves is the re-encoded file, so its size, hash (duplicate detection), width and height are
those of the bytes Masthead keeps. The single upload, the multiple upload and the chooser's upload all
build their forms on this one.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from masthead.images import reencode


def _refusal(name: str, reason) -> ValidationError:
    return ValidationError(
        "“%(name)s” cannot be used: %(reason)s. Upload a JPEG, PNG, GIF, WebP or AVIF picture.",
        code="unreadable_picture",
        params={"name": name, "reason": reason},
    )


class PictureFileField(WagtailImageField):
    """Wagtail's image field, whose clean value is the upload re-encoded."""

    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - Willow measuring a damaged file raises whatever Pillow raised
            raise _refusal(getattr(data, "name", "the file"), f"the picture is damaged or incomplete ({error})") from None
        if upload is None:
            return None
        max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None) or reencode.DEFAULT_MAX_PIXELS
        try:
            return reencode.reencode(upload, name=upload.name, max_pixels=max_pixels)
        except reencode.PictureRejected as error:
            raise _refusal(upload.name, error) from None


class PictureForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Swapped in here, not declared: a declared field would also appear on forms built without a file
        # (the multiple upload's edit form), where it must not.
        field = self.fields.get("file")
        if field is not None and not isinstance(field, PictureFileField):
            self.fields["file"] = PictureFileField(
                label=field.label,
                required=field.required,
                widget=field.widget,
                max_length=field.max_length,
            )
