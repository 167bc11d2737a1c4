"""Reporters, Sub-editors and Editors may translate a story into another edition's language, as a draft.

Added to each of those groups, newsroom-wide and an edition's own staff ("Urdu edition reporters"), as it
stands: an operator's own changes to the groups' permissions are kept. Publishing a translation still takes
an editor's publish right on that edition.
"""

from django.db import migrations


def grant(apps, schema_editor):
    from masthead.users import roles

    Group = apps.get_model("auth", "Group")
    translating = [role.name for role in roles.ROLES if roles.TRANSLATE_PERMISSION in role.model]
    groups = [
        group
        for group in Group.objects.all()
        if any(group.name == name or group.name.endswith(" " + roles.group_name(name, "x")[2:]) for name in translating)
    ]
    if not groups:
        return
    roles.create_all_permissions(apps)
    permission = roles._permission(apps, roles.TRANSLATE_PERMISSION)
    for group in groups:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("users", "0003_wire_desk_adds_agency_credits"), ("simple_translation", "0001_initial")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
