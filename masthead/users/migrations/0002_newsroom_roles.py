"""The newsroom's roles (Reporters, Sub-editors, Editors, Wire desk, Administrators), per edition, with the
review workflow on every edition. Wagtail's default groups are renamed into them (see users/roles.py)."""

from django.db import migrations


def install(apps, schema_editor):
    from masthead.users import roles

    roles.install_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("images", "0002_initial"),
        ("news", "0006_article_sitemap_month"),
        ("ingest", "0001_initial"),
        ("simple_translation", "0001_initial"),  # the roles' translate permission (added since; applied everywhere)
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
