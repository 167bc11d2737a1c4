"""The home page's lead story is its first curated slot now (curation/migrations/0002 moved each choice there)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_article_sitemap_month"),
        ("curation", "0002_home_lead_story_into_slots"),
    ]

    operations = [migrations.RemoveField(model_name="homepage", name="lead_story")]
