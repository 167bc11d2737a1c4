from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets.button import ListingButton

from masthead.translation import listing, services
from masthead.translation.views import TranslatePageView


@hooks.register("register_admin_urls", order=-10)
def register_translate_page_url():
    # simple_translation's own path, registered before its hook's: every "Translate" button Wagtail draws
    # (page header, explorer rows) reaches TranslatePageView, which makes missing parents in one step.
    return [path("translation/submit/page/<int:page_id>/", TranslatePageView.as_view(), name="translation_translate_page")]


@hooks.register("before_edit_page")
def say_what_this_translates(request, page):
    """ "Translation of ‘…’ (English)" above the editor of a translation, with a link to its source."""
    if request.method != "GET" or not services.in_story_tree(page):
        return None
    source = listing.source_of(page)
    if source is not None:
        messages.info(
            request,
            format_html("Translation of ‘{}’ ({})", source.get_admin_display_title(), source.locale.get_display_name()),
            buttons=[messages.button(reverse("wagtailadmin_pages:edit", args=[source.pk]), "Open the source")],
        )
    return None


@hooks.register("construct_explorer_page_queryset")
def explorer_rows_know_their_translations(parent_page, pages, request):
    return listing.with_translation_ids(pages)


@hooks.register("register_page_listing_buttons")
def translation_buttons(page, user, next_url=None):
    """A button per translation on each explorer row ("ur", to its editor): which stories are translated, at a glance."""
    for code, page_id in listing.annotated_translations(page):
        try:
            name = get_language_info(code)["name"]
        except KeyError:  # a language Django has no name for
            name = code
        yield ListingButton(
            code,
            reverse("wagtailadmin_pages:edit", args=[page_id]),
            attrs={"title": f"{name} translation", "aria-label": f"{name} translation", "lang": code},
            priority=25,
        )
