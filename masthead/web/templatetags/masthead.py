"""Template helpers of the public site: dates in both calendars, story age, lite links."""

from __future__ import annotations

from datetime import datetime, timedelta

from django import template
from django.utils import timezone

from masthead.web.lite import lite_url

register = template.Library()

# An update is worth showing once it is this long after first publication.
UPDATE_THRESHOLD = timedelta(minutes=5)
DAYS_PER_YEAR = 365.2425


@register.simple_tag(takes_context=True)
def dual_date(context, moment: datetime | None) -> str:
    if moment is None:
        return ""
    return context["edition"].dual_date(moment)


@register.filter
def was_updated(article) -> bool:
    first, last = article.first_published_at, article.last_published_at
    return bool(first and last and last - first >= UPDATE_THRESHOLD)


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
def lite_toggle_url(context) -> str:
    request = context["request"]
    return request.path if context.get("lite") else lite_url(request.path)



@register.filter
def machine_time(moment: datetime | None) -> str:
    """A ``datetime`` attribute value: whole seconds with the UTC offset, as HTML requires."""
    if moment is None:
        return ""
    return moment.isoformat(timespec="seconds")
