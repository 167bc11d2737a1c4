from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage

from masthead.images import reencode


class Picture(AbstractImage):
    """A picture with its credit: the credit travels with the picture, the caption with each use.

    Its file is never the uploader's bytes: every new file is decoded and written again before it is stored
    (``images/reencode.py``). The admin's forms do it while validating, so an unreadable file is an error on
    the form; :meth:`save` does it for every other way a file arrives (the demo, scripts, the multiple
    upload's second step), raising :class:`~masthead.images.reencode.PictureRejected` for an unreadable one.
    """

    credit = models.CharField(max_length=255, blank=True, help_text="Photographer or agency, e.g. 'Photo: AFP'.")

    admin_form_fields = WagtailImage.admin_form_fields + ("credit",)

    class Meta:
        verbose_name = "picture"

    @classmethod
    def from_db(cls, db, field_names, values):
        picture = super().from_db(db, field_names, values)
        if "file" in field_names:
            picture._stored_file = values[field_names.index("file")]  # what the row holds, to tell a new file
        return picture

    def save(self, *args, **kwargs):
        stored_original = self._reencode_new_file()
        super().save(*args, **kwargs)
        self._stored_file = self.file.name
        if stored_original and not type(self).objects.filter(file=stored_original).exists():
            self.file.storage.delete(stored_original)

    def _reencode_new_file(self) -> str:
        """Re-encode a file not re-encoded yet; the name of an original already in storage, to delete after saving."""
        if not self.file:
            return ""
        if not self.file._committed:
            if isinstance(self.file.file, reencode.ReencodedFile):
                return ""
            stored_original = ""
            source = self.file.file
        else:
            # A file put in storage before the picture was saved (Wagtail's multiple upload does, for an upload
            # it had to park): new to this row when the row is new or held another file.
            held = self.__dict__.get("_stored_file") if self.pk else None
            if self.pk and "_stored_file" not in self.__dict__:
                held = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
            if held == self.file.name:
                return ""
            stored_original = self.file.name
            source = self.file.open("rb")
        from django.conf import settings

        max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None) or reencode.DEFAULT_MAX_PIXELS
        try:
            renewed = reencode.reencode(source, name=self.file.name, max_pixels=max_pixels)
        finally:
            if stored_original:
                self.file.close()
        self.file = renewed
        self.width, self.height = renewed.width, renewed.height
        self._set_image_file_metadata()  # size and hash of the bytes kept, not of the upload
        return stored_original


class PictureRendition(AbstractRendition):
    image = models.ForeignKey(Picture, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
