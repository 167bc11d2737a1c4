from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "masthead.api"
    label = "api"
    verbose_name = "App API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from masthead.api.signals import connect

        connect()
