from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe

from masthead.web.edition import Edition
from masthead.web.lite import lite_style

BASE_TEMPLATE = "web/base.html"
LITE_BASE_TEMPLATE = "web/lite_base.html"


def edition(request):
    """The edition, lazily: admin pages that never show it never query for it."""
    lite = getattr(request, "lite", False)
    return {
        "edition": SimpleLazyObject(lambda: Edition.for_request(request)),
        "lite": lite,
        "base_template": LITE_BASE_TEMPLATE if lite else BASE_TEMPLATE,
        "lite_style": mark_safe(lite_style(translation.get_language())) if lite else "",
    }
