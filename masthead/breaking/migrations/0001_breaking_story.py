import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("news", "0006_article_sitemap_month"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="BreakingStory",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("headline", models.CharField(max_length=255)),
                ("started_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("ends_at", models.DateTimeField()),
                ("ended_at", models.DateTimeField(blank=True, null=True)),
                (
                    "ended_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("home", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="news.homepage")),
                (
                    "set_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("story", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="news.articlepage")),
            ],
            options={
                "verbose_name": "breaking story",
                "verbose_name_plural": "breaking stories",
                "ordering": ["-started_at"],
                "indexes": [
                    models.Index(condition=models.Q(("ended_at__isnull", True)), fields=["ends_at"], name="breaking_open_ends_at")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("ended_at__isnull", True)), fields=("home",), name="breaking_one_open_per_edition"
                    )
                ],
            },
        ),
    ]
