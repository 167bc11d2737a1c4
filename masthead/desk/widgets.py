"""The story editor's authors field as a searchable chooser instead of a Ctrl-click list of every author.

The field stays the story's many-to-many ``authors``; only the widget changes. It renders the chosen
authors alone (a newsroom's thousands of authors are never all sent to the page) and a button that opens
Wagtail's own snippet chooser, with its search, in its multiple-choice mode. The chosen authors are
options of the field's ``<select multiple>``, so the form posts exactly what Django's field reads.
"""

from __future__ import annotations

from django import forms
from django.urls import reverse
from wagtail.admin.staticfiles import versioned_static


class AuthorsChooser(forms.SelectMultiple):
    template_name = "desk/widgets/authors_chooser.html"

    @property
    def media(self):
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/modal-workflow.js"),
                versioned_static("wagtailadmin/js/chooser-modal.js"),
                versioned_static("desk/authors-chooser.js"),
            ]
        )

    def optgroups(self, name, value, attrs=None):
        # Only the chosen authors, in one query, rather than every author the field could take.
        chosen = [str(pk) for pk in value if pk not in (None, "")]
        queryset = self.choices.queryset.filter(pk__in=chosen) if chosen and hasattr(self.choices, "queryset") else []
        options = [self.create_option(name, str(author.pk), str(author), True, index) for index, author in enumerate(queryset)]
        return [(None, options, 0)] if options else []

    def get_context(self, name, value, attrs):
        from masthead.news.models import Author

        context = super().get_context(name, value, attrs)
        context["widget"]["chooser_url"] = reverse(Author.snippet_viewset.chooser_viewset.get_url_name("choose"))
        return context
