"""Each home page's chosen lead story becomes its first slot, so no editor's choice is lost with the old field."""

from django.db import migrations


def lead_story_to_slot(apps, schema_editor):
    HomePage = apps.get_model("news", "HomePage")
    HomeSlot = apps.get_model("curation", "HomeSlot")
    for home_id, story_id in HomePage.objects.exclude(lead_story=None).values_list("pk", "lead_story_id"):
        if not HomeSlot.objects.filter(page_id=home_id).exists():
            HomeSlot.objects.create(page_id=home_id, story_id=story_id, sort_order=0)


def first_slot_to_lead_story(apps, schema_editor):
    HomePage = apps.get_model("news", "HomePage")
    HomeSlot = apps.get_model("curation", "HomeSlot")
    for home in HomePage.objects.all():
        first = HomeSlot.objects.filter(page_id=home.pk).order_by("sort_order", "pk").first()
        HomePage.objects.filter(pk=home.pk).update(lead_story_id=first.story_id if first else None)


class Migration(migrations.Migration):
    dependencies = [
        ("curation", "0001_front_slots"),
        ("news", "0006_article_sitemap_month"),
    ]

    operations = [migrations.RunPython(lead_story_to_slot, first_slot_to_lead_story)]
