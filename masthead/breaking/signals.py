"""Sent by breaking/services.py after a breaking story is set, changed or ended (received in pipeline/changes.py)."""

from django.dispatch import Signal

# instance: the BreakingStory row; ended: whether this change ended it.
breaking_changed = Signal()
