"""Admin template helpers: whether to offer the breaking-news tools (desk lists)."""

from django import template

from masthead.breaking import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def can_mark_breaking(context) -> bool:
    request = context.get("request")
    return bool(request and permissions.can_mark_any(request.user))
