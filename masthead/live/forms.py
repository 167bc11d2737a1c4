"""The posting form: one box of text, as quick as a chat message; a picture, quote or embed when there is one."""

from __future__ import annotations

from django import forms
from wagtail.images import get_image_model
from wagtail.images.widgets import AdminImageChooser

from masthead.live.services import EMPTY_ENTRY


class EntryForm(forms.Form):
    title = forms.CharField(max_length=200, required=False, help_text="Optional. Key events are listed by it.")
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6, "autofocus": True}),
        required=False,
        help_text="Leave a blank line between paragraphs.",
    )
    key_event = forms.BooleanField(required=False, label="Key event")
    pinned = forms.BooleanField(required=False, label="Pin to the top", help_text="Unpins the entry pinned now.")
    picture = forms.ModelChoiceField(queryset=get_image_model().objects.all(), required=False, widget=AdminImageChooser)
    caption = forms.CharField(max_length=255, required=False)
    quote = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    attribution = forms.CharField(max_length=255, required=False)
    embed_url = forms.URLField(required=False, label="Embed (URL of a post or video)", assume_scheme="https")

    def clean(self):
        data = super().clean()
        if not any((data.get("body") or "").strip() or data.get(name) for name in ("picture", "quote", "embed_url")):
            self.add_error("body", EMPTY_ENTRY)
        return data

    def body_blocks(self) -> list:
        from masthead.live.rendering import body_from

        data = self.cleaned_data
        return body_from(
            data["body"],
            quote=data["quote"],
            attribution=data["attribution"],
            picture=data["picture"],
            caption=data["caption"],
            embed_url=data["embed_url"],
        )
