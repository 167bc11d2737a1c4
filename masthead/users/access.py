"""A role's view answers 403 to everyone else.

Wagtail turns a PermissionDenied raised in an admin view into a redirect to the dashboard; for the views
of a role (the wire desk) a plain 403, with a page saying whose view it is, is the honest answer and the one
scripts and tests can check.
"""

from __future__ import annotations

from functools import wraps

from django.template.response import TemplateResponse


def role_required(*permissions: str, role: str):
    """The view for users with every one of ``permissions`` (the ``role``'s); 403 for the others."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.has_perms(permissions):
                return TemplateResponse(request, "users/forbidden.html", {"role": role}, status=403)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
