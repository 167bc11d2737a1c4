"""The Wire desk may add an agency, or an alias of one, for a credit the register does not know.

Added to the group as it stands: an operator's own changes to the group's permissions are kept.
"""

from django.db import migrations


def grant(apps, schema_editor):
    from masthead.users import roles

    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=roles.WIRE_DESK).first()
    if group is None:
        return
    roles.create_all_permissions(apps)
    group.permissions.add(*(roles._permission(apps, dotted) for dotted in roles.WIRE_CREDIT_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [("users", "0002_newsroom_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
