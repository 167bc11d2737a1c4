import django.db.models.deletion
from django.db import migrations, models


def derive_anchors(apps, schema_editor):
    """Anchor the archives already there, so their deep pages are fast from the first request."""
    from masthead.news import positions

    SectionPage = apps.get_model("news", "SectionPage")
    ArticlePage = apps.get_model("news", "ArticlePage")
    SectionAnchor = apps.get_model("news", "SectionAnchor")
    for section_id in SectionPage.objects.values_list("pk", flat=True):
        stories = positions.listed_in(section_id, ArticlePage.objects.all())
        SectionAnchor.objects.bulk_create(
            SectionAnchor(section_id=section_id, position=position, published_at=published_at, story_pk=pk)
            for position, published_at, pk in positions.anchors_of(stories)
        )


class Migration(migrations.Migration):

    dependencies = [
        ("news", "0003_tag_publication_dates"),
    ]

    operations = [
        migrations.CreateModel(
            name="SectionAnchor",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.PositiveIntegerField()),
                ("published_at", models.DateTimeField()),
                ("story_pk", models.IntegerField()),
                ("section", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="news.sectionpage")),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("section", "position"), name="news_sectionanchor_position")],
            },
        ),
        migrations.RunPython(derive_anchors, migrations.RunPython.noop),
    ]
