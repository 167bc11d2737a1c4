from django.apps import AppConfig


class WebConfig(AppConfig):
    # The edition memo (web/snapshot.py) is forgotten by masthead/pipeline/changes.py when an edition changes.
    name = "masthead.web"
    label = "web"
    verbose_name = "Public site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from masthead.web import checks  # noqa: F401  (registers the catalogue check)
