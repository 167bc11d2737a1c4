from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "masthead.web"
    label = "web"
    verbose_name = "Public site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from masthead.web import snapshot

        snapshot.connect()
