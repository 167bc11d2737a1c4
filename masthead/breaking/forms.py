"""The end time an editor types, in the edition's time zone (breaking/views.py activates it)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from wagtail.admin.widgets import AdminDateTimeInput


class EndTimeForm(forms.Form):
    ends_at = forms.DateTimeField(
        label="Banner ends at",
        widget=AdminDateTimeInput(),
        help_text="The banner comes off every page at this time; you can change it or end it sooner.",
    )

    def clean_ends_at(self):
        ends_at = self.cleaned_data["ends_at"]
        if ends_at <= timezone.now():
            raise forms.ValidationError("That time has passed: choose a time in the future.")
        return ends_at
