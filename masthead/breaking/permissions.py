"""Who may mark a story breaking, change its end or end it: whoever may publish it.

Editors and Administrators (publish rights on the edition's home page,
users/roles.py); Reporters, Sub-editors and the Wire desk publish nothing,
so they cannot put a banner on every page either. Per edition: an edition
with staff of its own has its own editors.
"""

from __future__ import annotations

from wagtail.permission_policies.pages import PagePermissionPolicy


def can_mark(user, story) -> bool:
    return bool(user.is_authenticated and story.permissions_for_user(user).can_publish())


def can_mark_any(user) -> bool:
    """Whether to offer the breaking tools at all (menus, dashboard): publish rights somewhere."""
    return bool(user.is_authenticated and PagePermissionPolicy().user_has_permission(user, "publish"))
