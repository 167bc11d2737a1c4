"""The story editor's form, which names in the error banner what is wrong on a tab the editor cannot see.

Wagtail says "The page could not be saved due to validation errors" and marks the field, which may be on
another tab: a slug clash hides on Promote while the editor looks at Content. Wagtail's banner lists every
error, each with its field's label, once the form has an error of its own (``messages.validation_error``);
this form adds one such error, first, for each field in error away from the first tab, saying where it is
("The slug 'x' is already used by another story in this folder (World 2026) — see the Promote tab.").
"""

from __future__ import annotations

from functools import cache

from django.core.exceptions import NON_FIELD_ERRORS
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import PublishingPanel
from wagtail.models import Page


class StoryForm(WagtailAdminPageForm):
    def full_clean(self):
        # After every clean(): the form Wagtail builds puts its scheduling checks after this class.
        super().full_clean()
        if self.is_bound and self._errors:
            self._name_slug_clash()
            self._name_other_tabs()

    def _name_other_tabs(self):
        places = places_of(type(self.instance))
        first_tab = next(iter(places.values()), None)
        named_already = set()
        for name, errors in list(self.errors.items()):
            place = places.get(name)
            if place is None or place == first_tab:
                continue
            label = self._label(name)
            for error in errors:
                # "The slug 'x' is already used…" names its field; "This field is required." does not.
                named = error if label.lower() in error.lower() else f"{label}: {error}"
                line = f"{named.rstrip('.')} — see {place}."
                if line not in named_already:  # one error on two fields (go-live after expiry) is said once
                    named_already.add(line)
                    self.add_error(None, line)
        if NON_FIELD_ERRORS in self._errors:
            # The banner lists the errors in this order: where to look first, then each field's own words.
            errors = dict(self._errors)
            self._errors.clear()
            self._errors[NON_FIELD_ERRORS] = errors.pop(NON_FIELD_ERRORS)
            self._errors.update(errors)

    def _name_slug_clash(self):
        """Wagtail's "already in use within the parent page" in the newsroom's words, with the folder's name."""
        slug = (self.data.get(self.add_prefix("slug")) or "").strip()
        if "slug" not in self.errors or not slug or self.parent_page is None:
            return
        if Page._slug_is_available(slug, self.parent_page, self.instance):
            return
        self.errors["slug"] = self.error_class(
            [f"The slug '{slug}' is already used by another story in this folder ({self.parent_page.title})."]
        )

    def _label(self, name: str) -> str:
        field = self.fields.get(name)
        return str(field.label) if field is not None and field.label else name.replace("_", " ").capitalize()


SCHEDULE = "the schedule in the Status side panel"


@cache
def places_of(model) -> dict[str, str]:
    """Where each form field of ``model``'s editor is shown ("the Promote tab"), tabs in order.

    Wagtail draws the publishing schedule (go-live and expiry) in the Status side panel, not on a tab.
    """
    places: dict[str, str] = {}
    for tab in model.get_edit_handler().children:
        for panel in _panels_within(tab):
            if isinstance(panel, PublishingPanel):
                for name in panel.get_form_options().get("fields", []):
                    places.setdefault(name, SCHEDULE)
        for name in tab.get_form_options().get("fields", []):
            places.setdefault(name, f"the {tab.heading} tab")
    return places


def _panels_within(panel):
    yield panel
    for child in getattr(panel, "children", ()):
        yield from _panels_within(child)
