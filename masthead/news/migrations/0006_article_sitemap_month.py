from datetime import UTC

from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import ExtractMonth, ExtractYear


def fill_sitemap_months(apps, schema_editor):
    """Two set-based updates over the archive, once: each story's UTC month of publication and last change."""
    ArticlePage = apps.get_model("news", "ArticlePage")
    Page = apps.get_model("wagtailcore", "Page")
    last_change = Page.objects.filter(pk=OuterRef("pk")).values("last_published_at")[:1]
    ArticlePage.objects.update(changed_at=Subquery(last_change))
    ArticlePage.objects.exclude(published_at=None).update(
        sitemap_month=ExtractYear("published_at", tzinfo=UTC) * 100 + ExtractMonth("published_at", tzinfo=UTC)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0002_initial"),
        ("news", "0005_article_folders"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="articlepage",
            name="changed_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="articlepage",
            name="sitemap_month",
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="articlepage",
            index=models.Index(fields=["sitemap_month", "-changed_at"], name="news_article_month_changed"),
        ),
        migrations.RunPython(fill_sitemap_months, migrations.RunPython.noop),
    ]
