"""Breaking-news fixtures: newsroom members by role, and a story marked breaking."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone


@pytest.fixture
def member(django_user_model):
    def make(name: str, group: str):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "not-a-real-password")
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def mark(db):
    from masthead.breaking import services

    def make(story, minutes: float = 60, **kwargs):
        return services.mark(story, ends_at=timezone.now() + timedelta(minutes=minutes), **kwargs)

    return make
