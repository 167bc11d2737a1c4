"""Per-edition settings: what an editor changes without a deploy."""

from __future__ import annotations

import zoneinfo
from functools import cache

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext, gettext_noop
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from masthead.calendars import MAX_OFFSET, MIN_OFFSET, Digits, HijriStyle

DEFAULT_TIME_ZONE = "Asia/Karachi"
DEFAULT_APP_CTA = gettext_noop("Download {site_name} mobile application and keep yourself updated.")


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


HIJRI_STYLE_CHOICES = [
    (HijriStyle.SOUTH_ASIAN.value, "South-Asian English (Zulkaedah)"),
    (HijriStyle.STANDARD.value, "Standard transliteration (Dhu al-Qadah)"),
    (HijriStyle.ARABIC.value, "Arabic (ذو القعدة)"),
    (HijriStyle.URDU.value, "Urdu (ذوالقعدہ)"),
]

# Blank follows the edition's language (Urdu digits on an Urdu edition), so
# an edition switched to another language needs no second change.
DIGITS_CHOICES = [
    ("", "As the edition's language writes them"),
    (Digits.URDU.value, "Urdu (۰۱۲۳۴۵۶۷۸۹)"),
    (Digits.LATIN.value, "Latin (0123456789)"),
]


@register_setting(icon="site")
class EditionSettings(BaseSiteSetting):
    """The brand and calendar of one edition. The site name itself is the Wagtail Site's name."""

    tagline = models.CharField(max_length=255, blank=True)
    logo = models.ForeignKey("images.Picture", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    share_picture = models.ForeignKey(
        "images.Picture",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown by search engines and social networks for a story without a picture. At least 1200×1200 px.",
    )
    time_zone = models.CharField(max_length=64, default=DEFAULT_TIME_ZONE, choices=time_zone_choices)
    hijri_offset = models.SmallIntegerField(
        default=0,
        validators=[MinValueValidator(MIN_OFFSET), MaxValueValidator(MAX_OFFSET)],
        help_text="Days to add to the Umm al-Qura date to follow local moon sighting (−2 to +2).",
    )
    hijri_style = models.CharField(
        max_length=16,
        choices=HIJRI_STYLE_CHOICES,
        default=HijriStyle.SOUTH_ASIAN.value,
        help_text="How an English edition spells the Hijri month. An Urdu edition always writes it in Urdu.",
    )
    digits = models.CharField(
        max_length=8,
        choices=DIGITS_CHOICES,
        default="",
        blank=True,
        help_text="The digits of dates and times. On an English edition only the Hijri half of a date follows it.",
    )
    app_cta_text = models.CharField(
        max_length=255,
        default=DEFAULT_APP_CTA,
        help_text="Closes every story. {site_name} is replaced by the site's name.",
    )
    app_store_url = models.URLField(blank=True, help_text="Apple App Store link.")
    play_store_url = models.URLField(blank=True, help_text="Google Play link.")

    panels = [
        FieldPanel("tagline"),
        FieldPanel("logo"),
        FieldPanel("share_picture"),
        MultiFieldPanel(
            [FieldPanel("time_zone"), FieldPanel("hijri_offset"), FieldPanel("hijri_style"), FieldPanel("digits")],
            heading="Dates",
        ),
        MultiFieldPanel(
            [FieldPanel("app_cta_text"), FieldPanel("app_store_url"), FieldPanel("play_store_url")], heading="Mobile app"
        ),
    ]

    class Meta:
        verbose_name = "edition settings"

    def app_cta(self, site_name: str) -> str:
        # The untouched default speaks the edition's language; text an editor wrote is shown as written.
        text = gettext(DEFAULT_APP_CTA) if self.app_cta_text == DEFAULT_APP_CTA else self.app_cta_text
        return text.replace("{site_name}", site_name)
