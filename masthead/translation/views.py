"""simple_translation's "Translate page" view for the pages of an edition: one request, whatever is missing above."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from wagtail.admin import messages
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Page

from masthead.news.models import SectionPage
from masthead.translation import services
from masthead.translation.forms import StoryTranslationForm


class TranslatePageView(SubmitPageTranslationView):
    """Served at simple_translation's own URL (wagtail_hooks.py), so every "Translate" button leads here.

    A home page (an edition) keeps Wagtail's behaviour; sections, year folders and stories go through
    ``services.translate``.
    """

    def get_object(self):
        page = get_object_or_404(Page, id=self.kwargs["page_id"]).specific
        if not services.in_story_tree(page):
            return super().get_object()
        # Wagtail asks for the right to edit the source; a translator only reads it (a reporter translates
        # stories others wrote) and needs the right to add pages to the target edition, checked on submit.
        if not services.can_translate(self.request.user, page):
            raise PermissionDenied
        return page

    def get_form(self):
        if not services.in_story_tree(self.object):
            return super().get_form()
        data = self.request.POST if self.request.method == "POST" else None
        return StoryTranslationForm(self.object, data)

    def post(self, request, **kwargs):
        if not services.in_story_tree(self.object):
            return super().post(request, **kwargs)
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(**kwargs) | {"form": form})
        try:
            with transaction.atomic():
                translations = [
                    services.translate(self.object, locale, user=request.user) for locale in form.cleaned_data["locales"]
                ]
        except services.TranslationRefused as refusal:
            form.add_error("locales", str(refusal))
            return self.render_to_response(self.get_context_data(**kwargs) | {"form": form})
        except PermissionDenied as denied:
            form.add_error("locales", str(denied) or "You may not add pages to that edition.")
            return self.render_to_response(self.get_context_data(**kwargs) | {"form": form})
        for translation in translations:
            messages.success(request, _created_message(self.object, translation))
        if len(translations) == 1:
            return redirect(reverse("wagtailadmin_pages:edit", args=[translations[0].page.pk]))
        return redirect(self.get_success_url())


def _created_message(source, translation):
    locale = translation.page.locale.get_display_name()
    message = format_html("‘{}’ is now a {} draft, not yet published.", source.get_admin_display_title(), locale)
    if translation.created_parents:
        made = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse("wagtailadmin_pages:edit", args=[page.pk]), page.title) for page in translation.created_parents),
        )
        message = format_html("{} Created in the {} edition to hold it, published: {}.", message, locale, made)
        if any(isinstance(page, SectionPage) for page in translation.created_parents):
            message = format_html(
                "{} The new section is kept out of the edition's menu: translate its title and tick “Show in menus” "
                "when it should appear.",
                message,
            )
    return message
