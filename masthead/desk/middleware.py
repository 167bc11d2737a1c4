"""The admin in the edition's time zone for editors who have not chosen one.

Wagtail shows and parses the admin's times in the zone of the user's profile, and falls back to
``settings.TIME_ZONE`` (UTC) when the profile has none: a Karachi editor who types 10:00 as a go-live
time would schedule 10:00 UTC, 15:00 in Karachi. Wagtail reads the zone from the profile inside each admin
view (``wagtail.admin.localization.get_localized_response``), so a zone activated here would be overridden
there; instead the user's profile, for this request only, answers with the edition's zone. Nothing is
saved: a zone the editor picks in their account settings still wins.
"""

from __future__ import annotations

from functools import cache

from django.urls import reverse

from masthead.desk import editions

# URL arguments of the admin's page views that name the page being edited (or the parent of a new one).
PAGE_ARGUMENTS = ("page_id", "parent_page_id")


@cache
def _admin_prefix() -> str:
    return reverse("wagtailadmin_home")


class EditionTimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(_admin_prefix()):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        profile = getattr(user, "wagtail_userprofile", None)  # read once; Wagtail finds it cached
        if profile is not None and profile.current_time_zone:
            return None
        edition = _edition_of(view_kwargs)
        if edition is None:
            return None
        if profile is None:
            from wagtail.users.models import UserProfile

            # An unsaved profile with Wagtail's defaults, which is what "no profile" means to the admin.
            profile = UserProfile(user=user)
            user.wagtail_userprofile = profile
        zone = edition.time_zone
        profile.get_current_time_zone = lambda: zone
        return None


def _edition_of(view_kwargs) -> editions.Edition | None:
    """The edition of the page the view works on, else the default edition."""
    all_editions = editions.all_editions()
    if len(all_editions) > 1:
        page_id = next((view_kwargs[name] for name in PAGE_ARGUMENTS if name in view_kwargs), None)
        if page_id is not None and str(page_id).isdigit():
            from wagtail.models import Page

            path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
            if path is not None:
                found = editions.edition_for_path(path)
                if found is not None:
                    return found
    return all_editions[0] if all_editions else None
