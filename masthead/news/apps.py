from django.apps import AppConfig


class NewsConfig(AppConfig):
    # A story change's upkeep (news/upkeep.py) is called by masthead/pipeline/changes.py, first of its steps.
    name = "masthead.news"
    label = "news"
    verbose_name = "News"
    default_auto_field = "django.db.models.BigAutoField"
