"""Roles follow the editions: a new edition gets the newsroom's staff and review workflow; Administrators
get the permissions of models added by later migrations."""

from __future__ import annotations

from django.db.models.signals import post_migrate, post_save
from wagtail.models import Site

from masthead.users import roles


def grant_new_edition(sender, instance: Site, created: bool, raw: bool = False, **kwargs) -> None:
    # Only a new edition: an existing one may have staff of its own (roles.grant_edition(..., staff=...)).
    if created and not raw and roles.roles_installed():
        roles.grant_edition(instance.root_page)


def sync_administrators(sender, app_config=None, **kwargs) -> None:
    # Sent once per app; the users app comes first, so finish the permissions of every app before granting.
    if app_config is None or app_config.label != "users" or not roles.administrators_exist():
        return  # (a test's flush empties the tables and sends this again: nothing to do then)
    roles.create_all_permissions()
    roles.sync_administrators()


def connect() -> None:
    post_save.connect(grant_new_edition, sender=Site, dispatch_uid="masthead.users.grant_new_edition")
    post_migrate.connect(sync_administrators, dispatch_uid="masthead.users.sync_administrators")
