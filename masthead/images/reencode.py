"""Every new picture file is decoded and written again: the bytes served are Masthead's, never the uploader's.

An upload is whatever bytes someone sent. A JPEG with an HTML document appended decodes as a picture, and
served byte for byte from ``/media/original_images/`` it can be sniffed or linked as a page; EXIF carries
the photographer's GPS position; comments and XMP carry anything at all. So the file is decoded with Pillow
(every frame) and encoded again in the format it came in, and only pixels survive:

- JPEG stays JPEG, with the source's own quantisation tables and subsampling (no visible generation loss);
  PNG stays PNG; WebP and AVIF stay themselves; a camera's MPO becomes its first picture, as a JPEG;
  anything else Pillow reads becomes PNG.
- Animated GIF, WebP and PNG keep their frames, timings and looping: editors use animated explainers.
- The EXIF orientation is applied to the pixels (so the picture stands the right way up with no EXIF left);
  a colour profile is applied too, converting to sRGB (so colours hold without carrying the profile's bytes).
  EXIF, XMP, comments, text chunks and thumbnails are dropped.
- A file Pillow cannot decode whole (not a picture, truncated, corrupt) is refused, and so is one with
  more pixels (width x height x frames) than ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``: a decompression bomb is
  refused from its header, before any pixel is decoded.
"""

from __future__ import annotations

import io
import os
import warnings

from django.core.files.base import ContentFile
from PIL import Image, ImageCms, ImageOps, ImageSequence, JpegImagePlugin, UnidentifiedImageError

# The format a picture is written in, from the format Pillow read; anything else becomes PNG.
OUTPUT_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WEBP", "AVIF": "AVIF"}
EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "GIF": (".gif",), "WEBP": (".webp",), "AVIF": (".avif",)}
ANIMATED_FORMATS = frozenset({"GIF", "WEBP", "PNG"})
# What a frame may keep of the source's ``info``: how to play it and which colour is transparent.
FRAME_INFO = frozenset({"transparency", "duration", "loop", "disposal", "background"})
DEFAULT_MAX_PIXELS = 50_000_000


class PictureRejected(ValueError):
    """The file is not a picture Masthead will keep; the message says why, for the editor."""


class ReencodedFile(ContentFile):
    """A picture file Masthead wrote itself (the model does not re-encode it a second time)."""

    def __init__(self, content: bytes, name: str, width: int, height: int):
        super().__init__(content, name=name)
        self.width, self.height = width, height


def reencode(source, *, name: str, max_pixels: int = DEFAULT_MAX_PIXELS) -> ReencodedFile:
    """``source`` (a file object), decoded and written again; :class:`PictureRejected` when it cannot be."""
    if hasattr(source, "seek"):
        source.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as image:
                frames = getattr(image, "n_frames", 1)
                pixels = image.width * image.height * frames
                if pixels > max_pixels:
                    raise PictureRejected(
                        f"the picture has too many pixels ({image.width:,} × {image.height:,}"
                        + (f" × {frames:,} frames" if frames > 1 else "")
                        + f"); the limit is {max_pixels:,}"
                    )
                output_format = OUTPUT_FORMATS.get(image.format or "", "PNG")
                if frames > 1 and output_format in ANIMATED_FORMATS:
                    content, size = _write_animation(image, output_format)
                else:
                    content, size = _write_still(image, output_format)
    except PictureRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PictureRejected(f"the picture has too many pixels; the limit is {max_pixels:,}") from None
    except UnidentifiedImageError:
        raise PictureRejected("the file is not a picture (no format Masthead reads)") from None
    except Exception as error:  # noqa: BLE001 - Pillow raises many kinds for bad input; every one means "unreadable"
        raise PictureRejected(f"the picture is damaged or incomplete and could not be decoded ({_reason(error)})") from None
    return ReencodedFile(content, name=_renamed(name, output_format), width=size[0], height=size[1])


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text[:200]


def _renamed(name: str, output_format: str) -> str:
    base, extension = os.path.splitext(os.path.basename(name or "picture"))
    if extension.lower() in EXTENSIONS[output_format]:
        return f"{base}{extension}"
    return f"{base or 'picture'}{EXTENSIONS[output_format][0]}"


def _write_still(image: Image.Image, output_format: str) -> tuple[bytes, tuple[int, int]]:
    image.load()  # decodes every byte it needs: a truncated or corrupt file fails here
    jpeg_tables = _jpeg_tables(image) if output_format == "JPEG" else {}
    picture = _in_srgb(ImageOps.exif_transpose(image), image.info.get("icc_profile"))
    picture = _mode_for(picture, output_format)
    picture.info = {key: value for key, value in picture.info.items() if key == "transparency"}
    out = io.BytesIO()
    picture.save(out, output_format, **_encoder_options(output_format), **jpeg_tables)
    return out.getvalue(), picture.size


def _write_animation(image: Image.Image, output_format: str) -> tuple[bytes, tuple[int, int]]:
    frames, durations = [], []
    for frame in ImageSequence.Iterator(image):
        frame.load()
        copy = frame.copy()
        copy.info = {key: value for key, value in frame.info.items() if key in FRAME_INFO}
        durations.append(frame.info.get("duration", 100))
        frames.append(_mode_for(copy, output_format) if output_format != "GIF" else copy)
    options = {"save_all": True, "append_images": frames[1:], "duration": durations}
    if "loop" in image.info:
        options["loop"] = image.info["loop"]
    out = io.BytesIO()
    frames[0].save(out, output_format, **_encoder_options(output_format), **options)
    return out.getvalue(), frames[0].size


def _jpeg_tables(image: Image.Image) -> dict:
    """The source's quantisation tables and subsampling: re-encoding at the quality it came in."""
    tables = getattr(image, "quantization", None)
    if not tables or not isinstance(image, JpegImagePlugin.JpegImageFile):
        return {"quality": 90}
    options: dict = {"qtables": [list(table) for table in tables.values()]}
    sampling = JpegImagePlugin.get_sampling(image)
    if sampling != -1:
        options["subsampling"] = sampling
    return options


def _in_srgb(picture: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """Pixels converted from the picture's colour profile to sRGB; unchanged when there is none (or it is broken)."""
    if not icc_profile:
        return picture
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    output_mode = "RGBA" if has_alpha else "RGB"
    try:
        source = picture if picture.mode in ("RGB", "RGBA", "CMYK", "L") else picture.convert(output_mode)
        return ImageCms.profileToProfile(
            source,
            ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)),
            ImageCms.createProfile("sRGB"),
            outputMode=output_mode,
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return picture  # a profile that does not fit the pixels: keep them as they are, without it


def _mode_for(picture: Image.Image, output_format: str) -> Image.Image:
    """A mode the output format can hold."""
    if output_format == "JPEG" and picture.mode not in ("L", "RGB", "CMYK"):
        return picture.convert("RGB")
    if output_format in ("WEBP", "AVIF") and picture.mode not in ("RGB", "RGBA"):
        has_alpha = picture.mode in ("LA", "PA", "RGBA") or "transparency" in picture.info
        return picture.convert("RGBA" if has_alpha else "RGB")
    if output_format == "GIF" and picture.mode not in ("P", "L"):
        return picture.convert("RGBA").quantize() if picture.mode != "RGB" else picture.quantize()
    return picture


def _encoder_options(output_format: str) -> dict:
    return {
        "JPEG": {"optimize": True},
        "PNG": {"optimize": False},
        "GIF": {},
        "WEBP": {"quality": 90, "method": 4},
        "AVIF": {"quality": 85},
    }[output_format]
