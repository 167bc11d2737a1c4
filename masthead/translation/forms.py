"""simple_translation's form, offering every language an edition speaks rather than those the parent has."""

from __future__ import annotations

from django import forms
from wagtail.contrib.simple_translation.forms import SubmitTranslationForm

from masthead.translation import services


class StoryTranslationForm(SubmitTranslationForm):
    """Wagtail disables a locale until the page's parent is translated into it; missing parents are made here
    instead (services.translate), so a locale is disabled only when no edition speaks it."""

    def __init__(self, instance, *args, **kwargs):
        super().__init__(instance, *args, **kwargs)
        self.page = instance
        self.fields["include_subtree"].widget = forms.HiddenInput()  # a story has no subtree; a section's is its archive
        offered = list(self.fields["locales"].queryset)
        source_home = instance.get_ancestors().get(depth=services.EDITION_DEPTH)
        self.homes = services.edition_homes(source_home, offered)
        without = [locale for locale in offered if self.homes[locale.pk] is None]
        self.fields["locales"].widget.disabled_values = [locale.pk for locale in without]
        self.fields["locales"].help_text = (
            "No edition in " + ", ".join(locale.get_display_name() for locale in without) + " yet (Settings → Sites)."
            if without
            else "The pages it needs above it in that edition (section, year) are created with it if missing."
        )
        self.show_submit = len(without) < len(offered)
        if len(offered) - len(without) < 2:
            self.fields["select_all"].widget = forms.HiddenInput()

    def clean_locales(self):
        # A disabled box can still be posted: refuse it here, before anything is written.
        locales = self.cleaned_data["locales"]
        for locale in locales:
            if self.homes.get(locale.pk) is None:
                raise forms.ValidationError(services.missing_edition_message(locale))
        return locales
