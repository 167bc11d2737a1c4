"""Stories published before the API existed get their row, so a first sync sees them."""

from django.db import migrations

BATCH = 1000


def backfill(apps, schema_editor):
    from django.utils import timezone

    ArticlePage = apps.get_model("news", "ArticlePage")
    ArticleChange = apps.get_model("api", "ArticleChange")
    now = timezone.now()
    rows = ArticlePage.objects.filter(live=True).values_list("pk", "path", "url_path", "last_published_at").iterator(chunk_size=BATCH)
    batch = []
    for pk, path, url_path, last_published_at in rows:
        batch.append(ArticleChange(article_id=pk, path=path, url_path=url_path, live=True, reason="published", changed_at=last_published_at or now))
        if len(batch) >= BATCH:
            ArticleChange.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    ArticleChange.objects.bulk_create(batch, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        ("news", "0001_initial"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
