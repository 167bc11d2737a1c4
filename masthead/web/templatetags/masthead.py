"""Template helpers of the public site: dates in both calendars, story age, lite links."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from masthead.news.models import SectionPage
from masthead.web.lite import lite_url

register = template.Library()

DAYS_PER_YEAR = 365.2425


@register.simple_tag(takes_context=True)
def dual_date(context, moment: datetime | None) -> str:
    """A moment in both calendars, in the edition's language and digits (Edition.dual_date)."""
    if moment is None:
        return ""
    edition = context["edition"]
    return isolate_hijri(edition, edition.dual_date(moment))


@register.simple_tag(takes_context=True)
def masthead_date(context) -> str:
    """Today's dateline under the masthead (Edition.masthead_date)."""
    edition = context["edition"]
    return isolate_hijri(edition, edition.masthead_date())


def isolate_hijri(edition, line: str) -> str | SafeString:
    """``line`` with its Hijri half in ``<bdi>`` when that half is right to left on a left-to-right page.

    Otherwise bidi reorders "۸ ذوالقعدہ ۱۴۴۴" after an English date (its year
    lands beside the day). The halves are found by the dateline's own
    separators (calendars/formatting.py), which no month name contains.
    """
    if edition.right_to_left or not edition.hijri_is_right_to_left:
        return line
    gregorian, separator, rest = line.partition(" / ")
    hijri, comma, clock = rest.partition(edition.date_language.comma)
    return format_html("{}{}<bdi>{}</bdi>{}{}", gregorian, separator, hijri, comma, clock)


@register.simple_tag(takes_context=True)
def digits(context, number: int) -> str:
    """A number in the edition's digits: an archive's year is ``۲۰۲۳`` on an Urdu edition."""
    edition = context.get("edition")
    return str(number) if edition is None else edition.number(number)


@register.filter
def age_in_years(moment: datetime | None) -> int:
    if moment is None:
        return 0
    return int((timezone.now() - moment).days // DAYS_PER_YEAR)


@register.simple_tag(takes_context=True)
def href(context, target) -> str:
    """The URL of a page or path that keeps the reader in the lite version once they chose it."""
    url = target if isinstance(target, str) else (target.get_url(context.get("request")) or "")
    if context.get("lite") and url.startswith("/"):
        return lite_url(url)
    return url


@register.simple_tag(takes_context=True)
def section_nav(context) -> SafeString:
    """The section menu's items, the current section marked; rendered once per edition, section and version.

    Drawn only from the edition's sections, which the edition snapshot
    holds: the memo goes when they change.
    """
    edition, page = context["edition"], context.get("page")
    current = getattr(page, "pk", None) if isinstance(page, SectionPage) else getattr(page, "section_id", None)
    is_front = bool(context.get("is_front"))
    lite = bool(context.get("lite"))
    key = ("section_nav", current, is_front, lite)
    markup = edition.fragments.get(key)
    if markup is None:
        request = context.get("request")
        items = [
            (lite_url(url) if lite else url, section.title, section.pk == current)
            for section in edition.sections
            for url in [section.get_url(request) or ""]
        ]
        if lite:
            markup = format_html_join("", '<a href="{}">{}</a> ', ((url, title) for url, title, _ in items))
        else:
            home = format_html('<li><a href="/"{}>{}</a></li>', mark_safe(CURRENT) if is_front else "", gettext("Home"))
            markup = home + format_html_join(
                "",
                '<li><a href="{}"{}>{}</a></li>',
                ((url, mark_safe(CURRENT) if here else "", title) for url, title, here in items),
            )
        edition.fragments[key] = markup
    return markup


CURRENT = ' aria-current="page"'


@register.simple_tag(takes_context=True)
def story_body(context, body, related) -> SafeString:
    """The story's rendered blocks, with the Read more link after the paragraph ``body.read_more_after``."""
    parts = []
    for index, part in enumerate(body.parts):
        parts.append(part)
        if index == body.read_more_after and related is not None:
            url = href(context, related)
            parts.append(
                format_html(
                    '<p class="read-more"><strong>{}</strong> <a href="{}">{}</a></p>', gettext("Read more:"), url, related.title
                )
            )
    return mark_safe("\n".join(parts))


@register.simple_tag(takes_context=True)
def lite_toggle_url(context) -> str:
    request = context["request"]
    return request.path if context.get("lite") else lite_url(request.path)


@register.filter
def machine_time(moment: datetime | None) -> str:
    """A ``datetime`` attribute value: whole seconds with the UTC offset, as HTML requires."""
    if moment is None:
        return ""
    return moment.isoformat(timespec="seconds")
