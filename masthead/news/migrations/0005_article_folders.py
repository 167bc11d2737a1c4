import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def file_stories_in_their_folders(apps, schema_editor):
    from masthead.news.tree import below

    ArchiveYearPage = apps.get_model("news", "ArchiveYearPage")
    ArticlePage = apps.get_model("news", "ArticlePage")
    for folder in ArchiveYearPage.objects.only("path", "depth"):
        ArticlePage.objects.filter(below(folder.path), depth=folder.depth + 1).update(folder=folder)


class Migration(migrations.Migration):

    dependencies = [
        ("images", "0002_initial"),
        ("news", "0004_section_anchors"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="articlepage",
            name="folder",
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="news.archiveyearpage"),
        ),
        migrations.AddIndex(
            model_name="articlepage",
            index=models.Index(fields=["folder", "-published_at"], name="news_article_folder_pub"),
        ),
        migrations.RunPython(file_stories_in_their_folders, migrations.RunPython.noop),
    ]
