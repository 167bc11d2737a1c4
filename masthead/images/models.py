from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage


class Picture(AbstractImage):
    """A picture with its credit: the credit travels with the picture, the caption with each use."""

    credit = models.CharField(max_length=255, blank=True, help_text="Photographer or agency, e.g. 'Photo: AFP'.")

    admin_form_fields = WagtailImage.admin_form_fields + ("credit",)

    class Meta:
        verbose_name = "picture"


class PictureRendition(AbstractRendition):
    image = models.ForeignKey(Picture, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
