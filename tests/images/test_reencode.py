"""Re-encoding a picture: only pixels survive, the right way up, in the format they came in; bad files are refused."""

from __future__ import annotations

import io
import tracemalloc

import pytest
from PIL import Image, ImageCms, JpegImagePlugin, PngImagePlugin

from masthead.images.reencode import PictureRejected, reencode

HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def jpeg(size=(40, 20), *, orientation: int | None = None, comment: bytes = b"", icc: bool = False, quality=95) -> bytes:
    """A red picture with a blue top-left corner (to see where rotation takes it)."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((20, 40, 220), (0, 0, 8, 8))
    options: dict = {"quality": quality}
    exif = Image.Exif()
    exif[0x010F] = "Camera <script>maker</script>"  # Make
    exif[0x8825] = {2: (33.0, 41.0, 5.0)}  # GPS latitude
    if orientation:
        exif[0x0112] = orientation
    options["exif"] = exif.tobytes()
    if comment:
        options["comment"] = comment
    if icc:
        options["icc_profile"] = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    image.save(out, "JPEG", **options)
    return out.getvalue()


def decoded(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image


def test_a_jpeg_with_an_html_document_appended_comes_out_as_pixels_only():
    polyglot = jpeg(comment=b"<html>in a comment</html>", icc=True) + HTML
    result = reencode(io.BytesIO(polyglot), name="harbour.jpg")
    content = result.read()
    assert result.name == "harbour.jpg" and (result.width, result.height) == (40, 20)
    for leftover in (b"<html", b"<script", b"Exif", b"Camera", b"in a comment", b"ICC_PROFILE"):
        assert leftover not in content, leftover
    image = decoded(content)
    assert image.format == "JPEG" and image.size == (40, 20)
    assert not image.getexif() and "icc_profile" not in image.info and "comment" not in image.info
    red = image.getpixel((30, 15))
    assert abs(red[0] - 200) < 12 and abs(red[1] - 30) < 12 and abs(red[2] - 30) < 12


def test_the_exif_orientation_is_applied_to_the_pixels():
    # Orientation 6: the camera was turned; the picture is shown rotated 90° clockwise.
    result = reencode(io.BytesIO(jpeg(orientation=6)), name="turned.jpg")
    image = decoded(result.read())
    assert image.size == (20, 40) and (result.width, result.height) == (20, 40)
    assert not image.getexif()
    corner = image.getpixel((16, 3))  # the blue corner, now at the top right
    assert corner[2] > 150 and corner[0] < 100


def test_a_jpeg_keeps_the_quality_it_came_with():
    for quality in (50, 95):
        source = jpeg(size=(64, 64), quality=quality)
        result = decoded(reencode(io.BytesIO(source), name="q.jpg").read())
        original = Image.open(io.BytesIO(source))
        assert isinstance(result, JpegImagePlugin.JpegImageFile)
        assert result.quantization == original.quantization
        assert JpegImagePlugin.get_sampling(result) == JpegImagePlugin.get_sampling(original)


def test_a_png_keeps_its_transparency_and_loses_its_text():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<html>hidden</html>")
    source = io.BytesIO()
    Image.new("RGBA", (10, 10), (10, 20, 30, 40)).save(source, "PNG", pnginfo=info)
    content = reencode(io.BytesIO(source.getvalue() + HTML), name="logo.png").read()
    image = decoded(content)
    assert image.format == "PNG" and image.mode == "RGBA" and image.getpixel((3, 3)) == (10, 20, 30, 40)
    assert b"<html" not in content and b"Comment" not in content


def test_an_animated_gif_keeps_its_frames_timings_and_loop():
    frames = [Image.new("RGB", (30, 30), (index * 60, 255 - index * 60, 0)) for index in range(4)]
    source = io.BytesIO()
    frames[0].save(
        source, "GIF", save_all=True, append_images=frames[1:], duration=[100, 200, 300, 400], loop=0, comment=b"<html>x</html>"
    )
    content = reencode(io.BytesIO(source.getvalue() + HTML), name="explainer.gif").read()
    assert b"<html" not in content
    image = Image.open(io.BytesIO(content))
    assert image.format == "GIF" and image.n_frames == 4 and image.info["loop"] == 0
    durations, colours = [], []
    for index in range(image.n_frames):
        image.seek(index)
        durations.append(image.info["duration"])
        colours.append(image.convert("RGB").getpixel((1, 1)))
    assert durations == [100, 200, 300, 400]
    assert colours == [(index * 60, 255 - index * 60, 0) for index in range(4)]


def test_webp_stays_webp_and_a_format_the_site_does_not_serve_becomes_png():
    source = io.BytesIO()
    Image.new("RGB", (16, 16), "green").save(source, "WEBP")
    result = reencode(io.BytesIO(source.getvalue()), name="leaf.webp")
    assert result.name == "leaf.webp" and decoded(result.read()).format == "WEBP"
    bitmap = io.BytesIO()
    Image.new("RGB", (16, 16), "green").save(bitmap, "BMP")
    result = reencode(io.BytesIO(bitmap.getvalue()), name="leaf.bmp")
    assert result.name == "leaf.png" and decoded(result.read()).format == "PNG"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (HTML, "not a picture"),
        (b"", "not a picture"),
        (jpeg(size=(200, 200))[:-600], "damaged or incomplete"),
    ],
)
def test_files_that_do_not_decode_are_refused(content, reason):
    with pytest.raises(PictureRejected, match=reason):
        reencode(io.BytesIO(content), name="photo.jpg")


def test_a_decompression_bomb_is_refused_from_its_header():
    bomb = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(bomb, "PNG")  # 144 million pixels in a few kilobytes
    assert len(bomb.getvalue()) < 100_000
    tracemalloc.start()
    try:
        with pytest.raises(PictureRejected, match="too many pixels"):
            reencode(io.BytesIO(bomb.getvalue()), name="bomb.png", max_pixels=50_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # nothing was decoded
    small = io.BytesIO()
    Image.new("RGB", (100, 100)).save(small, "PNG")
    with pytest.raises(PictureRejected, match=r"100 × 100\); the limit is 9,999"):
        reencode(io.BytesIO(small.getvalue()), name="small.png", max_pixels=9_999)
